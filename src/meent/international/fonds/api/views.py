from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from meent.core.audit import log_read
from meent.international.fonds import selectors, services
from meent.international.fonds.api.serializers import ApplicationSerializer, FundSerializer, TransitionSerializer
from meent.international.fonds.models import Fund

TAGS = ["Subsidiefonds"]
FUND_ID = OpenApiParameter("fonds_id", int, OpenApiParameter.PATH, description="Id van het fonds.")
APPLICATION_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Id van de aanvraag.")


@extend_schema_view(
    list=extend_schema(summary="Subsidiefondsen met budget, toegekend en uitbetaald", tags=TAGS),
    retrieve=extend_schema(summary="Eén subsidiefonds", tags=TAGS),
)
class FundViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = FundSerializer
    permission_rules = {"list": "fonds.view_funds", "retrieve": "fonds.view_funds"}
    queryset = Fund.objects.select_related("donor").order_by("-starts_on", "pk")
    filter_backends = []


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen bij een fonds die de aanroeper mag zien",
        description="Medewerkers: alle ingediende aanvragen; een aanvrager: de eigen; een beoordelaar: de "
        "toegewezen. Namen en scores van beoordelaars staan nooit in de API.",
        tags=TAGS,
        parameters=[FUND_ID],
    ),
    retrieve=extend_schema(summary="Eén aanvraag", tags=TAGS, parameters=[FUND_ID, APPLICATION_ID]),
)
class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ApplicationSerializer
    permission_rules = {
        "list": "fonds.read_applications",
        "retrieve": "fonds.view_application",
        "overgang": "fonds.manage_application",
        "indienen": "fonds.edit_application",
    }
    object_level_rules = True
    filter_backends = []
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        qs = selectors.visible_applications(self.request.user).filter(call__fund_id=self.kwargs["fonds_id"])
        return qs.prefetch_related("areas").order_by("-submitted_at", "-pk")

    def get_object(self):
        application = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if application is None:
            raise Http404
        self.check_object_permissions(self.request, application)
        log_read(self.request.user, application)
        return application

    @extend_schema(
        summary="De aanvraag naar een nieuwe status zetten (medewerkers International)",
        description="Alleen een overgang uit `toegestaneOvergangen`; een besluit (niet_ontvankelijk, toegekend, "
        "afgewezen) vraagt een motivering, `beoordeeld` het vereiste aantal beoordelingen, `toegekend` budget.",
        tags=TAGS,
        parameters=[FUND_ID, APPLICATION_ID],
        request=TransitionSerializer,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"], url_path="overgang")
    def overgang(self, request, fonds_id=None, pk=None):
        application = self.get_object()
        params = TransitionSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        application = services.transition(
            application, data["naar"], by=request.user, motivation=data["motivering"], amount=data["bedrag"]
        )
        return Response(ApplicationSerializer(application, context={"request": request}).data)

    @extend_schema(
        summary="Een concept-aanvraag indienen (de aanvrager zelf)",
        description="Alleen vóór de sluitingstijd van de oproep; daarna 409 met de reden.",
        tags=TAGS,
        parameters=[FUND_ID, APPLICATION_ID],
        request=None,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"], url_path="indienen")
    def indienen(self, request, fonds_id=None, pk=None):
        application = services.submit(self.get_object(), by=request.user)
        return Response(ApplicationSerializer(application, context={"request": request}).data)
