"""Writes of joint procurement: contracts, participants, the import of their yearly figures (all or nothing) and
the carrying over of a merged gemeente's participations to its successor."""

import copy
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from meent.core import audit
from meent.core.numbering import format_number, next_number
from meent.core.refusals import ImportRefused, Refused
from meent.leden.models import Account, Gemeente, Succession
from meent.realisatie.inkoop import parsing
from meent.realisatie.inkoop.models import Category, Contract, Gibit, Participation, YearFigure

SERIES = "INK"
MAX_ERRORS = 50


def _require(user: Account | None, permission: str) -> None:
    # ``None`` is the platform itself (demo, a management command run by an operator).
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied


@transaction.atomic
def create_contract(
    *,
    by: Account | None,
    title: str,
    category: str,
    supplier: str,
    start_date: datetime.date,
    term_years: int,
    gibit_version: str,
    extension_options: int = 0,
    extensions_used: int = 0,
) -> Contract:
    _require(by, "inkoop.manage_contracts")
    if not title.strip() or not supplier.strip():
        raise Refused("Geef de titel en de leverancier op.", field="title" if not title.strip() else "supplier")
    if category not in Category.values:
        raise Refused("Kies een categorie uit de lijst.", field="category")
    if gibit_version not in Gibit.values:
        raise Refused("Kies een GIBIT-versie uit de lijst.", field="gibit_version")
    if not 1 <= term_years <= 20:
        raise Refused("De looptijd is 1 tot en met 20 jaar.", field="term_years")
    if extensions_used > extension_options:
        raise Refused("Er is langer verlengd dan de verlengingsopties toestaan.", field="extensions_used")
    number = format_number(SERIES, start_date.year, next_number(SERIES, start_date.year))
    return Contract.objects.create(
        number=number,
        title=title.strip(),
        category=category,
        supplier=supplier.strip(),
        start_date=start_date,
        term_years=term_years,
        extension_options=extension_options,
        extensions_used=extensions_used,
        gibit_version=gibit_version,
    )


# Import ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    participants_added: int
    carried_over: int

    def __str__(self) -> str:
        return (
            f"{self.created} jaarcijfers toegevoegd, {self.updated} bijgewerkt, "
            f"{self.participants_added} nieuwe deelnemers."
        )


@dataclass(frozen=True)
class FigureRow:
    """One checked line: which participant, which year, what it cost."""

    line: int
    contract: Contract
    gemeente: Gemeente
    year: int
    baseline_cost: Decimal
    contract_cost: Decimal
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


def import_figures(data: bytes, *, filename: str, by: Account | None) -> ImportResult:
    """Import participants' yearly figures from a CSV or XLSX file: every line is checked first, and one bad line
    refuses the whole file with the reasons per line (:class:`ImportRefused`)."""
    _require(by, "inkoop.import_figures")
    lines = parsing.read_table(data, filename)
    return store_rows(check_lines(lines), by=by)


def _gemeente_lookup() -> tuple[dict[str, Gemeente], dict[str, list[Gemeente]]]:
    by_code, by_name = {}, {}
    for gemeente in Gemeente.objects.all():
        by_code[gemeente.code.upper()] = gemeente
        by_name.setdefault(gemeente.name.lower(), []).append(gemeente)
    return by_code, by_name


def _successor_names(gemeente: Gemeente) -> str:
    return ", ".join(s.successor.name for s in gemeente.successions.select_related("successor")) or "?"


