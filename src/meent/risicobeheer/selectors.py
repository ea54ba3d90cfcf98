"""Reads of Risicobeheer: who sees which scenario and register, the heat map, the anonymised comparison and the
pool's sums. Every sum of money is computed from its entries here; nothing stores a total."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from meent.core.access import is_signed_in
from meent.core.roles import Role
from meent.leden.models import Gemeente, Organisation, Population, Visitor
from meent.risicobeheer.models import (
    Article,
    Claim,
    Contribution,
    Payment,
    PlatformMember,
    PoolMember,
    PoolYear,
    Register,
    Risk,
    Scenario,
    Tag,
    Theme,
)

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
# The anonymised comparison shows a group only when at least this many gemeenten are in it: a smaller group
# could point at one gemeente.
MIN_GROUP = 5


def _money(expression) -> Coalesce:
    return Coalesce(expression, Value(ZERO), output_field=DecimalField(max_digits=16, decimal_places=2))


def is_risicobeheer(user: Visitor) -> bool:
    return is_signed_in(user) and (user.has_role(Role.RISICOBEHEER) or user.has_role(Role.BESTUUR))


def is_veiligheidsregio_account(user: Visitor) -> bool:
    return bool(
        is_signed_in(user)
        and not user.is_staff_member
        and user.organisation_id
        and user.organisation.kind == Organisation.Kind.VEILIGHEIDSREGIO
    )


# Scenarios -------------------------------------------------------------------------------------------------------


def visible_scenarios(user: Visitor) -> QuerySet[Scenario]:
    """The scenarios ``user`` may read: Risicobeheer staff all of them (they keep the library); members those
    shared with all members; veiligheidsregio's also those shared with veiligheidsregio's; an author its own."""
    qs = Scenario.objects.select_related("author")
    if is_risicobeheer(user):
        return qs
    if not is_signed_in(user) or not (user.gemeente or is_veiligheidsregio_account(user)):
        return qs.none()
    shown = Q(visibility=Scenario.Visibility.LEDEN) | Q(author_id=user.organisation_id)
    if is_veiligheidsregio_account(user):
        shown |= Q(visibility=Scenario.Visibility.VEILIGHEIDSREGIOS)
    return qs.filter(shown)


def search_scenarios(
    user: Visitor, *, text: str = "", tag: str = "", theme: str = "", author: int | None = None
) -> QuerySet[Scenario]:
    """Full-text search: every word must occur in the title, description, assumptions, a variable or a tag."""
    qs = visible_scenarios(user)
    for word in text.split()[:10]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(assumptions__icontains=word)
            | Q(variables__name__icontains=word)
            | Q(tags__name__icontains=word)
        )
    if tag:
        qs = qs.filter(tags__name=tag)
    if theme:
        qs = qs.filter(theme=theme)
    if author:
        qs = qs.filter(author_id=author)
    return (
        qs.distinct()
        .annotate(reuse_count=Count("reuses", distinct=True))
        .prefetch_related("tags")
        .order_by("-published_on", "title", "pk")
    )


def scenario_for(user: Visitor, pk: int) -> Scenario | None:
    return visible_scenarios(user).filter(pk=pk).prefetch_related("tags", "variables", "documents").first()


def tags_in_use(user: Visitor) -> list[str]:
    return list(Tag.objects.filter(scenarios__in=visible_scenarios(user)).distinct().values_list("name", flat=True))


def reusers(scenario: Scenario) -> list[Organisation]:
    """Who reuses ``scenario``: the organisations whose register holds a copy of it (the copies themselves stay
    in their registers)."""
    ids = Risk.unscoped.filter(scenario=scenario).values("register__organisation")
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def reuses_by(organisation: Organisation) -> QuerySet[Risk]:
    return Risk.unscoped.filter(register__organisation=organisation, scenario__isnull=False).select_related("scenario")


# Registers -------------------------------------------------------------------------------------------------------


def registers_for(user: Visitor) -> QuerySet[Register]:
    """Risicobeheer staff see every register; anyone else only their own organisation's. The manager's tenant
    scope adds the same for gemeente accounts in the data layer."""
    qs = Register.objects.select_related("organisation")
    if is_risicobeheer(user):
        return qs
    if not is_signed_in(user) or not user.organisation_id:
        return qs.none()
    return qs.filter(organisation_id=user.organisation_id)


def keeps_a_register(user: Visitor) -> bool:
    """Gemeenten keep their own register, and so does the association (its staff). A veiligheidsregio's register
    is kept by Risicobeheer for now: its accounts have no tenant scope of their own yet."""
    return bool(is_signed_in(user) and user.organisation_id and (user.gemeente or user.is_staff_member))


def register_visible_to(user: Visitor, register: Register) -> bool:
    return registers_for(user).filter(pk=register.pk).exists()


def register_for(user: Visitor, organisation_pk: int) -> Register | None:
    return registers_for(user).filter(organisation_id=organisation_pk).first()


def risk_for(user: Visitor, pk: int) -> Risk | None:
    return (
        Risk.objects.filter(register__in=registers_for(user), pk=pk)
        .select_related("register__organisation", "scenario")
        .first()
    )


@dataclass(frozen=True)
class RiskFilters:
    theme: str = ""
    status: str = ""
    min_score: int = 0  # net likelihood × impact at least
    text: str = ""


def risks(register: Register, filters: RiskFilters = RiskFilters()) -> list[Risk]:
    qs = Risk.objects.filter(register=register).select_related("scenario").prefetch_related("measures")
    if filters.theme:
        qs = qs.filter(theme=filters.theme)
    if filters.status:
        qs = qs.filter(status=filters.status)
    for word in filters.text.split()[:10]:
        qs = qs.filter(Q(title__icontains=word) | Q(cause__icontains=word) | Q(effect__icontains=word))
    found = [risk for risk in qs if risk.net_score >= filters.min_score]
    return sorted(found, key=lambda risk: (-risk.net_score, -risk.gross_score, risk.title))


@dataclass(frozen=True)
class HeatCell:
    likelihood: int
    impact: int
    count: int

    @property
    def level(self) -> str:
        """The usual bands of a 5 × 5 matrix: low up to 4, medium up to 9, high up to 14, very high above."""
        score = self.likelihood * self.impact
        return "laag" if score <= 4 else "midden" if score <= 9 else "hoog" if score <= 14 else "zeer-hoog"


def heat_map(found: list[Risk], *, net: bool = True) -> list[list[HeatCell]]:
    """Rows from likelihood 5 down to 1, columns impact 1 to 5 (as the matrix is drawn)."""
    counts: dict[tuple[int, int], int] = {}
    for risk in found:
        key = (risk.net_likelihood, risk.net_impact) if net else (risk.gross_likelihood, risk.gross_impact)
        counts[key] = counts.get(key, 0) + 1
    return [[HeatCell(k, i, counts.get((k, i), 0)) for i in range(1, 6)] for k in range(5, 0, -1)]


def due_for_review(today: datetime.date, days: int = 7) -> QuerySet[Risk]:
    """Open risks whose review date falls within ``days`` and that have had no reminder for that date."""
    return (
        Risk.unscoped.filter(status=Risk.Status.OPEN, review_on__lte=today + datetime.timedelta(days=days))
        .exclude(reminded_for=F("review_on"))
        .select_related("register__organisation")
    )


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    gemeenten: int
    risks: int
    average_gross: Decimal
    average_net: Decimal


@dataclass(frozen=True)
class Comparison:
    by_theme: list[ComparisonRow]
    by_scenario: list[ComparisonRow]
    hidden_groups: int  # groups left out because fewer than MIN_GROUP gemeenten are in them


def _rows(groups: dict[str, list[Risk]]) -> tuple[list[ComparisonRow], int]:
    rows, hidden = [], 0
    for label, found in groups.items():
        gemeenten = {risk.register.organisation.gemeente_id for risk in found}
        if len(gemeenten) < MIN_GROUP:
            hidden += 1
            continue
        gross = Decimal(sum(risk.gross_score for risk in found)) / len(found)
        net = Decimal(sum(risk.net_score for risk in found)) / len(found)
        rows.append(ComparisonRow(label, len(gemeenten), len(found), gross.quantize(CENT), net.quantize(CENT)))
    return sorted(rows, key=lambda row: (-row.average_net, -row.gemeenten, row.label)), hidden


def comparison() -> Comparison:
    """The open risks of all gemeenten' registers, grouped by theme and by the scenario they were copied from,
    without any name of a gemeente or a risk; a group with fewer than :data:`MIN_GROUP` gemeenten is left out."""
    found = list(
        Risk.unscoped.filter(
            status=Risk.Status.OPEN, register__organisation__kind=Organisation.Kind.GEMEENTE
        ).select_related("register__organisation", "scenario")
    )
    themes: dict[str, list[Risk]] = {}
    scenarios: dict[str, list[Risk]] = {}
    for risk in found:
        themes.setdefault(str(Theme(risk.theme).label), []).append(risk)
        if risk.scenario_id:
            scenarios.setdefault(risk.scenario.title, []).append(risk)
    by_theme, hidden_themes = _rows(themes)
    by_scenario, hidden_scenarios = _rows(scenarios)
    return Comparison(by_theme, by_scenario, hidden_themes + hidden_scenarios)


def register_summary(register: Register) -> dict:
    found = list(Risk.objects.filter(register=register, status=Risk.Status.OPEN))
    return {
        "open": len(found),
        "high": sum(1 for risk in found if risk.net_score >= 15),
        "reused": sum(1 for risk in found if risk.scenario_id),
        "next_review": min((risk.review_on for risk in found), default=None),
    }


# The insurance pool ----------------------------------------------------------------------------------------------


def pool_members(on: datetime.date | None = None) -> QuerySet[PoolMember]:
    qs = PoolMember.objects.select_related("veiligheidsregio")
    return qs.filter(joined_on__lte=on) if on else qs


def inhabitants(member: PoolMember, year: int) -> int:
    """The region's inhabitants on 1 January of ``year``: the sum over its gemeenten of that year from the
    registry, or the registry's reference figure for the region when the year has no figures."""
    gemeenten = Gemeente.objects.in_year(year).filter(veiligheidsregio=member.veiligheidsregio_id)
    total = Population.objects.filter(gemeente__in=gemeenten, year=year).aggregate(n=Sum("inhabitants"))["n"]
    return total or member.veiligheidsregio.inhabitants_reference or 0


