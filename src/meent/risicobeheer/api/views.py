from django import forms
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from meent.risicobeheer import selectors
from meent.risicobeheer.api.serializers import PoolSerializer, RiskSerializer, ScenarioSerializer
from meent.risicobeheer.models import Risk, Theme

TAGS = ["Risicobeheer"]


def _params(form: forms.Form) -> dict:
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errors] for name, errors in form.errors.items()})
    return form.cleaned_data


class ScenarioParams(forms.Form):
    zoek = forms.CharField(required=False, max_length=200)
    trefwoord = forms.CharField(required=False, max_length=50)
    thema = forms.ChoiceField(required=False, choices=[("", ""), *Theme.choices])


@extend_schema_view(
    list=extend_schema(
        summary="Scenario's in de bibliotheek die de aanroeper mag zien",
        tags=TAGS,
        parameters=[
            OpenApiParameter(
                "zoek",
                str,
                description="Woorden die in titel, omschrijving, aannames, variabelen of trefwoorden voorkomen.",
            ),
            OpenApiParameter("trefwoord", str, description="Alleen scenario's met dit trefwoord."),
            OpenApiParameter("thema", str, enum=Theme.values, description="Alleen dit thema."),
        ],
    ),
    retrieve=extend_schema(summary="Eén scenario", tags=TAGS),
)
class ScenarioViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ScenarioSerializer
    permission_rules = {"list": "risicobeheer.view_library", "retrieve": "risicobeheer.view_scenario"}
    object_level_rules = True
    filter_backends = []

    def get_queryset(self):
        if self.action != "list":
            return selectors.visible_scenarios(self.request.user).prefetch_related("tags", "variables")
        data = _params(ScenarioParams(self.request.query_params))
        return selectors.search_scenarios(
            self.request.user, text=data["zoek"], tag=data["trefwoord"], theme=data["thema"]
        ).prefetch_related("variables")


class RiskParams(forms.Form):
    thema = forms.ChoiceField(required=False, choices=[("", ""), *Theme.choices])
    status = forms.ChoiceField(required=False, choices=[("", ""), *Risk.Status.choices])


@extend_schema_view(
    list=extend_schema(
        summary="De risico's in het register van een organisatie",
        description="Alleen het register van de eigen organisatie; medewerkers van Risicobeheer zien elk register.",
        tags=TAGS,
        parameters=[
            OpenApiParameter("organisatie", int, OpenApiParameter.PATH, description="Id van de organisatie."),
            OpenApiParameter("thema", str, enum=Theme.values, description="Alleen dit thema."),
            OpenApiParameter("status", str, enum=Risk.Status.values, description="Alleen deze status."),
        ],
    ),
)
class RiskViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = RiskSerializer
    permission_rules = {"list": "risicobeheer.view_registers"}
    filter_backends = []

    def get_queryset(self):
        register = selectors.register_for(self.request.user, int(self.kwargs["organisatie"]))
        if register is None or not self.request.user.has_perm("risicobeheer.view_register", register):
            raise Http404
        data = _params(RiskParams(self.request.query_params))
        found = selectors.risks(register, selectors.RiskFilters(theme=data["thema"], status=data["status"]))
        return found


class PoolView(APIView):
    permission_rules = {"get": "risicobeheer.view_pool"}

    @extend_schema(
        summary="De verzekeringspool van de veiligheidsregio's: deelnemers en saldo per jaar",
        description="Saldo = bijdragen − betalingen op schades in het jaar − herverzekeringspremie.",
        tags=TAGS,
        responses=PoolSerializer,
    )
    def get(self, request):
        data = {
            "deelnemers": list(selectors.pool_members()),
            "saldi": [selectors.balance(year) for year in selectors.pool_years()],
        }
        return Response(PoolSerializer(data).data)