def check_lines(lines: Iterable[parsing.Line]) -> list[FigureRow]:
    """The lines as rows, or :class:`ImportRefused` naming every line that is wrong (up to 50)."""
    contracts = {c.number.upper(): c for c in Contract.objects.all()}
    by_code, by_name = _gemeente_lookup()
    participations = {(p.contract_id, p.gemeente_id): p for p in Participation.unscoped.all()}
    errors: list[str] = []
    rows: list[FigureRow] = []
    seen: dict[tuple[int, int, int], int] = {}
    for line in lines:
        problems: list[str] = []
        v = line.values
        contract = contracts.get(v.get("contract", "").upper())
        if contract is None:
            problems.append(f"onbekend contract '{v.get('contract', '')}'")
        code = v.get("gemeente", "")
        gemeente = by_code.get(code.upper())
        if gemeente is None:
            named = by_name.get(code.lower(), [])
            if len(named) == 1:
                gemeente = named[0]
            elif len(named) > 1:
                problems.append(f"'{code}' is meer dan één gemeente geweest; gebruik de CBS-code")
            else:
                problems.append(f"onbekende gemeente '{code}' (gebruik de CBS-code, zoals GM0363)")
        year = baseline = cost = start = end = None
        try:
            year = parsing.parse_year(v.get("jaar", ""))
        except ValueError as exc:
            problems.append(f"jaar: {exc}")
        for label, key in (("basiskosten", "baseline"), ("contractkosten", "cost")):
            try:
                amount = parsing.parse_amount(v.get(label, ""))
            except ValueError as exc:
                problems.append(f"{label}: {exc}")
            else:
                baseline = amount if key == "baseline" else baseline
                cost = amount if key == "cost" else cost
        try:
            start = parsing.parse_date(v.get("vanaf", ""))
            end = parsing.parse_date(v.get("tot", ""))
        except ValueError as exc:
            problems.append(f"deelname: {exc}")
        if start and end and end < start:
            problems.append("deelname: 'tot' ligt vóór 'vanaf'")
        if contract is not None and year is not None and year not in contract.years:
            problems.append(
                f"{year} valt buiten de looptijd van {contract.number} "
                f"({contract.years.start}–{contract.years.stop - 1})"
            )
        if gemeente is not None and year is not None:
            first_day = datetime.date(year, 1, 1)
            if gemeente.valid_until is not None and gemeente.valid_until <= first_day:
                problems.append(
                    f"{gemeente.name} bestond in {year} niet meer (opgegaan in {_successor_names(gemeente)}); "
                    "lever de cijfers aan onder de opvolger"
                )
            elif gemeente.valid_from is not None and gemeente.valid_from > first_day:
                problems.append(f"{gemeente.name} bestond in {year} nog niet")
        if contract is not None and gemeente is not None and year is not None:
            existing = participations.get((contract.pk, gemeente.pk))
            if existing is not None:
                if (start and start != existing.start_date) or (end and end != existing.end_date):
                    problems.append(
                        f"deelname wijkt af van de bekende deelname van {gemeente.name} "
                        f"(vanaf {existing.start_date:%d-%m-%Y})"
                    )
                elif not existing.covers_year(year):
                    problems.append(f"{gemeente.name} neemt in {year} niet deel aan {contract.number}")
            else:
                first = start or max(contract.start_date, gemeente.valid_from or contract.start_date)
                if first > contract.end_date or (end and end > contract.end_date) or first < contract.start_date:
                    problems.append(f"deelname valt buiten de looptijd van {contract.number}")
                elif not (first.year <= year and (end is None or end.year >= year)):
                    problems.append(f"{year} valt buiten de opgegeven deelname")
            key = (contract.pk, gemeente.pk, year)
            if key in seen:
                problems.append(f"hetzelfde contract, dezelfde gemeente en hetzelfde jaar als regel {seen[key]}")
            else:
                seen[key] = line.number
        if problems:
            errors.append(f"Regel {line.number}: {'; '.join(problems)}.")
            continue
        rows.append(FigureRow(line.number, contract, gemeente, year, baseline, cost, start, end))
    if errors:
        shown = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            shown.append(f"En nog {len(errors) - MAX_ERRORS} regels met fouten.")
        raise ImportRefused(["Niets geïmporteerd: het bestand bevat fouten.", *shown])
    # Two lines of one new participant that name different periods cannot both hold.
    periods: dict[tuple[int, int], tuple] = {}
    for row in rows:
        period = (row.start_date, row.end_date)
        key = (row.contract.pk, row.gemeente.pk)
        if any(period) and periods.setdefault(key, period) != period:
            raise ImportRefused(
                [
                    "Niets geïmporteerd: het bestand bevat fouten.",
                    f"Regel {row.line}: een andere deelnameperiode dan een eerdere regel van {row.gemeente.name}.",
                ]
            )
    return rows