@dataclass(frozen=True)
class FormulaLine:
    member: PoolMember
    inhabitants: int
    amount: Decimal


def formula(year: int, base: Decimal, share_total: Decimal) -> list[FormulaLine]:
    """Each member of 1 January of ``year``: ``base`` plus its share of ``share_total`` by inhabitants, in cents."""
    members = list(pool_members(datetime.date(year, 1, 1)))
    counts = {member.pk: inhabitants(member, year) for member in members}
    total = sum(counts.values())
    lines = []
    for member in members:
        share = share_total * counts[member.pk] / total if total else ZERO
        lines.append(FormulaLine(member, counts[member.pk], (base + share).quantize(CENT)))
    return lines


def contribution_years() -> list[int]:
    return sorted(set(Contribution.objects.values_list("year", flat=True)))


def pool_years() -> list[int]:
    paid = {day.year for day in Payment.objects.values_list("paid_on", flat=True)}
    return sorted(set(contribution_years()) | set(PoolYear.objects.values_list("year", flat=True)) | paid)


def contributions(year: int) -> QuerySet[Contribution]:
    return Contribution.objects.filter(year=year).select_related("member__veiligheidsregio")


def contributions_total(year: int, member: PoolMember | None = None) -> Decimal:
    qs = Contribution.objects.filter(year=year)
    if member is not None:
        qs = qs.filter(member=member)
    return qs.aggregate(total=_money(Sum(Coalesce("override", "computed"))))["total"]


