from rest_framework.routers import SimpleRouter

from meent.naleving.api.views import CampaignViewSet, RoadmapViewSet

router = SimpleRouter(trailing_slash=False)
router.register("campagnes", CampaignViewSet, basename="campagne")
router.register("routekaarten", RoadmapViewSet, basename="routekaart")
urlpatterns = router.urls
