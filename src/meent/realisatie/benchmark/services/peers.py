"""The pre-aggregated peer statistics (median, quartiles) per indicator, period and peer group."""

import math
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection

from meent.realisatie.benchmark import storage
from meent.realisatie.benchmark.models import (
    Area,
    Observation,
    PeerStatistic,
)

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