def payments_total(year: int, member: PoolMember | None = None) -> Decimal:
    qs = Payment.objects.filter(paid_on__year=year)
    if member is not None:
        qs = qs.filter(claim__member=member)
    return qs.aggregate(total=_money(Sum("amount")))["total"]


def premium(year: int) -> Decimal:
    pool_year = PoolYear.objects.filter(year=year).first()
    return pool_year.reinsurance_premium if pool_year else ZERO


@dataclass(frozen=True)
class Balance:
    year: int
    contributions: Decimal
    payments: Decimal
    premium: Decimal

    @property
    def result(self) -> Decimal:
        return self.contributions - self.payments - self.premium


def balance(year: int) -> Balance:
    """The pool's result of ``year``: contributions − payments made that year − the reinsurance premium."""
    return Balance(year, contributions_total(year), payments_total(year), premium(year))


def loss_ratio(member: PoolMember, last_year: int, years: int) -> Decimal | None:
    """Payments on the member's claims ÷ its contributions over the ``years`` up to ``last_year``, in percent;
    ``None`` when it contributed nothing in that period."""
    span = range(last_year - years + 1, last_year + 1)
    paid = sum((payments_total(year, member) for year in span), ZERO)
    contributed = sum((contributions_total(year, member) for year in span), ZERO)
    return (paid * 100 / contributed).quantize(Decimal("0.1")) if contributed else None


def loss_ratios(last_year: int) -> list[tuple[PoolMember, Decimal | None, Decimal | None, Decimal | None]]:
    return [
        (member, loss_ratio(member, last_year, 1), loss_ratio(member, last_year, 3), loss_ratio(member, last_year, 5))
        for member in pool_members()
    ]


def claims(*, status: str = "", year: int | None = None) -> QuerySet[Claim]:
    qs = (
        Claim.objects.select_related("member__veiligheidsregio")
        .annotate(paid=_money(Sum("payments__amount")))
        .order_by("-incident_on", "-pk")
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(incident_on__year=year)
    return qs


@dataclass(frozen=True)
class WhatIf:
    year: int
    lines: list[FormulaLine]
    premium: Decimal
    expected_payments: Decimal  # the average of the payments of the last three years

    @property
    def contributions(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def result(self) -> Decimal:
        return self.contributions - self.expected_payments - self.premium


def what_if(year: int, base: Decimal, share_total: Decimal, premium_amount: Decimal) -> WhatIf:
    """Next year's contributions under another formula, against the payments the pool made on average in the
    three years before: nothing is stored."""
    past = [payments_total(y) for y in range(year - 3, year)]
    expected = (sum(past, ZERO) / 3).quantize(CENT)
    return WhatIf(year, formula(year, base, share_total), premium_amount, expected)


# The community ---------------------------------------------------------------------------------------------------

PLATFORM_NAME = "Risico Platform Overheden"


def platform() -> Organisation | None:
    return Organisation.objects.filter(name=PLATFORM_NAME, kind=Organisation.Kind.PARTNER).first()


def platform_members() -> QuerySet[PlatformMember]:
    return PlatformMember.objects.select_related("organisation", "person")


def articles() -> QuerySet[Article]:
    return Article.objects.all()
