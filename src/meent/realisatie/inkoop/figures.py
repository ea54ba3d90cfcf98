"""Key figures of joint procurement, registered in ``meent.core.registry``: the savings of a year and over the
terms of the contracts, the participating gemeenten and the contracts. Computed from the participants' yearly
figures (baseline cost − contract cost), never typed in."""

from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from meent.core.registry import Figure, Record, Row, Text, Unit, figures
from meent.realisatie.inkoop import selectors


def _gemeente_records(year: int, user) -> list[Record]:
    gemeenten = selectors.participating_gemeenten(year)
    if not selectors.is_procurement_staff(user):
        own = getattr(user, "gemeente", None)
        gemeenten = [g for g in gemeenten if own is not None and g.pk == own.pk]
    return [Record(g.name, reverse("leden:gemeente-detail", args=[g.code]), g.code) for g in gemeenten]


def _contract_records(year: int, user) -> list[Record]:
    visible = set(selectors.contracts_for(user).values_list("pk", flat=True))
    return [
        Record(str(c), reverse("inkoop:contract-detail", args=[c.number]), c.supplier)
        for c in selectors.contracts_running(year)
        if c.pk in visible
    ]


def whole_euros(amount: Decimal | None) -> int | None:
    """The report shows sums of money in whole euros (the records hold cents)."""
    return None if amount is None else int(amount.quantize(Decimal(1), ROUND_HALF_UP))


def _per_category(year: int) -> list[Row]:
    return [Row(label, whole_euros(saving)) for _, label, saving in selectors.category_savings(year)]


for figure in (
    Figure(
        key="inkoop.besparing",
        label=Text("Besparing door gezamenlijke inkoop", "Savings through joint procurement"),
        definition=Text(
            "Som over alle jaarcijfers van het jaar van de deelnemende gemeenten: basiskosten (wat de gemeente "
            "zonder het gezamenlijke contract zou betalen) min contractkosten, in hele euro.",
            "Sum over all of the year's figures of the participating gemeenten: baseline cost (what the gemeente "
            "would pay without the joint contract) minus contract cost, in whole euros.",
        ),
        unit=Unit.EURO,
        years=selectors.figure_years,
        compute=lambda year: whole_euros(selectors.saving_in_year(year)),
        order=440,
    ),
    Figure(
        key="inkoop.besparing_looptijd",
        label=Text("Besparing over de looptijd", "Savings over the term"),
        definition=Text(
            "Voor de contracten die in het jaar lopen: de besparing (basiskosten min contractkosten) over alle jaren "
            "van hun looptijd, opgeteld uit de jaarcijfers van de deelnemers, in euro.",
            "For the contracts running in the year: the savings (baseline cost minus contract cost) over all years "
            "of their term, added up from the participants' yearly figures, in euros.",
        ),
        unit=Unit.EURO,
        years=selectors.figure_years,
        compute=lambda year: whole_euros(selectors.saving_over_term(year)),
        order=441,
    ),
    Figure(
        key="inkoop.gemeenten",
        label=Text("Deelnemende gemeenten", "Participating gemeenten"),
        definition=Text(
            "Gemeenten met voor het jaar een jaarcijfer bij ten minste één gezamenlijk inkoopcontract.",
            "Gemeenten with a figure for the year for at least one joint-procurement contract.",
        ),
        unit=Unit.AANTAL,
        years=selectors.figure_years,
        compute=lambda year: len(selectors.participating_gemeenten(year)),
        records=_gemeente_records,
        order=442,
    ),
    Figure(
        key="inkoop.contracten",
        label=Text("Inkoopcontracten", "Procurement contracts"),
        definition=Text(
            "Gezamenlijke inkoopcontracten met voor het jaar ten minste één jaarcijfer van een deelnemer.",
            "Joint-procurement contracts with at least one participant's figure for the year.",
        ),
        unit=Unit.AANTAL,
        years=selectors.figure_years,
        compute=lambda year: len(selectors.contracts_running(year)),
        records=_contract_records,
        order=443,
    ),
    Figure(
        key="inkoop.besparing_per_categorie",
        label=Text("Besparing per categorie", "Savings per category"),
        definition=Text(
            "De besparing van het jaar (basiskosten min contractkosten) per categorie van contract, in euro, de "
            "grootste eerst.",
            "The year's savings (baseline cost minus contract cost) per contract category, in euros, largest first.",
        ),
        unit=Unit.EURO,
        years=selectors.figure_years,
        compute=_per_category,
        order=444,
    ),
):
    figures.register(figure)
