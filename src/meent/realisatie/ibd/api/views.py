from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request

from meent.api.problems import Conflict
from meent.core.audit import log_read
from meent.realisatie.ibd import selectors, services
from meent.realisatie.ibd.api.serializers import IncidentSerializer, ObservableSerializer, TimelineEntrySerializer
from meent.realisatie.ibd.models import Status

NUMBER = OpenApiParameter("nummer", str, OpenApiParameter.PATH, description="Incidentnummer, zoals IBD-2020-0042.")
TAGS = ["IBD"]


def _raise_validation(error: DjangoValidationError) -> None:
    if getattr(error, "code", None) == services.CLOSED:
        raise Conflict(error.messages[0])
    raise ValidationError(error.message_dict if hasattr(error, "error_dict") else {"nonFieldErrors": error.messages})


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Een unieke sleutel per melding (hoogstens 100 tekens). Een herhaalde aanroep met dezelfde sleutel "
    "maakt geen tweede incident, maar geeft het eerder gemelde incident terug.",
)


class IncidentListParams(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)


@extend_schema_view(
    list=extend_schema(
        summary="Incidenten die de aanroeper mag zien",
        description="Gefilterd op de TLP-markering: verborgen incidenten tellen niet mee.",
        tags=TAGS,
        parameters=[OpenApiParameter("status", str, enum=Status.values, description="Alleen deze status.")],
    ),
    retrieve=extend_schema(summary="Eén incident", tags=TAGS, parameters=[NUMBER]),
    create=extend_schema(
        summary="Een incident melden (informatiebeveiliger van een gemeente)", tags=TAGS, parameters=[IDEMPOTENCY_KEY]
    ),
)
class IncidentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = IncidentSerializer
    lookup_field = "number"
    lookup_url_kwarg = "nummer"
    lookup_value_regex = "[A-Za-z]{3}-[0-9]{4}-[0-9]{4,}"
    permission_rules = {
        "list": "ibd.view_incident_list",
        "retrieve": "ibd.view_incident",
        "create": "ibd.report_incident",
    }
    object_level_rules = True
    filter_backends = []

    def get_queryset(self):
        qs = selectors.visible_incidents(self.request.user).order_by("-reported_at", "-pk")
        if self.action == "list":
            params = IncidentListParams(data=self.request.query_params)
            params.is_valid(raise_exception=True)
            if params.validated_data.get("status"):
                qs = qs.filter(status=params.validated_data["status"])
        return qs

    def get_object(self):
        incident = selectors.incident_for(self.request.user, self.kwargs["nummer"])
        if incident is None:
            raise Http404
        self.check_object_permissions(self.request, incident)
        log_read(self.request.user, incident)
        return incident

    def list(self, request: Request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        for incident in self.paginator.page.object_list:
            log_read(request.user, incident)
        return response

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        key = self.request.headers.get("Idempotency-Key", "").strip()
        if len(key) > 100:
            raise ValidationError({"Idempotency-Key": ["Hoogstens 100 tekens."]})
        try:
            serializer.instance = services.report_incident(
                reporter=self.request.user,
                submission_key=key,
                title=data["title"],
                description=data["description"],
                detected_at=data["detected_at"],
                category=data["category"],
                request_type=data["request_type"],
                impact=data["impact"],
                tlp=data["tlp"],
                pap=data["pap"],
                recipients=data.get("ontvangers", []),
            )
        except DjangoValidationError as error:
            _raise_validation(error)


class IncidentChildViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Records of one incident. The incident is looked up among those the caller may see (404 otherwise); the
    rule for adding is checked on it (403)."""

    permission_rules = {"list": "ibd.read_incidents", "create": "ibd.read_incidents"}
    add_rule: str
    filter_backends = []

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        incident = selectors.incident_for(request.user, kwargs["nummer"])
        if incident is None:
            raise Http404
        if self.action == "create" and not request.user.has_perm(self.add_rule, incident):
            raise PermissionDenied()
        self.incident = incident


@extend_schema_view(
    list=extend_schema(
        summary="Tijdlijn van een incident (alleen regels die de aanroeper mag zien)", tags=TAGS, parameters=[NUMBER]
    ),
    create=extend_schema(summary="Een regel aan de tijdlijn toevoegen", tags=TAGS, parameters=[NUMBER]),
)
class TimelineViewSet(IncidentChildViewSet):
    serializer_class = TimelineEntrySerializer
    add_rule = "ibd.add_entry"

    def get_queryset(self):
        return selectors.timeline(self.request.user, self.incident)

    def list(self, request: Request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        for entry in self.paginator.page.object_list:
            log_read(request.user, entry)
        return response

    def perform_create(self, serializer) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = services.add_entry(
                self.incident,
                author=self.request.user,
                kind=data["kind"],
                text=data["text"],
                tlp=data["tlp"],
                pap=data["pap"],
                occurred_at=data.get("occurred_at"),
            )
        except DjangoValidationError as error:
            _raise_validation(error)


@extend_schema_view(
    list=extend_schema(summary="Observables van een incident", tags=TAGS, parameters=[NUMBER]),
    create=extend_schema(
        summary="Een observable vastleggen (analist); genormaliseerd en ontdubbeld", tags=TAGS, parameters=[NUMBER]
    ),
)
class ObservableViewSet(IncidentChildViewSet):
    serializer_class = ObservableSerializer
    add_rule = "ibd.work_incident"

    def get_queryset(self):
        return selectors.observables(self.request.user, self.incident)

    def list(self, request: Request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        for observable in self.paginator.page.object_list:
            log_read(request.user, observable)
        return response

    def perform_create(self, serializer) -> None:
        data = serializer.validated_data
        try:
            serializer.instance, _created = services.add_observable(
                self.incident,
                type=data["type"],
                value=data["value"],
                by=self.request.user,
                tlp=data["tlp"],
                pap=data["pap"],
                source="API",
            )
        except DjangoValidationError as error:
            raise ValidationError({"waarde": error.messages}) from error
