"""Areas and periods derived from the registry, and how figures of one division map onto another."""

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from meent.leden.models import Gemeente, Population, Province, Succession, Veiligheidsregio
from meent.realisatie.benchmark import parsing
from meent.realisatie.benchmark.models import (
    Area,
    Indicator,
    Period,
)
from meent.realisatie.benchmark.parsing import ParsedFile

# CBS "gemeentegrootteklassen" by inhabitants: class n holds gemeenten with at least SIZE_CLASSES[n-1] inhabitants.
SIZE_CLASSES = [0, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000]
POPULATION_YEAR = 2020


def size_class(inhabitants: int | None) -> int | None:
    if inhabitants is None:
        return None
    return max(n for n, lower in enumerate(SIZE_CLASSES, start=1) if inhabitants >= lower)


@dataclass(frozen=True)
class Share:
    """Part of a gemeente's figures that belongs to a gemeente of today's division."""

    code: str
    weight: float
    estimated: bool


def current_division_shares() -> dict[str, list[Share]]:
    """For every gemeente since 2020: the gemeenten of today holding its territory, with the share of its figures.

    A merger or addition passes everything on. A split is apportioned by the successors' inhabitants in 2020 and
    marked as estimated: how many inhabitants of the old gemeente went to each successor is not in the registry.
    """
    gemeenten = {g.id: g for g in Gemeente.objects.municipalities()}
    population = dict(Population.objects.filter(year=POPULATION_YEAR).values_list("gemeente_id", "inhabitants"))
    successors: dict[int, list[int]] = defaultdict(list)
    for predecessor_id, successor_id in Succession.objects.values_list("predecessor_id", "successor_id"):
        successors[predecessor_id].append(successor_id)

    def shares(gemeente_id: int, seen: frozenset[int]) -> list[Share]:
        gemeente = gemeenten[gemeente_id]
        nexts = [s for s in successors.get(gemeente_id, []) if s in gemeenten and s not in seen]
        if gemeente.valid_until is None or not nexts:
            return [Share(gemeente.code, 1.0, False)]
        split = len(nexts) > 1
        weights = [population.get(s, 0) for s in nexts]
        total = sum(weights)
        result: dict[str, Share] = {}
        for successor_id, weight in zip(nexts, weights, strict=True):
            fraction = (weight / total) if total else 1 / len(nexts)
            for share in shares(successor_id, seen | {gemeente_id}):
                previous = result.get(share.code)
                combined = share.weight * fraction + (previous.weight if previous else 0.0)
                result[share.code] = Share(share.code, combined, split or share.estimated)
        return sorted(result.values(), key=lambda s: s.code)

    return {g.code: shares(g.id, frozenset()) for g in gemeenten.values()}