@transaction.atomic
def store_rows(rows: list[FigureRow], *, by: Account | None) -> ImportResult:
    """Store checked rows: new participants first, then each participant's figure per year (added or replaced)."""
    participations = {
        (p.contract_id, p.gemeente_id): p
        for p in Participation.unscoped.select_for_update().filter(
            contract__in={row.contract.pk for row in rows}, gemeente__in={row.gemeente.pk for row in rows}
        )
    }
    new_participations = []
    for row in rows:
        key = (row.contract.pk, row.gemeente.pk)
        if key not in participations:
            start = row.start_date or max(row.contract.start_date, row.gemeente.valid_from or row.contract.start_date)
            participations[key] = Participation(
                contract=row.contract, gemeente=row.gemeente, start_date=start, end_date=row.end_date
            )
            new_participations.append(participations[key])
    Participation.unscoped.bulk_create(new_participations)
    audit.log_created(new_participations)
    existing = {
        (f.participation_id, f.year): f
        for f in YearFigure.unscoped.filter(participation__in=[p.pk for p in participations.values()])
    }
    created, changed = [], []
    for row in rows:
        participation = participations[(row.contract.pk, row.gemeente.pk)]
        figure = existing.get((participation.pk, row.year))
        if figure is None:
            created.append(
                YearFigure(
                    participation=participation,
                    year=row.year,
                    baseline_cost=row.baseline_cost,
                    contract_cost=row.contract_cost,
                )
            )
        elif (figure.baseline_cost, figure.contract_cost) != (row.baseline_cost, row.contract_cost):
            before = copy.copy(figure)
            figure.baseline_cost, figure.contract_cost = row.baseline_cost, row.contract_cost
            changed.append((before, figure))
    YearFigure.unscoped.bulk_create(created, batch_size=2000)
    YearFigure.unscoped.bulk_update(
        [after for _, after in changed], ["baseline_cost", "contract_cost"], batch_size=2000
    )
    audit.log_created(created)
    audit.log_changed(changed, ["baseline_cost", "contract_cost"])
    carried = carry_over_successions()
    return ImportResult(len(created), len(changed), len(new_participations), carried)


# Herindelingen ---------------------------------------------------------------------------------------------------


@transaction.atomic
def carry_over_successions() -> int:
    """Pass the participations of every gemeente that has ceased to its successor(s), as of the herindeling:

    - the predecessor's participation ends the day before the herindeling;
    - each successor takes part from the herindeling on (a successor already taking part keeps its own start);
    - the predecessor's figures of the years from the herindeling on move to the successor when there is one
      (a samenvoeging), added to the successor's own figures of that year. When a gemeente was split up
      (opsplitsing) nobody can say which part of its costs went where: its later figures stay with it and show
      on its contract page, and the successors supply their own.

    Idempotent: running it again changes nothing. Returns the number of participations carried over (that gave a
    successor its participation or figures)."""
    carried = 0
    ceased = Participation.unscoped.select_for_update().filter(gemeente__valid_until__isnull=False)
    for participation in ceased.select_related("contract", "gemeente"):
        effective = participation.gemeente.valid_until
        last_day = effective - datetime.timedelta(days=1)
        contract = participation.contract
        if participation.start_date >= effective or effective > contract.end_date:
            continue  # it never took part while it existed, or the contract ended before the herindeling
        if participation.end_date is not None and participation.end_date < last_day:
            continue  # it left the contract before it merged: nothing to carry
        successions = list(Succession.objects.filter(predecessor=participation.gemeente).select_related("successor"))
        if not successions:
            continue
        if participation.end_date != last_day:
            participation.end_date = last_day
            participation.save(update_fields=["end_date"])
        for succession in successions:
            successor, made = Participation.unscoped.get_or_create(
                contract=contract,
                gemeente=succession.successor,
                defaults={"start_date": effective, "carried_from": participation.gemeente},
            )
            if not made and successor.start_date > effective:
                successor.start_date = effective
                successor.save(update_fields=["start_date"])
            moved = _move_figures(participation, successor, from_year=effective.year) if len(successions) == 1 else 0
            carried += made or moved > 0
    return carried


def _move_figures(source: Participation, target: Participation, *, from_year: int) -> int:
    moving = list(YearFigure.unscoped.filter(participation=source, year__gte=from_year))
    theirs = {f.year: f for f in YearFigure.unscoped.filter(participation=target, year__gte=from_year)}
    for figure in moving:
        own = theirs.get(figure.year)
        if own is None:
            figure.participation = target
            figure.save(update_fields=["participation"])
        else:
            own.baseline_cost += figure.baseline_cost
            own.contract_cost += figure.contract_cost
            own.save(update_fields=["baseline_cost", "contract_cost"])
            figure.delete()
    return len(moving)


__all__ = [
    "ImportResult",
    "carry_over_successions",
    "check_lines",
    "create_contract",
    "import_figures",
    "store_rows",
]
