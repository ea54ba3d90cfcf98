"""Reads: profiles, comparisons, rankings and the corona dashboard. Each view needs a handful of indexed queries;
peer-group figures come pre-aggregated from ``PeerStatistic`` and ranks from the observation rows."""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from meent.realisatie.benchmark.models import Area, Indicator, Observation, PeerStatistic, Period, Theme

PER = 100_000
POSITIVE = "covid-positief-cumulatief"
ADMISSIONS = "covid-ziekenhuisopnames-cumulatief"
DECEASED = "covid-overleden-cumulatief"
CORONA_CUMULATIVE = [POSITIVE, ADMISSIONS, DECEASED]
SEWAGE = "rioolwater-rna"
ICU = "ic-opnames-bewezen"
SIZE_CLASS_LABELS = {
    1: "< 5.000",
    2: "5.000 – 10.000",
    3: "10.000 – 20.000",
    4: "20.000 – 50.000",
    5: "50.000 – 100.000",
    6: "100.000 – 150.000",
    7: "150.000 – 250.000",
    8: "≥ 250.000",
}


def current_gemeenten() -> QuerySet:
    return Area.objects.filter(kind=Area.Kind.GEMEENTE, is_current=True).order_by("name")


def gemeente_area(code: str) -> Area:
    """A gemeente of today or of an earlier division; raises ``Area.DoesNotExist``."""
    return Area.objects.select_related("gemeente").get(code__iexact=code.strip(), kind=Area.Kind.GEMEENTE)


def search_gemeenten(text: str) -> QuerySet:
    return current_gemeenten().filter(name__icontains=text.strip())[:20]


@dataclass(frozen=True)
class PeerGroup:
    group: str
    key: str
    label: str


def peer_group(area: Area, group: str) -> PeerGroup:
    """The peer group of a gemeente of today's division; Nederland for an unknown choice."""
    if group == PeerStatistic.Group.PROVINCIE and area.province_code:
        name = Area.objects.filter(code=area.province_code).values_list("name", flat=True).first() or ""
        return PeerGroup(group, area.province_code, _("provincie %(name)s") % {"name": name})
    if group == PeerStatistic.Group.VEILIGHEIDSREGIO and area.veiligheidsregio_code:
        name = Area.objects.filter(code=area.veiligheidsregio_code).values_list("name", flat=True).first() or ""
        return PeerGroup(group, area.veiligheidsregio_code, _("veiligheidsregio %(name)s") % {"name": name})
    if group == PeerStatistic.Group.GROOTTEKLASSE and area.size_class:
        label = SIZE_CLASS_LABELS[area.size_class]
        return PeerGroup(group, str(area.size_class), _("gemeenten met %(label)s inwoners") % {"label": label})
    return PeerGroup(PeerStatistic.Group.NEDERLAND, Area.NEDERLAND_CODE, _("alle gemeenten"))


def _division_filter(area: Area) -> dict:
    # A dissolved gemeente only has the figures of its own years, as the source gave them.
    return {"in_current_division": True} if area.is_current else {"in_source_division": True}


def rank_of(indicator: Indicator, rank_high: int | None, rank_low: int | None) -> int | None:
    return rank_low if indicator.higher_is_better is False else rank_high


@dataclass
class ProfileRow:
    indicator: Indicator
    period: Period
    value: float
    estimated: bool
    trend: list[tuple[str, float]]
    nederland: float | None = None
    peer: float | None = None
    rank: int | None = None
    count: int | None = None


