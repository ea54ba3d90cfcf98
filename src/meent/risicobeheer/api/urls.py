from django.urls import path
from rest_framework.routers import SimpleRouter

from meent.risicobeheer.api.views import PoolView, RiskViewSet, ScenarioViewSet

router = SimpleRouter(trailing_slash=False)
router.register("scenarios", ScenarioViewSet, basename="scenario")
router.register(r"risicoregisters/(?P<organisatie>[0-9]{1,18})/risicos", RiskViewSet, basename="risicoregister-risico")
urlpatterns = [
    *router.urls,
    path("verzekeringspool", PoolView.as_view(), name="verzekeringspool"),
]
