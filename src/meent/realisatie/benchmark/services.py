"""Writes: areas derived from the registry, imports (all or nothing, idempotent per source) and the pre-aggregated
peer statistics."""

import functools
import json
import logging
import math
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.signals import post_save
from django.utils import timezone

from meent.leden.models import Gemeente, Population, Province, Succession, Veiligheidsregio
from meent.realisatie.benchmark import parsing, storage
from meent.realisatie.benchmark.models import (
    Area,
    DataImport,
    Indicator,
    Observation,
    PeerStatistic,
    Period,
    Source,
)
from meent.realisatie.benchmark.parsing import ImportRefused, ParsedFile

logger = logging.getLogger(__name__)

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


PEER_COLUMNS = (
    "indicator_id",
    "period_id",
    "group",
    "group_key",
    "count",
    "total",
    "mean",
    "weighted_mean",
    "median",
    "p25",
    "p75",
    "minimum",
    "maximum",
    "inhabitants",
)
PEER_COPY_TYPES = ["int8", "int8", "text", "text", "int4", *["float8"] * 8, "int4"]


class PeerStatistics:
    """Peer-group figures computed in Python from the values of today's gemeenten, one indicator and period at a
    time: the same figures as ``PEER_STATISTICS_SQL`` (quartiles interpolated as ``percentile_cont``)."""

    def __init__(self, areas: Iterable[Area]) -> None:
        members: dict[tuple[str, str], list[Area]] = defaultdict(list)
        for area in areas:
            if area.kind != Area.Kind.GEMEENTE or not area.is_current:
                continue
            keys = [
                (PeerStatistic.Group.NEDERLAND, Area.NEDERLAND_CODE),
                (PeerStatistic.Group.PROVINCIE, area.province_code),
                (PeerStatistic.Group.VEILIGHEIDSREGIO, area.veiligheidsregio_code),
                (PeerStatistic.Group.GROOTTEKLASSE, str(area.size_class) if area.size_class else ""),
            ]
            for group, key in keys:
                if key:
                    members[(str(group), key)].append(area)
        # Per group its members' ids and inhabitants (0 when unknown), walked once per indicator and period: an
        # import of 342,000 rows calls ``add`` 1,000 times, so this loop is the importer's hottest Python.
        self.groups = [
            (group, key, [a.id for a in areas], [a.inhabitants or 0 for a in areas])
            for (group, key), areas in members.items()
        ]
        self.area_ids = sorted({a for _, _, ids, _ in self.groups for a in ids})
        self.rows: list[tuple] = []

    def add(self, indicator_id: int, period_id: int, values: Iterable[tuple[int, float]]) -> None:
        """Figures of every peer group for one indicator and period from (area id, value) pairs."""
        value_of = dict(values)
        for group, key, area_ids, inhabitants in self.groups:
            present = [(value_of[a], w) for a, w in zip(area_ids, inhabitants, strict=True) if a in value_of]
            if not present:
                continue
            ordered = sorted([v for v, _ in present])
            count = len(ordered)
            total = sum(ordered)
            total_weight = sum([w for _, w in present])
            self.rows.append(
                (
                    indicator_id,
                    period_id,
                    group,
                    key,
                    count,
                    total,
                    total / count,
                    sum([v * w for v, w in present]) / total_weight if total_weight else None,
                    _percentile(ordered, 0.5),
                    _percentile(ordered, 0.25),
                    _percentile(ordered, 0.75),
                    ordered[0],
                    ordered[-1],
                    total_weight or None,
                )
            )

    def write(self) -> int:
        return storage.bulk_insert(PeerStatistic._meta.db_table, PEER_COLUMNS, PEER_COPY_TYPES, self.rows)