def _reference_values(
    indicators: dict[int, Indicator], latest: dict[int, int], group: PeerGroup
) -> tuple[dict[int, float], dict[int, float], dict[int, int]]:
    """National value, peer-group median and number of ranked gemeenten per indicator at its latest period."""
    nederland: dict[int, float] = {}
    peer: dict[int, float] = {}
    counts: dict[int, int] = {}
    stats = (
        PeerStatistic.objects.filter(
            indicator_id__in=latest,
            period_id__in=set(latest.values()),
            group_key__in={Area.NEDERLAND_CODE, group.key},
        )
        .filter(group__in={PeerStatistic.Group.NEDERLAND, group.group})
        .values_list(
            "indicator_id", "period_id", "group", "group_key", "count", "total", "mean", "weighted_mean", "median"
        )
    )
    for indicator_id, period_id, group_name, key, count, total, mean, weighted_mean, median in stats:
        if latest.get(indicator_id) != period_id:
            continue
        if group_name == PeerStatistic.Group.NEDERLAND:
            counts[indicator_id] = count
            nederland[indicator_id] = total if indicators[indicator_id].additive else (weighted_mean or mean)
        if group_name == group.group and key == group.key:
            peer[indicator_id] = median
    national = Observation.objects.filter(
        area_id=Area.objects.filter(code=Area.NEDERLAND_CODE).values("id")[:1],
        indicator_id__in=latest,
        period_id__in=set(latest.values()),
        in_current_division=True,
    ).values_list("indicator_id", "period_id", "value")
    for indicator_id, period_id, value in national:
        if latest.get(indicator_id) == period_id:
            nederland[indicator_id] = value
    return nederland, peer, counts


def profile_indicators(area: Area) -> dict[str, list[int]]:
    """The ids of the indicators with figures for this gemeente, per theme (in the themes' order), by name."""
    observed = Observation.objects.filter(area=area, indicator=OuterRef("pk"), **_division_filter(area))
    result: dict[str, list[int]] = {theme: [] for theme in Theme.values}
    for indicator_id, theme in Indicator.objects.filter(Exists(observed)).order_by("name").values_list("id", "theme"):
        result[theme].append(indicator_id)
    return {theme: ids for theme, ids in result.items() if ids}


def profile(
    area: Area, *, group: str = PeerStatistic.Group.GROOTTEKLASSE, indicator_ids: Iterable[int] | None = None
) -> list[tuple[str, str, list[ProfileRow]]]:
    """Per theme (value, label, rows), per indicator: the latest value, a trend over the latest periods of that
    kind, the value for Nederland and the peer-group median, and the rank among today's gemeenten. Limited to
    ``indicator_ids`` when given: a page shows a part of a theme at a time."""
    observations = Observation.objects.filter(area=area, **_division_filter(area))
    if indicator_ids is not None:
        observations = observations.filter(indicator_id__in=list(indicator_ids))
    rows = list(observations.values_list("indicator_id", "period_id", "value", "estimated", "rank_high", "rank_low"))
    periods = {p.id: p for p in Period.objects.filter(id__in={r[1] for r in rows})}
    by_id = {i.id: i for i in Indicator.objects.filter(id__in={r[0] for r in rows})}
    series: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        series[row[0]].append(row)
    latest: dict[int, int] = {}
    result: dict[str, list[ProfileRow]] = defaultdict(list)
    items: list[ProfileRow] = []
    ranks: dict[int, tuple] = {}
    for indicator_id, points in series.items():
        points.sort(key=lambda r: periods[r[1]].start)
        last = points[-1]
        kind = periods[last[1]].kind
        same_kind = [p for p in points if periods[p[1]].kind == kind][-12:]
        latest[indicator_id] = last[1]
        ranks[indicator_id] = (last[4], last[5])
        items.append(
            ProfileRow(
                by_id[indicator_id],
                periods[last[1]],
                last[2],
                last[3],
                [(periods[p[1]].code, p[2]) for p in same_kind],
            )
        )
    peers = peer_group(area, group)
    nederland, peer, counts = _reference_values(by_id, latest, peers)
    for item in items:
        indicator_id = item.indicator.id
        item.nederland = nederland.get(indicator_id)
        item.peer = peer.get(indicator_id)
        item.count = counts.get(indicator_id)
        item.rank = rank_of(item.indicator, *ranks[indicator_id])
        result[item.indicator.theme].append(item)
    labels = dict(Theme.choices)
    return [
        (theme, str(labels[theme]), sorted(result[theme], key=lambda r: r.indicator.name))
        for theme in Theme.values
        if theme in result
    ]


