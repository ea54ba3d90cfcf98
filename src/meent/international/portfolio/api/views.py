from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.views import APIView

from meent.international.portfolio import iati, selectors
from meent.international.portfolio.api.serializers import (
    ProgrammaSerializer,
    ProjectSerializer,
    StatuswijzigingSerializer,
)
from meent.international.portfolio.models import Project, Status

TAGS = ["International"]
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Id van het project.")


class ProjectListParams(serializers.Serializer):
    land = serializers.RegexField(r"^[A-Za-z]{2}$", required=False)
    thema = serializers.SlugField(required=False)
    donor = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    jaar = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


@extend_schema_view(
    list=extend_schema(summary="Programma's van VNG International", tags=TAGS),
    retrieve=extend_schema(summary="Eén programma", tags=TAGS),
)
class ProgrammeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ProgrammaSerializer
    permission_rules = {"list": "portfolio.view_portfolio", "retrieve": "portfolio.view_portfolio"}
    filter_backends = []

    def get_queryset(self):
        return selectors.programmes()


@extend_schema_view(
    list=extend_schema(
        summary="Projecten van VNG International",
        tags=TAGS,
        parameters=[
            OpenApiParameter("land", str, description="ISO 3166-1-landcode, zoals ML."),
            OpenApiParameter("thema", str, description="Code van een thema, zoals water."),
            OpenApiParameter("donor", int, description="Id van de donor (organisatie)."),
            OpenApiParameter("status", str, enum=Status.values, description="Alleen projecten met deze status."),
            OpenApiParameter("jaar", int, description="Alleen projecten met budget of uitgaven in dit jaar."),
        ],
    ),
    retrieve=extend_schema(summary="Eén project", tags=TAGS),
)
class ProjectViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ProjectSerializer
    permission_rules = {"list": "portfolio.view_portfolio", "retrieve": "portfolio.view_portfolio"}
    filter_backends = []

    def get_queryset(self):
        if self.action != "list":
            return selectors.projects().prefetch_related("years")
        params = ProjectListParams(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        return selectors.projects(
            country=data.get("land", ""),
            theme=data.get("thema", ""),
            donor=data.get("donor"),
            status=data.get("status", ""),
            year=data.get("jaar"),
        ).prefetch_related("years")


@extend_schema_view(
    list=extend_schema(summary="Statushistorie van een project, oudste eerst", tags=TAGS, parameters=[ID])
)
class StatusHistoryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = StatuswijzigingSerializer
    permission_rules = {"list": "portfolio.view_portfolio"}
    filter_backends = []

    def get_queryset(self):
        return selectors.history(get_object_or_404(Project, pk=self.kwargs["id"]))


XML = {(200, "application/xml"): OpenApiResponse(OpenApiTypes.STR, description="IATI 2.03-XML")}


def _xml(document: bytes) -> HttpResponse:
    return HttpResponse(document, content_type="application/xml; charset=utf-8")


class IatiActivitiesApiView(APIView):
    """The IATI files are public like the web addresses they mirror; a stale key is never a 401 here."""

    authentication_classes = []
    permission_rules = {"get": "portfolio.view_public"}

    @extend_schema(
        summary="IATI 2.03-activiteitenbestand van alle publiceerbare projecten",
        description="Elke activiteit verwijst met provider-activity-id in haar inkomende transacties naar de "
        "activiteit van de financier (bij het ministerie van Buitenlandse Zaken XM-DAC-7-PPR-…).",
        tags=TAGS,
        responses=XML,
    )
    def get(self, request):
        return _xml(iati.activities_xml())


class IatiOrganisationApiView(APIView):
    authentication_classes = []
    permission_rules = {"get": "portfolio.view_public"}

    @extend_schema(summary="IATI 2.03-organisatiebestand van VNG International", tags=TAGS, responses=XML)
    def get(self, request):
        return _xml(iati.organisation_xml())