@transaction.atomic
def ensure_areas() -> dict[str, Area]:
    """Areas for every gemeente since 2020, province, veiligheidsregio and Nederland, with inhabitants on 1 January
    2020 carried over to today's division. Only differences are written, so calling it on every import is cheap."""
    shares = current_division_shares()
    gemeenten = list(Gemeente.objects.municipalities().select_related("province", "veiligheidsregio"))
    population = dict(Population.objects.filter(year=POPULATION_YEAR).values_list("gemeente__code", "inhabitants"))
    current_population: dict[str, float] = defaultdict(float)
    for code, inhabitants in population.items():
        for share in shares.get(code, []):
            current_population[share.code] += inhabitants * share.weight
    wanted: dict[str, dict] = {}
    for g in gemeenten:
        inhabitants = round(current_population[g.code]) if g.valid_until is None else population.get(g.code)
        wanted[g.code] = {
            "name": g.name,
            "kind": Area.Kind.GEMEENTE,
            "gemeente_id": g.id,
            "is_current": g.valid_until is None,
            "inhabitants": inhabitants or None,
            "size_class": size_class(inhabitants) if g.valid_until is None and inhabitants else None,
            "province_code": g.province.code if g.province else "",
            "veiligheidsregio_code": g.veiligheidsregio.code if g.veiligheidsregio else "",
        }
    province_population: dict[str, int] = defaultdict(int)
    region_population: dict[str, int] = defaultdict(int)
    for values in wanted.values():
        if values["is_current"] and values["inhabitants"]:
            province_population[values["province_code"]] += values["inhabitants"]
            region_population[values["veiligheidsregio_code"]] += values["inhabitants"]
    for p in Province.objects.all():
        wanted[p.code] = {
            "name": p.name,
            "kind": Area.Kind.PROVINCIE,
            "province_id": p.id,
            "is_current": True,
            "inhabitants": province_population.get(p.code) or None,
            "province_code": p.code,
        }
    for r in Veiligheidsregio.objects.all():
        wanted[r.code] = {
            "name": r.name,
            "kind": Area.Kind.VEILIGHEIDSREGIO,
            "veiligheidsregio_id": r.id,
            "is_current": True,
            "inhabitants": region_population.get(r.code) or r.inhabitants_reference,
            "veiligheidsregio_code": r.code,
        }
    wanted[Area.NEDERLAND_CODE] = {
        "name": "Nederland",
        "kind": Area.Kind.NEDERLAND,
        "is_current": True,
        "inhabitants": sum(province_population.values()) or None,
    }
    existing = {a.code: a for a in Area.objects.all()}
    to_create, to_update = [], []
    fields = [
        "name",
        "kind",
        "gemeente_id",
        "province_id",
        "veiligheidsregio_id",
        "is_current",
        "inhabitants",
        "size_class",
        "province_code",
        "veiligheidsregio_code",
    ]
    for code, values in wanted.items():
        defaults = dict.fromkeys(fields[2:6], None) | {
            "size_class": None,
            "province_code": "",
            "veiligheidsregio_code": "",
        }
        values = defaults | values
        area = existing.get(code)
        if area is None:
            to_create.append(Area(code=code, **values))
        elif any(getattr(area, f) != values[f] for f in fields):
            for f in fields:
                setattr(area, f, values[f])
            to_update.append(area)
    Area.objects.bulk_create(to_create)
    if to_update:
        Area.objects.bulk_update(to_update, fields)
    return {a.code: a for a in Area.objects.all()}


def ensure_periods(codes: Iterable[str]) -> dict[str, int]:
    infos = {info.code: info for info in (parsing.parse_period(code) for code in set(codes))}
    existing = dict(Period.objects.filter(code__in=infos).values_list("code", "id"))
    missing = [
        Period(code=i.code, kind=i.kind, start=i.start, end=i.end) for c, i in infos.items() if c not in existing
    ]
    if missing:
        Period.objects.bulk_create(missing, ignore_conflicts=True)
        existing = dict(Period.objects.filter(code__in=infos).values_list("code", "id"))
    return existing


@dataclass(frozen=True)
class RowKeys:
    """The database ids an import's rows are written with, by code."""

    source: int
    indicators: dict[str, int]
    areas: dict[str, int]
    periods: dict[str, int]