def key_indicators(area: Area, n: int = 5) -> list[ProfileRow]:
    """A gemeente's profile in brief (for its 360° page): the first indicator of each theme, at most ``n``."""
    firsts = [ids[0] for ids in profile_indicators(area).values()][:n]
    return [row for _theme, _label, rows in profile(area, indicator_ids=firsts) for row in rows]


@dataclass
class CompareRow:
    indicator: Indicator
    period: Period | None
    values: list[float | None]
    peer: float | None = None
    nederland: float | None = None
    # Per area, parallel to ``values``: estimated for today's division after a split (Haaren).
    estimated: list[bool] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[float | None, bool]]:
        return list(zip(self.values, self.estimated, strict=True))


def indicators_for(codes: Iterable[str] = (), theme: str = "") -> list[Indicator]:
    qs = Indicator.objects.all()
    codes = [c for c in codes if c]
    if codes:
        qs = qs.filter(code__in=codes)
    elif theme:
        qs = qs.filter(theme=theme)
    return list(qs.order_by("theme", "name"))


def compare(
    areas: list[Area], indicators: list[Indicator], *, group: str = "", period_code: str = ""
) -> tuple[list[CompareRow], PeerGroup | None]:
    """Values of several gemeenten, and optionally the first one's peer group, per indicator at one period
    (``period_code``, or each indicator's latest period with data for these gemeenten)."""
    by_id = {i.id: i for i in indicators}
    observations = Observation.objects.filter(
        area__in=areas, indicator_id__in=by_id, in_current_division=True
    ).values_list("indicator_id", "area_id", "period_id", "value", "estimated")
    if period_code:
        observations = observations.filter(period__code=period_code)
    values: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    estimated: set[tuple[int, int, int]] = set()
    for indicator_id, area_id, period_id, value, is_estimate in observations:
        values[(indicator_id, period_id)][area_id] = value
        if is_estimate:
            estimated.add((indicator_id, period_id, area_id))
    periods = {p.id: p for p in Period.objects.filter(id__in={k[1] for k in values})}
    latest: dict[int, int] = {}
    for indicator_id, period_id in values:
        current = latest.get(indicator_id)
        if current is None or periods[period_id].start > periods[current].start:
            latest[indicator_id] = period_id
    peers = peer_group(areas[0], group) if group and areas else None
    nederland, peer, _counts = _reference_values(
        by_id, latest, peers or PeerGroup(PeerStatistic.Group.NEDERLAND, Area.NEDERLAND_CODE, "")
    )
    rows = []
    for indicator in indicators:
        period_id = latest.get(indicator.id)
        found = values.get((indicator.id, period_id), {})
        rows.append(
            CompareRow(
                indicator,
                periods.get(period_id),
                [found.get(a.id) for a in areas],
                peer.get(indicator.id) if peers else None,
                nederland.get(indicator.id),
                [(indicator.id, period_id, a.id) in estimated for a in areas],
            )
        )
    return rows, peers


def indicator_periods(indicator: Indicator) -> list[Period]:
    ids = Observation.objects.filter(indicator=indicator).values_list("period_id", flat=True).distinct()
    return list(Period.objects.filter(id__in=ids).order_by("-start"))


class RankedArea(NamedTuple):
    code: str
    name: str
    inhabitants: int | None


@dataclass
class RankRow:
    area: RankedArea
    value: float
    rank: int
    estimated: bool


def ranking(indicator: Indicator, period: Period, *, source_division: bool = False) -> list[RankRow]:
    """All gemeenten for one indicator and period, best first (highest first when there is no better). Plain
    tuples rather than model instances: building 700 of those took a third of the page's time."""
    flag = {"in_source_division": True} if source_division else {"in_current_division": True, "area__is_current": True}
    rows = list(
        Observation.objects.filter(indicator=indicator, period=period, area__kind=Area.Kind.GEMEENTE, **flag)
        .values_list("value", "estimated", "rank_high", "rank_low", "area__code", "area__name", "area__inhabitants")
        .order_by()
    )
    reverse = indicator.higher_is_better is not False
    rows.sort(key=lambda o: (-o[0] if reverse else o[0], o[5]))
    result = []
    for position, (value, estimated, rank_high, rank_low, code, name, inhabitants) in enumerate(rows, start=1):
        rank = rank_of(indicator, rank_high, rank_low) if not source_division else None
        if rank is None:
            previous = result[-1] if result else None
            rank = previous.rank if previous and previous.value == value else position
        result.append(RankRow(RankedArea(code, name, inhabitants), value, rank, estimated))
    return result


