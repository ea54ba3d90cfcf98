from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from meent.realisatie.inkoop import selectors
from meent.realisatie.inkoop.api.serializers import ContractSerializer
from meent.realisatie.inkoop.models import Category

TAGS = ["Gezamenlijke inkoop"]
NUMBER = OpenApiParameter("nummer", str, OpenApiParameter.PATH, description="Contractnummer, zoals INK-2020-0001.")


@extend_schema_view(
    list=extend_schema(
        summary="Inkoopcontracten met hun besparing",
        description="Realisatie ziet alle contracten; een gemeente alleen de contracten waaraan zij deelneemt, met "
        "alleen haar eigen jaarcijfers in de besparing.",
        tags=TAGS,
        parameters=[OpenApiParameter("categorie", str, enum=Category.values, description="Alleen deze categorie.")],
    ),
    retrieve=extend_schema(summary="Eén inkoopcontract met zijn besparing", tags=TAGS, parameters=[NUMBER]),
)
class ContractViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ContractSerializer
    lookup_field = "number"
    lookup_url_kwarg = "nummer"
    lookup_value_regex = "[A-Za-z]{3}-[0-9]{4}-[0-9]{4,}"
    permission_rules = {"list": "inkoop.view_contracts", "retrieve": "inkoop.view_contract"}
    object_level_rules = True
    filter_backends = []

    def _with_savings(self, contracts: list) -> list:
        figures = selectors.figures_for(self.request.user)
        for contract in contracts:
            contract.per_year = selectors.savings_per_year(figures.filter(participation__contract=contract))
        return contracts

    def get_queryset(self):
        category = self.request.query_params.get("categorie") or None
        if category is not None and category not in Category.values:
            raise ValidationError({"categorie": [f"Kies een van: {', '.join(Category.values)}."]})
        return selectors.contract_list(self.request.user, category=category)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return self._with_savings(page) if page is not None else None

    def get_object(self):
        contract = selectors.contract_for(self.request.user, self.kwargs["nummer"])
        if contract is None:
            raise Http404
        self.check_object_permissions(self.request, contract)
        rows = selectors.contract_list(self.request.user, search=contract.number)
        return self._with_savings(rows)[0]
