from django.urls import path
from rest_framework.routers import SimpleRouter

from meent.realisatie.benchmark.api.views import GemeenteProfielView, IndicatorViewSet, WaarnemingListView

router = SimpleRouter(trailing_slash=False)
router.register("indicatoren", IndicatorViewSet, basename="indicator")
urlpatterns = [
    *router.urls,
    path("waarnemingen", WaarnemingListView.as_view(), name="waarneming-list"),
    path("gemeenten/<str:code>/profiel", GemeenteProfielView.as_view(), name="gemeente-profiel"),
]