def distribution(values: list[float], bins: int = 10) -> list[tuple[float, float, int]]:
    """Equal-width bins (lower, upper, count) over the values."""
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [(low, high, len(values))]
    width = (high - low) / bins
    counts = [0] * bins
    for v in values:
        counts[min(int((v - low) / width), bins - 1)] += 1
    return [(low + i * width, low + (i + 1) * width, counts[i]) for i in range(bins)]


# --- corona -----------------------------------------------------------------------------------------------------


@dataclass
class Point:
    day: datetime.date
    label: str
    value: float
    per_100k: float | None = None

    @property
    def correction(self) -> bool:
        return self.value < 0


@dataclass
class CoronaSeries:
    indicator: str
    label: str
    points: list[Point] = field(default_factory=list)
    nederland: list[Point] = field(default_factory=list)
    peer: list[Point] = field(default_factory=list)

    @property
    def corrections(self) -> list[Point]:
        return [p for p in self.points if p.correction]


def differences(cumulative: list[tuple[datetime.date, float]], *, weekly: bool, inhabitants: int | None) -> list[Point]:
    """Daily or ISO-week counts from a cumulative series: the difference with the previous report. The first day
    (or first, possibly partial, week) has no previous report and is left out. Negative counts are corrections."""
    cumulative = sorted(cumulative)
    if weekly:
        last_of_week: dict[tuple[int, int], tuple[datetime.date, float]] = {}
        for day, value in cumulative:
            last_of_week[day.isocalendar()[:2]] = (day, value)
        cumulative = list(last_of_week.values())
        if cumulative and cumulative[-1][0].isoweekday() != 7:
            cumulative.pop()  # the last week is not over yet in the data: a part of a week is not a week
    result = []
    for (_previous_day, before), (day, value) in itertools.pairwise(cumulative):
        count = value - before
        year, week, _weekday = day.isocalendar()
        label = f"{year}-W{week:02d}" if weekly else day.isoformat()
        result.append(Point(day, label, count, count / inhabitants * PER if inhabitants else None))
    return result


def corona_labels() -> dict[str, str]:
    return {
        POSITIVE: _("Positief geteste personen"),
        ADMISSIONS: _("Ziekenhuisopnames"),
        DECEASED: _("Overleden"),
    }


def corona_dashboard(area: Area | None, *, weekly: bool, group: str) -> tuple[list[CoronaSeries], PeerGroup | None]:
    """Counts per day or week for a gemeente of today (or Nederland when ``area`` is None), with the national line
    and the peer group's line, all also per 100,000 inhabitants."""
    national_area = Area.objects.get(code=Area.NEDERLAND_CODE)
    target = area or national_area
    raw = Observation.objects.filter(
        indicator__code__in=CORONA_CUMULATIVE, area__in={target.id, national_area.id}, in_current_division=True
    ).values_list("indicator__code", "area_id", "period__start", "value")
    cumulative: dict[tuple[str, int], list] = defaultdict(list)
    for code, area_id, day, value in raw:
        cumulative[(code, area_id)].append((day, value))
    peers = peer_group(area, group) if area and group else None
    peer_cumulative: dict[str, list] = defaultdict(list)
    peer_inhabitants: int | None = None
    if peers:
        stats = PeerStatistic.objects.filter(
            indicator__code__in=CORONA_CUMULATIVE, group=peers.group, group_key=peers.key
        ).values_list("indicator__code", "period__start", "total", "inhabitants")
        for code, day, total, inhabitants in stats:
            peer_cumulative[code].append((day, total))
            peer_inhabitants = inhabitants
    labels = corona_labels()
    result = []
    for code in CORONA_CUMULATIVE:
        result.append(
            CoronaSeries(
                code,
                labels[code],
                differences(cumulative[(code, target.id)], weekly=weekly, inhabitants=target.inhabitants),
                differences(cumulative[(code, national_area.id)], weekly=weekly, inhabitants=national_area.inhabitants),
                differences(peer_cumulative[code], weekly=weekly, inhabitants=peer_inhabitants) if peers else [],
            )
        )
    return result, peers


