import csv
import io

from django import forms
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, renderers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from meent.core.exports import csv_cell
from meent.realisatie.benchmark import selectors
from meent.realisatie.benchmark.api.serializers import IndicatorSerializer, ProfielSerializer, WaarnemingSerializer
from meent.realisatie.benchmark.models import Area, Indicator, Observation, PeerStatistic, Theme
from meent.realisatie.benchmark.parsing import parse_period

TAG = ["Waar staat je gemeente"]


class CsvRenderer(renderers.BaseRenderer):
    """A page of observations as CSV (``;``, UTF-8); anything else (an error) stays JSON."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if not (isinstance(data, dict) and isinstance(data.get("results"), list)):
            return renderers.JSONRenderer().render(data)
        buffer = io.StringIO()
        fields = list(WaarnemingSerializer.Meta.fields)
        writer = csv.DictWriter(buffer, fieldnames=fields, delimiter=";", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in data["results"])
        return buffer.getvalue().encode()


# The CSV has one row per observation with the JSON page's fields as columns; every cell is text.
CSV_SCHEMA = {
    "type": "array",
    "description": "Eén regel per waarneming (`;`-gescheiden, UTF-8, kopregel met de veldnamen); elke cel is tekst.",
    "items": {
        "type": "object",
        "properties": {field: {"type": "string"} for field in WaarnemingSerializer.Meta.fields},
        "required": list(WaarnemingSerializer.Meta.fields),
    },
}


class WaarnemingSchema(AutoSchema):
    """The CSV is the page's rows only, without the JSON page's envelope (count, next, previous)."""

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        if media_types and tuple(media_types) == ("text/csv",):
            return {"content": {"text/csv": {"schema": CSV_SCHEMA}}, "description": ""}
        return super()._get_response_for_code(serializer, status_code, media_types, direction)


class PublicMixin:
    """Open data: anyone may read, and a stale token never turns that into a 401."""

    authentication_classes = []
    filter_backends = []


@extend_schema_view(
    list=extend_schema(
        summary="Indicatoren",
        tags=TAG,
        parameters=[OpenApiParameter("thema", str, enum=Theme.values, description="Alleen dit thema.")],
    ),
    retrieve=extend_schema(summary="Eén indicator", tags=TAG),
)
class IndicatorViewSet(PublicMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    lookup_field = "code"
    lookup_value_regex = "[a-z0-9][a-z0-9_.-]*"
    permission_rules = {"*": "benchmark.view_indicator"}

    def get_queryset(self):
        qs = Indicator.objects.order_by("theme", "code")
        theme = self.request.query_params.get("thema")
        if self.action == "list" and theme:
            if theme not in Theme.values:
                raise ValidationError({"thema": [f"Onbekend thema; kies uit {', '.join(Theme.values)}."]})
            qs = qs.filter(theme=theme)
        return qs


class WaarnemingParams(forms.Form):
    indicator = forms.SlugField(required=False, max_length=120)
    gebied = forms.CharField(required=False, max_length=6)
    periode = forms.CharField(required=False, max_length=12)
    indeling = forms.ChoiceField(required=False, choices=[("huidig", "huidig"), ("bron", "bron")])


@extend_schema(
    summary="Waarnemingen, gefilterd op indicator, gebied en periode",
    description="Gepagineerd; met `Accept: text/csv` dezelfde pagina als CSV (`;`-gescheiden).",
    tags=TAG,
    parameters=[
        OpenApiParameter("indicator", str, description="Indicatorcode."),
        OpenApiParameter("gebied", str, description="Gebiedscode: GM0363, PV27, VR13 of NL00."),
        OpenApiParameter("periode", str, description="Periodecode: 2020, 2020-Q3, 2020-03, 2020-W37, 2020-09-15."),
        OpenApiParameter(
            "indeling",
            str,
            enum=["huidig", "bron"],
            description="huidig (standaard): omgerekend naar de huidige gemeenten; bron: zoals de bron het gaf.",
        ),
    ],
    responses={(200, "application/json"): WaarnemingSerializer, (200, "text/csv"): WaarnemingSerializer},
)
class WaarnemingListView(PublicMixin, generics.ListAPIView):
    schema = WaarnemingSchema()
    serializer_class = WaarnemingSerializer
    permission_rules = {"get": "benchmark.view_data"}
    renderer_classes = [renderers.JSONRenderer, CsvRenderer]

    def get_queryset(self):
        params = WaarnemingParams(self.request.query_params)
        if not params.is_valid():
            raise ValidationError({name: [str(e) for e in errors] for name, errors in params.errors.items()})
        data = params.cleaned_data
        flag = {"in_source_division": True} if data["indeling"] == "bron" else {"in_current_division": True}
        qs = Observation.objects.filter(**flag).select_related("indicator", "area", "period", "source")
        if data["indicator"]:
            qs = qs.filter(indicator__code=data["indicator"])
        if data["gebied"]:
            qs = qs.filter(area__code=data["gebied"].upper())
        if data["periode"]:
            try:
                period = parse_period(data["periode"]).code
            except ValueError as exc:
                raise ValidationError({"periode": [str(exc)]}) from exc
            qs = qs.filter(period__code=period)
        return qs.order_by("indicator__code", "period__start", "area__code", "id")


class GemeenteProfielView(PublicMixin, APIView):
    permission_rules = {"get": "benchmark.view_data"}

    @extend_schema(
        summary="Profiel van een gemeente",
        description="Per thema en indicator de laatste waarde, trend, Nederland, de peergroep en de positie.",
        tags=TAG,
        parameters=[
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="CBS-code, zoals GM0363."),
            OpenApiParameter(
                "peergroep",
                str,
                enum=list(PeerStatistic.Group.values),
                description="Peergroep voor de mediaan; standaard grootteklasse.",
            ),
            OpenApiParameter(
                "thema",
                str,
                enum=list(Theme.values),
                description="Alleen de indicatoren van dit thema; standaard alle thema's.",
            ),
        ],
        responses={200: ProfielSerializer, 404: OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request: Request, code: str) -> Response:
        try:
            area = selectors.gemeente_area(code)
        except Area.DoesNotExist as exc:
            raise NotFound("Deze gemeente is onbekend.") from exc
        group = request.query_params.get("peergroep") or PeerStatistic.Group.GROOTTEKLASSE
        if group not in PeerStatistic.Group.values:
            raise ValidationError({"peergroep": [f"Kies uit {', '.join(PeerStatistic.Group.values)}."]})
        theme = request.query_params.get("thema")
        if theme is not None and theme not in Theme.values:
            raise ValidationError({"thema": [f"Kies uit {', '.join(Theme.values)}."]})
        indicator_ids = selectors.profile_indicators(area).get(theme, []) if theme else None
        themes = selectors.profile(area, group=group, indicator_ids=indicator_ids)
        body = {
            "code": area.code,
            "naam": area.name,
            "inwoners": area.inhabitants,
            "huidigeIndeling": area.is_current,
            "peergroep": selectors.peer_group(area, group).label if area.is_current else None,
            "themas": [
                {
                    "thema": theme,
                    "indicatoren": [
                        {
                            "indicator": r.indicator.code,
                            "naam": r.indicator.name,
                            "eenheid": r.indicator.unit,
                            "periode": r.period.code,
                            "waarde": r.value,
                            "geschat": r.estimated,
                            "nederland": r.nederland,
                            "peergroep": r.peer,
                            "positie": r.rank,
                            "aantalGemeenten": r.count,
                            "trend": [list(t) for t in r.trend],
                        }
                        for r in rows
                    ],
                }
                for _, theme, rows in themes
            ],
        }
        return Response(ProfielSerializer(body).data)
