"""Reads of joint procurement. Every read for a person runs on the scoped managers, so a gemeente account sees
only its own participations and figures (and the contracts it takes part in); Realisatie staff see all. The
savings are sums over the yearly figures, computed in the database, never stored."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from meent.leden.models import Gemeente, Visitor
from meent.realisatie.inkoop.models import Category, Contract, Participation, YearFigure

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def cents(value: Decimal | None) -> Decimal | None:
    """A database sum in whole cents. PostgreSQL sums ``numeric`` exactly; SQLite sums in floating point and hands
    back up to 15 significant digits, far closer than half a cent for any sum of these amounts: rounding to cents
    gives the exact sum of the entries on both."""
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _cents_of(pairs) -> dict:
    return {key: cents(value) for key, value in pairs}


def is_procurement_staff(user: Visitor) -> bool:
    return bool(user.is_authenticated and user.has_perm("inkoop.view_all"))


def figures_for(user: Visitor) -> QuerySet:
    """The yearly figures ``user`` may see: all for staff, a gemeente's own (through the tenant scope too)."""
    if is_procurement_staff(user):
        return YearFigure.unscoped.all()
    if user.is_authenticated and user.gemeente is not None:
        return YearFigure.objects.filter(participation__gemeente=user.gemeente)
    return YearFigure.unscoped.none()


def participations_for(user: Visitor) -> QuerySet:
    if not user.is_authenticated:
        return Participation.unscoped.none()
    if is_procurement_staff(user):
        return Participation.unscoped.all()
    return Participation.objects.filter(gemeente=user.gemeente) if user.gemeente else Participation.unscoped.none()


def contracts_for(user: Visitor) -> QuerySet:
    """Contracts ``user`` may open: all for staff, those its gemeente takes (or took) part in otherwise."""
    if is_procurement_staff(user):
        return Contract.objects.all()
    return Contract.objects.filter(pk__in=participations_for(user).values("contract"))


def _savings(prefix: str = "") -> dict:
    return {
        "baseline": Coalesce(Sum(f"{prefix}baseline_cost", output_field=MONEY), ZERO),
        "cost": Coalesce(Sum(f"{prefix}contract_cost", output_field=MONEY), ZERO),
        "saving": Coalesce(Sum(F(f"{prefix}baseline_cost") - F(f"{prefix}contract_cost"), output_field=MONEY), ZERO),
    }


def contract_list(user: Visitor, *, year: int | None = None, category: str | None = None, search: str = "") -> QuerySet:
    """Contracts with, from the figures ``user`` may see, the number of participants, the saving in ``year`` (or
    none) and the saving over the whole term."""
    qs = contracts_for(user)
    if category:
        qs = qs.filter(category=category)
    if search:
        qs = qs.filter(Q(title__icontains=search) | Q(supplier__icontains=search) | Q(number__iexact=search))
    figures = figures_for(user)
    rows = list(qs.order_by("start_date", "number"))
    term = _cents_of(
        figures.filter(participation__contract__in=rows)
        .values_list("participation__contract")
        .annotate(s=_savings()["saving"])
    )
    in_year = (
        _cents_of(
            figures.filter(participation__contract__in=rows, year=year)
            .values_list("participation__contract")
            .annotate(s=_savings()["saving"])
        )
        if year
        else {}
    )
    participants = defaultdict(int)
    for contract_id in participations_for(user).filter(contract__in=rows).values_list("contract", flat=True):
        participants[contract_id] += 1
    for contract in rows:
        contract.saving_term = term.get(contract.pk)
        contract.saving_year = in_year.get(contract.pk)
        contract.participant_count = participants[contract.pk]
    return rows


def contract_for(user: Visitor, number: str) -> Contract | None:
    return contracts_for(user).filter(number__iexact=number).first()


@dataclass(frozen=True)
class YearTotal:
    year: int
    baseline: Decimal
    cost: Decimal
    saving: Decimal
    participants: int = 0


def savings_per_year(figures: QuerySet) -> list[YearTotal]:
    """Per year: baseline, contract cost, saving and the number of participants with a figure."""
    rows = figures.values("year").annotate(**_savings(), n=Count("participation", distinct=True)).order_by("year")
    return [YearTotal(r["year"], cents(r["baseline"]), cents(r["cost"]), cents(r["saving"]), r["n"]) for r in rows]