def corona_weeks() -> list[str]:
    days = Period.objects.filter(
        kind=Period.Kind.DAG, observations__indicator__code=POSITIVE, observations__area__code=Area.NEDERLAND_CODE
    ).values_list("start", flat=True)
    days = sorted(days)
    weeks = sorted({f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in days})
    if days and days[-1].isoweekday() != 7:
        weeks = weeks[:-1]  # the last week is not over yet in the data
    return weeks[1:]  # the first week has no previous week to subtract


@dataclass
class WeekRow:
    area: Area
    count: float
    per_100k: float | None
    rank: int = 0
    estimated: bool = False


def corona_week(week: str) -> list[WeekRow]:
    """Positive tests in one ISO week for every gemeente of today, highest per 100,000 first."""
    start = datetime.date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    end = start + datetime.timedelta(days=6)
    days = Period.objects.filter(kind=Period.Kind.DAG)
    last_this = days.filter(start__lte=end, start__gte=start).order_by("-start").first()
    last_before = days.filter(start__lt=start).order_by("-start").first()
    if not last_this or not last_before:
        return []
    values: dict[int, dict[int, float]] = defaultdict(dict)
    estimated: set[int] = set()
    for area_id, period_id, value, is_estimate in Observation.objects.filter(
        indicator__code=POSITIVE,
        period__in=[last_this, last_before],
        in_current_division=True,
        area__kind=Area.Kind.GEMEENTE,
        area__is_current=True,
    ).values_list("area_id", "period_id", "value", "estimated"):
        values[area_id][period_id] = value
        if is_estimate:
            estimated.add(area_id)
    areas = {a.id: a for a in current_gemeenten()}
    rows = []
    for area_id, by_period in values.items():
        if last_this.id in by_period and last_before.id in by_period:
            area = areas[area_id]
            count = by_period[last_this.id] - by_period[last_before.id]
            per_100k = count / area.inhabitants * PER if area.inhabitants else None
            rows.append(WeekRow(area, count, per_100k, estimated=area_id in estimated))
    rows.sort(key=lambda r: (-(r.per_100k or 0), r.area.name))
    for position, row in enumerate(rows, start=1):
        row.rank = position
    return rows


def national_series(code: str, *, weekly: bool) -> list[Point]:
    """A national daily count (ICU intakes), summed per ISO week when asked."""
    points = Observation.objects.filter(
        indicator__code=code, area__code=Area.NEDERLAND_CODE, in_current_division=True
    ).values_list("period__start", "value")
    return _per_week(sorted(points), weekly=weekly, mean=False)


def _per_week(points: list[tuple[datetime.date, float]], *, weekly: bool, mean: bool) -> list[Point]:
    if not weekly:
        return [Point(day, day.isoformat(), value) for day, value in points]
    weeks: dict[tuple[int, int], list] = defaultdict(list)
    for day, value in points:
        weeks[day.isocalendar()[:2]].append((day, value))
    result = []
    for (year, week), items in sorted(weeks.items()):
        if not mean and len(items) < 7:
            continue  # a sum over part of a week would look like a drop
        total = sum(v for _, v in items)
        result.append(
            Point(
                datetime.date.fromisocalendar(year, week, 1),
                f"{year}-W{week:02d}",
                total / len(items) if mean else total,
            )
        )
    return result


def sewage(region: Area | None, *, weekly: bool = True) -> tuple[list[Point], list[tuple[Area, list[Point]]]]:
    """Weekly mean RNA per ml for one veiligheidsregio, and the last weeks for every region."""
    rows = Observation.objects.filter(indicator__code=SEWAGE, area__kind=Area.Kind.VEILIGHEIDSREGIO).values_list(
        "area_id", "period__start", "value"
    )
    per_region: dict[int, list] = defaultdict(list)
    for area_id, day, value in rows:
        per_region[area_id].append((day, value))
    regions = list(Area.objects.filter(kind=Area.Kind.VEILIGHEIDSREGIO).order_by("code"))
    overview = [(r, _per_week(sorted(per_region.get(r.id, [])), weekly=True, mean=True)) for r in regions]
    selected = _per_week(sorted(per_region.get(region.id, [])), weekly=weekly, mean=True) if region else []
    return selected, overview


