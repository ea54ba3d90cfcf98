from rest_framework.routers import SimpleRouter

from meent.naleving.api.views import CampaignViewSet, GlobalGoalsViewSet, RoadmapViewSet

router = SimpleRouter(trailing_slash=False)
router.register("campagnes", CampaignViewSet, basename="campagne")
router.register("routekaarten", RoadmapViewSet, basename="routekaart")
router.register("global-goals-gemeenten", GlobalGoalsViewSet, basename="global-goals-gemeente")
urlpatterns = router.urls
