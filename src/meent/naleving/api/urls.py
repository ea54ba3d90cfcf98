from rest_framework.routers import SimpleRouter

from meent.naleving.api.views import CampaignViewSet

router = SimpleRouter(trailing_slash=False)
router.register("campagnes", CampaignViewSet, basename="campagne")
urlpatterns = router.urls
