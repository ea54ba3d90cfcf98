from django import forms
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from meent.leden import selectors
from meent.leden.api.serializers import GemeenteSerializer, OrganisationSerializer
from meent.leden.models import Gemeente, Organisation, Succession


class GemeenteListParams(forms.Form):
    provincie = forms.CharField(required=False, max_length=100)
    jaar = forms.IntegerField(required=False, min_value=1800, max_value=2100)
    zoek = forms.CharField(required=False, max_length=100)
    europeesNederland = forms.NullBooleanField(required=False)


LIST_PARAMETERS = [
    OpenApiParameter("provincie", str, description="Provinciecode (PV27) of provincienaam."),
    OpenApiParameter("jaar", int, description="Indeling op 1 januari van dit jaar; standaard het huidige jaar."),
    OpenApiParameter("zoek", str, description="Deel van de naam, een alias of de code."),
    OpenApiParameter(
        "europeesNederland",
        bool,
        description="true: alleen Europees Nederland, zonder de openbare lichamen Bonaire, Sint Eustatius en Saba "
        "(soort `openbaar_lichaam`), die standaard meedoen.",
    ),
]


@extend_schema_view(
    list=extend_schema(summary="Gemeenten van een jaarindeling", tags=["Leden"], parameters=LIST_PARAMETERS),
    retrieve=extend_schema(
        summary="Eén gemeente op CBS-code",
        tags=["Leden"],
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="CBS-code, zoals GM0363.")],
    ),
)
class GemeenteViewSet(viewsets.ReadOnlyModelViewSet):
    """Public reference data: open to anyone, and never a 401 for a stale token."""

    serializer_class = GemeenteSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Z]{2}[0-9]{4}|BQ-[A-Z]{2}"
    permission_rules = {"*": "leden.view_gemeente"}
    authentication_classes = []
    filter_backends = []

    def get_queryset(self):
        related = (
            Prefetch("successions", queryset=Succession.objects.select_related("successor")),
            Prefetch("predecessions", queryset=Succession.objects.select_related("predecessor")),
        )
        if self.action != "list":
            return Gemeente.objects.select_related("province", "veiligheidsregio").prefetch_related(*related)
        params = GemeenteListParams(self.request.query_params)
        if not params.is_valid():
            raise ValidationError({name: [str(e) for e in errors] for name, errors in params.errors.items()})
        data = params.cleaned_data
        return selectors.gemeenten(
            year=data["jaar"],
            province=data["provincie"] or None,
            search=data["zoek"] or None,
            caribbean=not data["europeesNederland"],
        ).prefetch_related(*related)


@extend_schema_view(
    list=extend_schema(summary="Organisaties (geen gemeenten)", tags=["Leden"]),
    retrieve=extend_schema(
        summary="Eén organisatie",
        tags=["Leden"],
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de organisatie.")],
    ),
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationSerializer
    permission_rules = {"*": "leden.view_organisation"}
    lookup_value_regex = "[0-9]{1,18}"  # a longer id cannot exist (bigint), and SQLite cannot even look it up
    filterset_fields = ["kind", "country"]

    def get_queryset(self):
        return Organisation.objects.exclude(kind=Organisation.Kind.GEMEENTE).select_related("gemeente").order_by("name")