# --- downloads --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number in a download, written with the indicator's precision."""

    value: float | None
    decimals: int = 0


@dataclass
class Table:
    """What a download holds: columns and rows of text and ``Figure`` cells; the writer decides the format."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[str | Figure]]


def _estimated_label(estimated: bool) -> str:
    return _("geschat") if estimated else ""


def compare_table(rows: list[CompareRow], areas: list[Area], peers: PeerGroup | None) -> Table:
    """The compare table: one row per indicator; which gemeenten' figures are estimates is said in its own column."""
    columns = [_("indicator"), _("eenheid"), _("periode"), *[a.name for a in areas]]
    columns += [_("peergroep: %(label)s (mediaan)") % {"label": peers.label}] if peers else []
    columns += [_("Nederland"), _("geschat voor")]
    body = []
    for row in rows:
        decimals = row.indicator.decimals
        cells: list[str | Figure] = [row.indicator.name, row.indicator.unit, row.period.code if row.period else ""]
        cells += [Figure(v, decimals) for v in row.values]
        cells += [Figure(row.peer, decimals)] if peers else []
        flagged = [a.name for a, estimate in zip(areas, row.estimated, strict=True) if estimate]
        cells += [Figure(row.nederland, decimals), ", ".join(flagged)]
        body.append(cells)
    return Table("vergelijking", _("Vergelijking"), columns, body)


def ranking_table(indicator: Indicator, period: Period, rows: list[RankRow]) -> Table:
    columns = [_("positie"), _("code"), _("gemeente"), f"{indicator.name} ({indicator.unit})", _("geschat")]
    body = [
        [Figure(r.rank), r.area.code, r.area.name, Figure(r.value, indicator.decimals), _estimated_label(r.estimated)]
        for r in rows
    ]
    return Table(f"{indicator.code}-{period.code}", indicator.name[:31], columns, body)


def inhabitants_estimated(area: Area) -> bool:
    """Whether a gemeente of today counts inhabitants apportioned from a split gemeente (Haaren, 2021): how many of
    them went to each successor is not in the registry."""
    from meent.realisatie.benchmark.services.division import current_division_shares

    return area.is_current and any(
        share.estimated and share.code == area.code for shares in current_division_shares().values() for share in shares
    )


def corona_estimated(area: Area | None) -> bool:
    """Whether a gemeente's corona figures are estimates: it took over part of a split gemeente (Haaren, 2021) and
    RIVM reported for the old division."""
    return (
        bool(area)
        and Observation.objects.filter(
            area=area, indicator__code__in=CORONA_CUMULATIVE, in_current_division=True, estimated=True
        ).exists()
    )


def corona_table(area: Area | None, series: list[CoronaSeries], *, weekly: bool) -> Table:
    """Counts per day or week, and per 100,000 inhabitants, for the gemeente (or Nederland); a gemeente whose
    figures are estimates is marked in every row."""
    labels = list(dict.fromkeys(p.label for s in series for p in s.points))
    by_label = [{p.label: p for p in s.points} for s in series]
    columns = [_("week") if weekly else _("dag")]
    for s in series:
        columns += [s.label, _("%(label)s per 100.000 inwoners") % {"label": s.label}]
    estimated = corona_estimated(area)
    columns.append(_("geschat"))
    body = []
    for label in labels:
        cells: list[str | Figure] = [label]
        for points in by_label:
            point = points.get(label)
            cells += [Figure(point.value if point else None), Figure(point.per_100k if point else None, 1)]
        cells.append(_estimated_label(estimated))
        body.append(cells)
    name = f"corona-{area.code if area else Area.NEDERLAND_CODE}-{'week' if weekly else 'dag'}"
    return Table(name, _("Corona"), columns, body)
