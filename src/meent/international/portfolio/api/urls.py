from django.urls import path
from rest_framework.routers import SimpleRouter

from meent.international.portfolio.api.views import (
    IatiActivitiesApiView,
    IatiOrganisationApiView,
    ProgrammeViewSet,
    ProjectViewSet,
    StatusHistoryViewSet,
)

router = SimpleRouter(trailing_slash=False)
router.register("programmas", ProgrammeViewSet, basename="programma")
router.register("projecten", ProjectViewSet, basename="project")
router.register(
    r"projecten/(?P<id>[0-9]{1,18})/statushistorie", StatusHistoryViewSet, basename="project-statushistorie"
)
urlpatterns = [
    *router.urls,
    path("iati/activiteiten", IatiActivitiesApiView.as_view(), name="iati-activiteiten"),
    path("iati/organisatie", IatiOrganisationApiView.as_view(), name="iati-organisatie"),
]
