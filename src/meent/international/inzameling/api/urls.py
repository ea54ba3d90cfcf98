from rest_framework.routers import SimpleRouter

from meent.international.inzameling.api.views import CampaignViewSet

router = SimpleRouter(trailing_slash=False)
router.register("inzamelingen", CampaignViewSet, basename="inzameling")
urlpatterns = router.urls