def _percentile(sorted_values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks: ``percentile_cont`` and Python's inclusive quantiles."""
    position = fraction * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


PEER_STATISTICS_SQL = """
WITH obs AS MATERIALIZED (
    SELECT indicator_id, period_id, area_id, value FROM benchmark_observation
    WHERE indicator_id = ANY(%s) AND in_current_division
)
INSERT INTO benchmark_peerstatistic (indicator_id, period_id, "group", group_key, count, total, mean, weighted_mean,
                                     median, p25, p75, minimum, maximum, inhabitants)
SELECT o.indicator_id, o.period_id, g.name, g.key, count(*), sum(o.value), avg(o.value),
       sum(o.value * a.inhabitants) / NULLIF(sum(a.inhabitants), 0),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY o.value),
       percentile_cont(0.25) WITHIN GROUP (ORDER BY o.value),
       percentile_cont(0.75) WITHIN GROUP (ORDER BY o.value),
       min(o.value), max(o.value), NULLIF(sum(a.inhabitants), 0)
FROM obs o
JOIN benchmark_area a ON a.id = o.area_id
CROSS JOIN LATERAL (VALUES ('nederland', 'NL00'), ('provincie', a.province_code),
                           ('veiligheidsregio', a.veiligheidsregio_code), ('grootteklasse', a.size_class::text))
     AS g(name, key)
WHERE a.kind = 'gemeente' AND a.is_current AND g.key IS NOT NULL AND g.key <> ''
GROUP BY o.indicator_id, o.period_id, g.name, g.key
"""
# The observations are read by indicator first (MATERIALIZED): joined the other way round, the planner walks the
# new rows gemeente by gemeente across the whole table (measured: 13–25 s against seconds for 342,000 rows).


def refresh_peer_statistics(indicator_ids: Iterable[int]) -> int:
    """Recompute every peer group's figures for these indicators from today's division. Returns rows written.

    On PostgreSQL one ``INSERT … SELECT`` with ``percentile_cont`` does it inside the database; elsewhere
    :class:`PeerStatistics` reads the values. An import computes them while it writes (see ``_store``); this is
    for indicators whose figures come from more than one source."""
    indicator_ids = list(indicator_ids)
    PeerStatistic.objects.filter(indicator_id__in=indicator_ids).delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(PEER_STATISTICS_SQL, [indicator_ids])
            return cursor.rowcount
    peers = PeerStatistics(Area.objects.filter(kind=Area.Kind.GEMEENTE, is_current=True))
    for indicator_id in indicator_ids:
        by_period: dict[int, list[tuple[int, float]]] = defaultdict(list)
        observations = Observation.objects.filter(
            indicator_id=indicator_id, in_current_division=True, area_id__in=peers.area_ids
        ).values_list("period_id", "area_id", "value")
        for period_id, area_id, value in observations.iterator(chunk_size=20_000):
            by_period[period_id].append((area_id, value))
        for period_id, values in by_period.items():
            peers.add(indicator_id, period_id, values)
    return peers.write()


@transaction.atomic
def delete_under_lock(queryset: QuerySet) -> None:
    """Delete indicators or sources with their observations. The rows are locked first, so a running import of
    their figures finishes before the cascade looks for observations (the observation table declares no foreign
    keys, see :class:`Observation`); a source's partition is dropped at once rather than emptied row by row."""
    storage.lock_for_writing()
    locked = list(queryset.select_for_update().values_list("pk", flat=True))
    if queryset.model is Source:
        storage.drop_partitions(locked)
    queryset.delete()


Progress = Callable[[str], None]


def _store(parsed: ParsedFile, log: DataImport, progress: Progress) -> Source:
    with transaction.atomic():
        storage.lock_for_writing()
        if connection.vendor == "postgresql":
            # Open data can be imported again from its source after a crash, so a large import need not wait
            # for its WAL flush; the database stays consistent either way.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                cursor.execute("SET LOCAL work_mem TO '256MB'")  # the peer statistics sort in memory
        areas = ensure_areas()
        unknown = sorted({k[1] for k in parsed.values} - set(areas))
        if unknown:
            raise ImportRefused(
                f"Niets geïmporteerd: onbekende gebieden: {', '.join(unknown[:10])}"
                + (f" (en nog {len(unknown) - 10})" if len(unknown) > 10 else "")
                + "."
            )
        known = set(Indicator.objects.filter(code__in={k[0] for k in parsed.values}).values_list("code", flat=True))
        defined = {i.code for i in parsed.indicators}
        missing = sorted({k[0] for k in parsed.values} - known - defined)
        if missing:
            raise ImportRefused(
                f"Niets geïmporteerd: onbekende indicatoren zonder naam in het bestand: {', '.join(missing[:10])}."
            )
        source, _ = Source.objects.update_or_create(
            key=parsed.source.key,
            defaults={
                "name": parsed.source.name,
                "url": parsed.source.url,
                "licence": parsed.source.licence,
                "synthetic": parsed.source.synthetic,
            },
        )
        _define_indicators(parsed)
        # Locked, as a declared foreign key would: an indicator cannot be deleted while its figures are written.
        indicators = dict(
            Indicator.objects.select_for_update(no_key=True)
            .filter(code__in={k[0] for k in parsed.values})
            .values_list("code", "id")
        )
        periods = ensure_periods({k[2] for k in parsed.values})
        previous = set(Observation.objects.filter(source=source).values_list("indicator_id", flat=True).distinct())
        # Indicators that other sources also report on get their peer statistics from the database afterwards;
        # the others' are computed from the rows on their way in.
        current = set(indicators.values())
        shared = set(
            Observation.objects.filter(indicator_id__in=current, in_current_division=True)
            .exclude(source=source)
            .values_list("indicator_id", flat=True)
            .distinct()
        )
        PeerStatistic.objects.filter(indicator_id__in=current - shared).delete()
        peers = PeerStatistics(areas.values())

        def add_peer_statistics(indicator_id: int, period_id: int, values: list[tuple[int, float]]) -> None:
            if values and indicator_id not in shared:
                peers.add(indicator_id, period_id, values)

        progress(f"{len(parsed.values)} waarden gelezen; omrekenen naar de huidige gemeentelijke indeling en opslaan…")
        incomplete: list[str] = []
        keys = RowKeys(source.id, indicators, {code: area.id for code, area in areas.items()}, periods)
        rows = division_rows(parsed, areas, incomplete, keys, add_peer_statistics)
        # The computed peer statistics are written before the swap: from there until the commit, readers wait.
        written = storage.replace_observations(source.id, rows, before_swap=peers.write)
        refuse_figures_of_other_sources(source, shared)
        if incomplete:
            log.skipped_reasons = dict(log.skipped_reasons) | {
                "huidige indeling niet te berekenen (voorganger ontbreekt)": len(incomplete)
            }
        log.observations_written = written
        progress("Peergroepcijfers bijwerken…")
        if recount := shared | (previous - current):
            refresh_peer_statistics(recount)  # replaces their old figures itself
        storage.analyze(Area, Indicator, Period)
    return source


def refuse_figures_of_other_sources(source: Source, indicator_ids: set[int]) -> None:
    """Refuse the import if another source already gives a figure it gives (the unique key holds the source, see
    :class:`Observation`). Only indicators that other sources report on need the check."""
    if not indicator_ids:
        return
    theirs = Observation.objects.exclude(source=source).filter(
        indicator_id=OuterRef("indicator_id"),
        period_id=OuterRef("period_id"),
        area_id=OuterRef("area_id"),
        in_current_division=OuterRef("in_current_division"),
    )
    clashes = list(
        Observation.objects.filter(source=source, indicator_id__in=indicator_ids)
        .annotate(other=Subquery(theirs.values("source__name")[:1]))
        .filter(other__isnull=False)
        .values_list("indicator__code", "area__code", "period__code", "other")
        .order_by("indicator__code", "period__code", "area__code")[:5]
    )
    if clashes:
        other = clashes[0][3]
        listed = ", ".join(" ".join(clash[:3]) for clash in clashes)
        raise ImportRefused(
            f"Niets geïmporteerd: de bron {other} geeft al cijfers voor dezelfde indicator, hetzelfde gebied en "
            f"dezelfde periode ({listed}). Verwijder die eerst of importeer andere perioden."
        )


def _define_indicators(parsed: ParsedFile) -> None:
    """Create or update the indicators the file defines, writing only what changed (an ``update_or_create`` per
    indicator cost half a second per import of 50). New ones get their audit entry as ``save`` would give it."""
    wanted = {
        info.code: {
            "name": info.name,
            "unit": info.unit,
            "theme": info.theme,
            "source": parsed.source.name,
            "description": info.description,
            "higher_is_better": info.higher_is_better,
            "additive": info.additive,
            "cumulative": info.cumulative,
            "decimals": info.decimals,
            "synthetic": parsed.source.synthetic,
        }
        for info in parsed.indicators
    }
    existing = Indicator.objects.in_bulk(list(wanted), field_name="code")  # _store locks them right after
    new = Indicator.objects.bulk_create(
        [Indicator(code=code, **values) for code, values in wanted.items() if code not in existing]
    )
    for indicator in new:
        post_save.send(sender=Indicator, instance=indicator, created=True, update_fields=None, raw=False)
    for code, indicator in existing.items():
        changed = [field for field, value in wanted[code].items() if getattr(indicator, field) != value]
        if changed:
            for field in changed:
                setattr(indicator, field, wanted[code][field])
            indicator.save(update_fields=changed)


def run_import(
    kind: str,
    data: bytes,
    *,
    filename: str,
    source_key: str = "",
    table: str = "",
    theme: str = "overig",
    user=None,
    progress: Progress | None = None,
) -> DataImport:
    """Import one file: everything or nothing. The log row is kept either way and says what happened."""
    return import_parsed(
        lambda: _parse(kind, data, filename=filename, source_key=source_key, table=table, theme=theme),
        kind=kind,
        filename=filename,
        user=user,
        progress=progress,
    )


def import_parsed(
    parse: Callable[[], ParsedFile], *, kind: str, filename: str, user=None, progress: Progress | None = None
) -> DataImport:
    progress = progress or (lambda message: None)
    log = DataImport.objects.create(kind=kind, filename=filename[:300], imported_by=user)
    try:
        progress(f"{filename} lezen…")
        parsed = parse()
        log.rows_read = parsed.rows_read
        log.rows_skipped = sum(parsed.skipped.values())
        log.skipped_reasons = dict(parsed.skipped)
        log.source = _store(parsed, log, progress)
    except ImportRefused as exc:
        log.status = DataImport.Status.GEWEIGERD
        log.message = str(exc)
        log.observations_written = 0
    except IntegrityError:
        # Two imports of a new source at once: the source row's lock serialises re-imports, not first imports.
        log.status = DataImport.Status.GEWEIGERD
        log.message = "Niets geïmporteerd: tegelijk liep een andere import van dezelfde bron; probeer het opnieuw."
        log.observations_written = 0
    else:
        log.status = DataImport.Status.GESLAAGD
        log.message = " ".join(
            [f"{log.observations_written} waarnemingen opgeslagen uit {log.rows_read} regels.", *parsed.notes]
        )
    log.finished_at = timezone.now()
    log.save()
    return log


def _parse(kind: str, data: bytes, *, filename: str, source_key: str, table: str, theme: str) -> ParsedFile:
    if kind == DataImport.Kind.RIVM:
        return parsing.parse_rivm_cumulative(data)
    if kind == DataImport.Kind.RIOOLWATER:
        return parsing.parse_rioolwater(data)
    if kind == DataImport.Kind.NICE:
        return parsing.parse_nice(data)
    if kind == DataImport.Kind.CBS_JSON:
        return parsing.parse_cbs_json(data, table=table, theme=theme)
    if kind == DataImport.Kind.CBS_CSV:
        if not table:
            raise ImportRefused("Niets geïmporteerd: geef de CBS-tabelcode op (bijvoorbeeld 83765NED).")
        return parsing.parse_cbs_csv(data, table=table, theme=theme)
    if kind == DataImport.Kind.GENERIEK:
        stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        key = source_key or f"bestand-{stem}"
        return parsing.parse_generic(data, source=parsing.SourceInfo(key[:100], source_key or stem))
    raise ImportRefused(f"Niets geïmporteerd: onbekende soort import {kind!r}.")


OFFICIAL_URLS = {
    DataImport.Kind.RIVM: parsing.RIVM_SOURCE.url,
    DataImport.Kind.RIOOLWATER: parsing.RIOOLWATER_SOURCE.url,
    DataImport.Kind.NICE: "https://stichting-nice.nl/covid-19/public/new-intake/",
}


def download(url: str, *, timeout: float = 10.0) -> bytes | None:
    """The current file from the official source, or ``None`` when the machine is offline or the source fails."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - fixed https URLs
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        logger.info("download %s failed: %s", url, exc)
        return None


CBS_ODATA = "https://opendata.cbs.nl/ODataApi/odata/{table}/{part}?$format=json"


def download_cbs(table: str, *, timeout: float = 30.0) -> bytes | None:
    """A StatLine table as one JSON document with ``TableInfos``, ``DataProperties`` and ``TypedDataSet`` (the
    form :func:`parsing.parse_cbs_json` reads), or ``None`` when offline. Tables above 10,000 rows need the
    paged bulk API; StatLine then answers with a ``odata.nextLink`` that this does not follow."""
    document = {}
    for part in ("TableInfos", "DataProperties", "TypedDataSet"):
        data = download(CBS_ODATA.format(table=table, part=part), timeout=timeout)
        if data is None:
            return None
        document[part] = json.loads(data)
    return json.dumps(document).encode()
