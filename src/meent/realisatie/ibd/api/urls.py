from rest_framework.routers import SimpleRouter

from meent.realisatie.ibd.api.views import IncidentViewSet, ObservableViewSet, TimelineViewSet

NUMBER = r"(?P<nummer>[A-Za-z]{3}-[0-9]{4}-[0-9]{4,})"
router = SimpleRouter(trailing_slash=False)
router.register("incidenten", IncidentViewSet, basename="incident")
router.register(rf"incidenten/{NUMBER}/tijdlijn", TimelineViewSet, basename="incident-tijdlijn")
router.register(rf"incidenten/{NUMBER}/observables", ObservableViewSet, basename="incident-observable")
urlpatterns = router.urls