def division_rows(
    parsed: ParsedFile,
    areas: dict[str, Area],
    incomplete: list[str],
    keys: RowKeys,
    on_ranked: Callable[[int, int, list[tuple[int, float]]], None] | None = None,
) -> Iterator[tuple]:
    """Rows as ``storage.COLUMNS`` (indicator, area, period, source, value, in_source, in_current, estimated,
    rank_high, rank_low; ids from ``keys``), with the source's figures as given and, for gemeenten touched by a
    herindeling, the figures on today's division (summed for mergers, apportioned for splits; non-additive
    indicators weighted by inhabitants). Values whose successor lacks a predecessor's figure are listed in
    ``incomplete``; ``on_ranked`` gets the (area id, value) pairs of today's gemeenten of each indicator and period
    (by id), for the peer statistics. The rows are built once, in their final form: at 342,000 rows per import
    every per-row step counts.

    The registry is read now; the rows are produced lazily, so the database can store them while Python maps the
    next ones (on PostgreSQL the ``COPY`` runs on the second core)."""
    shares = current_division_shares()
    additive = {i.code: i.additive for i in parsed.indicators}
    additive.update(Indicator.objects.filter(code__in={k[0] for k in parsed.values}).values_list("code", "additive"))
    feeders: dict[str, set[str]] = defaultdict(set)
    for code, targets in shares.items():
        for share in targets:
            feeders[share.code].add(code)
    gemeente_validity = {
        g.code: (g.valid_from, g.valid_until)
        for g in Gemeente.objects.municipalities().only("code", "valid_from", "valid_until")
    }
    ranked = {area.id for area in areas.values() if area.kind == Area.Kind.GEMEENTE and area.is_current}
    area_id, source = keys.areas, keys.source

    def valid_on(code: str, day) -> bool:
        start, end = gemeente_validity[code]
        return (start is None or start <= day) and (end is None or end > day)

    def expected(target: str, day) -> set[str]:
        """The gemeenten that existed on ``day`` and whose figures make up ``target`` of today."""
        return {f for f in feeders.get(target, {target}) if valid_on(f, day)}

    def own_shares(code: str) -> list[Share]:
        return shares.get(code) or [Share(code, 1.0, False)]

    @functools.cache
    def division_on(day) -> tuple[frozenset[str], frozenset[str]]:
        """(today's gemeenten that did not exist yet, gemeenten whose figures need mapping) on ``day``. Only the
        few gemeenten touched by a herindeling go through the mapping; the others pass straight through."""
        not_yet = frozenset(
            c for c, a in areas.items() if a.is_current and c in gemeente_validity and not valid_on(c, day)
        )
        touched = frozenset(
            c for c in gemeente_validity if own_shares(c) != [Share(c, 1.0, False)] or expected(c, day) != {c}
        )
        return not_yet, touched

    @functools.cache
    def period_start(code: str):
        return parsing.parse_period(code).start

    def mapped(indicator: str, period: str, values: dict[str, float]) -> list[tuple]:
        day = period_start(period)
        not_yet, touched = division_on(day)
        i, p = keys.indicators[indicator], keys.periods[period]
        if not not_yet.isdisjoint(values):
            # A gemeente that did not exist yet: the source already reports on today's division (CBS republishes
            # time series that way), so its figures need no mapping.
            return [(i, area_id[code], p, source, v, True, areas[code].is_current, False) for code, v in values.items()]
        rows = []
        sums: dict[str, float] = defaultdict(float)
        weights: dict[str, float] = defaultdict(float)
        estimated: dict[str, bool] = defaultdict(bool)
        contributors: dict[str, set[str]] = defaultdict(set)
        for code, value in values.items():
            if code not in touched:
                rows.append((i, area_id[code], p, source, value, True, True, False))
                continue
            rows.append((i, area_id[code], p, source, value, True, False, False))
            for share in own_shares(code):
                if additive.get(indicator, True):
                    sums[share.code] += value * share.weight
                else:
                    weight = (areas[code].inhabitants or 1) * share.weight
                    sums[share.code] += value * weight
                    weights[share.code] += weight
                estimated[share.code] |= share.estimated
                contributors[share.code].add(code)
        for target, members in contributors.items():
            if not expected(target, day) <= members:
                incomplete.append(f"{indicator} {target} {period}")
                continue
            value = sums[target] / weights[target] if weights.get(target) else sums[target]
            rows.append((i, area_id[target], p, source, value, False, True, estimated[target]))
        return rows

    def rows() -> Iterator[tuple]:
        groups: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        for (indicator, area, period), value in parsed.values.items():
            if area.startswith("GM"):
                groups[(indicator, period)][area] = value
            else:
                i, a, p = keys.indicators[indicator], area_id[area], keys.periods[period]
                yield (i, a, p, source, value, True, True, False, None, None)
        for (indicator, period), values in groups.items():
            group = with_ranks(mapped(indicator, period, values), ranked)
            if on_ranked is not None:
                pairs = [(row[1], row[4]) for row in group if row[8] is not None]
                on_ranked(keys.indicators[indicator], keys.periods[period], pairs)
            yield from group

    return rows()


def with_ranks(rows: list[tuple], ranked: set[int]) -> list[tuple]:
    """Append (rank from the highest, rank from the lowest) to each row, ranking the rows of ``ranked`` gemeenten on
    today's division among each other (one indicator and period); equal values share a place."""
    values = sorted(row[4] for row in rows if row[6] and row[1] in ranked)
    first: dict[float, int] = {}
    last: dict[float, int] = {}
    for position, value in enumerate(values):
        first.setdefault(value, position)
        last[value] = position
    count = len(values)
    return [
        (*row, count - last[row[4]], first[row[4]] + 1) if row[6] and row[1] in ranked else (*row, None, None)
        for row in rows
    ]