@dataclass(frozen=True)
class GemeenteTotal:
    gemeente: Gemeente
    baseline: Decimal
    cost: Decimal
    saving: Decimal
    participation: Participation | None = None


def savings_per_participant(contract: Contract, user: Visitor, *, year: int | None = None) -> list[GemeenteTotal]:
    """The participants of ``contract`` that ``user`` may see, with their totals (over the term, or in ``year``)."""
    participations = list(participations_for(user).filter(contract=contract).select_related("gemeente", "carried_from"))
    figures = figures_for(user).filter(participation__contract=contract)
    if year:
        figures = figures.filter(year=year)
    sums = {r["participation"]: r for r in figures.values("participation").annotate(**_savings())}
    result = []
    for p in participations:
        s = sums.get(p.pk, {"baseline": None, "cost": None, "saving": None})
        result.append(GemeenteTotal(p.gemeente, cents(s["baseline"]), cents(s["cost"]), cents(s["saving"]), p))
    return sorted(result, key=lambda t: (-(t.saving or 0), t.gemeente.name))


def savings_per_gemeente(figures: QuerySet) -> dict[int, Decimal]:
    return _cents_of(figures.values_list("participation__gemeente").annotate(s=_savings()["saving"]))


def savings_per_category(figures: QuerySet) -> list[tuple[str, str, Decimal]]:
    """(category, label, saving) for each category with figures, the largest first."""
    sums = _cents_of(figures.values_list("participation__contract__category").annotate(s=_savings()["saving"]))
    rows = [(value, str(label), sums[value]) for value, label in Category.choices if value in sums]
    return sorted(rows, key=lambda r: -r[2])


def contract_years_figures(contract: Contract, user: Visitor) -> list[YearTotal]:
    return savings_per_year(figures_for(user).filter(participation__contract=contract))


def entries_for_export(user: Visitor, contract: Contract | None = None) -> QuerySet:
    qs = figures_for(user).select_related("participation__contract", "participation__gemeente")
    if contract is not None:
        qs = qs.filter(participation__contract=contract)
    return qs.order_by("participation__contract__number", "participation__gemeente__code", "year")


def gemeente_summary(gemeente: Gemeente, user: Visitor) -> dict | None:
    """``gemeente``'s contracts and savings as far as ``user`` may see them (None when it takes part in none)."""
    participations = list(
        participations_for(user).filter(gemeente=gemeente).select_related("contract").order_by("contract__number")
    )
    if not participations:
        return None
    figures = figures_for(user).filter(participation__gemeente=gemeente)
    per_contract = _cents_of(figures.values_list("participation").annotate(s=_savings()["saving"]))
    per_year = savings_per_year(figures)
    total = sum((y.saving for y in per_year), Decimal("0.00"))
    return {
        "participations": [(p, per_contract.get(p.pk)) for p in participations],
        "per_year": per_year,
        "total": total,
    }


# Association-wide reads for the figures (no person: aggregates only) --------------------------------------------


def figure_years() -> list[int]:
    return sorted(set(YearFigure.unscoped.values_list("year", flat=True).distinct()))


def saving_in_year(year: int) -> Decimal | None:
    row = YearFigure.unscoped.filter(year=year).aggregate(**_savings())
    return cents(row["saving"]) if YearFigure.unscoped.filter(year=year).exists() else None


def contracts_running(year: int) -> list[Contract]:
    """Contracts whose term touches ``year`` and that have a figure in it."""
    ids = YearFigure.unscoped.filter(year=year).values("participation__contract")
    return list(Contract.objects.filter(pk__in=ids).order_by("number"))


def saving_over_term(year: int) -> Decimal | None:
    """The saving over the whole term of the contracts running in ``year``."""
    contracts = contracts_running(year)
    if not contracts:
        return None
    return cents(YearFigure.unscoped.filter(participation__contract__in=contracts).aggregate(**_savings())["saving"])


def participating_gemeenten(year: int) -> list[Gemeente]:
    """Gemeenten with a figure in ``year`` for at least one contract."""
    ids = YearFigure.unscoped.filter(year=year).values("participation__gemeente")
    return list(Gemeente.objects.filter(pk__in=ids).order_by("name"))


def category_savings(year: int) -> list[tuple[str, str, Decimal]]:
    return savings_per_category(YearFigure.unscoped.filter(year=year))
