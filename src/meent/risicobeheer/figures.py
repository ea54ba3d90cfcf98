"""Figures of Risicobeheer for the annual report and its own overview, registered in ``meent.core.registry``.
Counts and sums only; the counts list the records they count as far as the reader may see them."""

import datetime
from decimal import Decimal

from django.urls import reverse

from meent.core.registry import Figure, Record, Text, Unit, figures
from meent.risicobeheer import selectors
from meent.risicobeheer.models import Claim, Contribution, PoolMember, Risk, Scenario


def scenario_years() -> list[int]:
    return sorted({day.year for day in Scenario.objects.values_list("published_on", flat=True)})


def risk_years() -> list[int]:
    return sorted({moment.year for moment in Risk.unscoped.values_list("created_at", flat=True)})


def reuse_years() -> list[int]:
    return sorted({m.year for m in Risk.unscoped.filter(scenario__isnull=False).values_list("created_at", flat=True)})


def member_years() -> list[int]:
    first = PoolMember.objects.order_by("joined_on").values_list("joined_on", flat=True).first()
    return list(range(first.year, datetime.date.today().year + 1)) if first else []


def claim_years() -> list[int]:
    return sorted({day.year for day in Claim.objects.values_list("incident_on", flat=True)})


def _shared(year: int):
    return Scenario.objects.filter(published_on__year=year).select_related("author")


def _reused(year: int):
    return Risk.unscoped.filter(scenario__isnull=False, created_at__year=year)


def _members(year: int):
    return selectors.pool_members(datetime.date(year, 12, 31))


def scenario_records(year: int, user) -> list[Record]:
    visible = selectors.visible_scenarios(user).filter(published_on__year=year)
    return [
        Record(scenario.title, reverse("risicobeheer:scenario-detail", args=[scenario.pk]), str(scenario.author))
        for scenario in visible
    ]


def reuse_records(year: int, user) -> list[Record]:
    registers = selectors.registers_for(user)
    return [
        Record(risk.title, reverse("risicobeheer:risk-detail", args=[risk.pk]), str(risk.register))
        for risk in _reused(year).filter(register__in=registers).select_related("register__organisation")
    ]


def risk_records(year: int, user) -> list[Record]:
    registers = selectors.registers_for(user)
    return [
        Record(risk.title, reverse("risicobeheer:risk-detail", args=[risk.pk]), str(risk.register))
        for risk in Risk.unscoped.filter(created_at__year=year, register__in=registers).select_related(
            "register__organisation"
        )
    ]


def member_records(year: int, user) -> list[Record]:
    if not user.has_perm("risicobeheer.view_pool"):
        return []
    return [Record(str(member), reverse("risicobeheer:pool")) for member in _members(year)]


def claim_records(year: int, user) -> list[Record]:
    if not user.has_perm("risicobeheer.view_pool"):
        return []
    return [
        Record(str(claim), reverse("risicobeheer:claim-detail", args=[claim.pk]), claim.get_status_display())
        for claim in Claim.objects.filter(incident_on__year=year).select_related("member__veiligheidsregio")
    ]


def contributions(year: int) -> Decimal | None:
    return selectors.contributions_total(year) if Contribution.objects.filter(year=year).exists() else None


for figure in (
    Figure(
        key="risicobeheer.scenarios_gedeeld",
        label=Text("Gedeelde scenario's", "Scenarios shared"),
        definition=Text(
            "Scenario's die in het jaar in de scenariobibliotheek zijn gedeeld (elke zichtbaarheid).",
            "Scenarios shared in the scenario library in the year (any visibility).",
        ),
        unit=Unit.AANTAL,
        years=scenario_years,
        compute=lambda year: _shared(year).count(),
        records=scenario_records,
        order=600,
    ),
    Figure(
        key="risicobeheer.scenarios_hergebruikt",
        label=Text("Hergebruikte scenario's", "Scenarios reused"),
        definition=Text(
            "Risico's die in het jaar als kopie van een gedeeld scenario in een risicoregister zijn gezet.",
            "Risks copied in the year from a shared scenario into a risk register.",
        ),
        unit=Unit.AANTAL,
        years=reuse_years,
        compute=lambda year: _reused(year).count(),
        records=reuse_records,
        order=601,
    ),
    Figure(
        key="risicobeheer.risicos",
        label=Text("Geregistreerde risico's", "Risks registered"),
        definition=Text(
            "Risico's die in het jaar in de risicoregisters van gemeenten, veiligheidsregio's en de vereniging "
            "zijn geregistreerd.",
            "Risks registered in the year in the risk registers of gemeenten, safety regions and the association.",
        ),
        unit=Unit.AANTAL,
        years=risk_years,
        compute=lambda year: Risk.unscoped.filter(created_at__year=year).count(),
        records=risk_records,
        order=602,
    ),
    Figure(
        key="risicobeheer.pool_deelnemers",
        label=Text("Deelnemers verzekeringspool", "Insurance pool members"),
        definition=Text(
            "Veiligheidsregio's die op 31 december van het jaar deelnemen aan de verzekeringspool.",
            "Safety regions that are members of the insurance pool on 31 December of the year.",
        ),
        unit=Unit.AANTAL,
        years=member_years,
        compute=lambda year: _members(year).count(),
        records=member_records,
        order=603,
    ),
    Figure(
        key="risicobeheer.pool_bijdragen",
        label=Text("Bijdragen verzekeringspool", "Insurance pool contributions"),
        definition=Text(
            "Som van de bijdragen van de deelnemers over het jaar (het aangepaste bedrag waar dat is vastgesteld).",
            "Sum of the members' contributions for the year (the overridden amount where one was set).",
        ),
        unit=Unit.EURO,
        years=selectors.contribution_years,
        compute=contributions,
        order=604,
    ),
    Figure(
        key="risicobeheer.pool_schades",
        label=Text("Schades verzekeringspool", "Insurance pool claims"),
        definition=Text(
            "Gemelde schades met een ongevalsdatum in het jaar, elke status.",
            "Claims with an incident date in the year, any status.",
        ),
        unit=Unit.AANTAL,
        years=claim_years,
        compute=lambda year: Claim.objects.filter(incident_on__year=year).count(),
        records=claim_records,
        order=605,
    ),
    Figure(
        key="risicobeheer.pool_saldo",
        label=Text("Saldo verzekeringspool", "Insurance pool balance"),
        definition=Text(
            "Bijdragen van het jaar min de betalingen op schades in het jaar min de herverzekeringspremie.",
            "The year's contributions minus the payments on claims in the year minus the reinsurance premium.",
        ),
        unit=Unit.EURO,
        years=selectors.contribution_years,
        compute=lambda year: selectors.balance(year).result,
        order=606,
    ),
):
    figures.register(figure)
