"""Charts and the map as server-side SVG. Every chart repeats figures the page also shows in a table; lines differ
by dash pattern and corrections by hatching, so nothing depends on colour alone."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from meent.core import maps

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 12, 36
BLUE = "#1f5f99"
CLASS_COLOURS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
HATCH = (
    '<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="{bg}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{fg}" stroke-width="2"/>'
    "</pattern></defs>"
)
LINE_STYLES = {"nederland": "6 3", "peer": "2 3", "main": ""}


@lru_cache(maxsize=16)
def _separators(language: str | None) -> tuple[str, str]:
    return get_format("DECIMAL_SEPARATOR", language), get_format("THOUSAND_SEPARATOR", language)


def round_half_up(value: float, decimals: int = 0) -> Decimal:
    """``value`` rounded to ``decimals`` with halves away from zero (a median of 14.5 shows as 15), the same in
    every view and export; Python's own rounding goes to the even neighbour (14.5 → 14, 29.5 → 30)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt(value: float | None, decimals: int = 0) -> str:
    """A figure rounded half up to ``decimals`` in the current language's notation (1.234,6 in Dutch). Not Django's
    ``number_format``: it cuts decimals off instead of rounding, and is slow for the thousand figures of a map."""
    if value is None:
        return "—"
    decimal_separator, thousand_separator = _separators(get_language())
    text = f"{round_half_up(value, decimals):,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # a small negative value rounds to 0, not -0
    return text.replace(",", "\0").replace(".", decimal_separator).replace("\0", thousand_separator)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _open(title: str, chart_id: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    desc = _("Grafiek. Dezelfde cijfers staan in de tabel bij deze grafiek.")
    return (
        f'<svg class="benchmark-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="inherit" font-size="12">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
    )


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[object, float | None]]  # (x key, value), x keys in the same order as the bars
    style: str = "main"


def time_chart(
    title: str,
    chart_id: str,
    keys: Sequence[object],
    *,
    bars: Sequence[float | None] = (),
    lines: Sequence[Line] = (),
    x_label: Callable[[object], str] = str,
    decimals: int = 0,
) -> SafeString:
    """Bars (negative ones hatched: corrections) and lines over the same ordered x keys."""
    values = [v for v in bars if v is not None] + [v for line in lines for _, v in line.points if v is not None]
    if not keys or not values:
        return mark_safe("")
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    band = plot_w / len(keys)
    index = {k: i for i, k in enumerate(keys)}

    def y(v: float) -> float:
        return TOP + plot_h - (v - low) / (high - low) * plot_h

    parts = [_open(title, chart_id), HATCH.format(id=f"{chart_id}-hatch", bg="#fff", fg="#b3261e")]
    for t in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">'
            f"{escape(fmt(t, decimals if t % 1 else 0))}</text>"
        )
    step = max(1, math.ceil(len(keys) / 8))
    for i in range(0, len(keys), step):
        x = LEFT + (i + 0.5) * band
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{escape(x_label(keys[i]))}</text>'
        )
    zero = y(0)
    for i, v in enumerate(bars):
        if v is None:
            continue
        x = LEFT + i * band + band * 0.1
        top, bottom = (y(v), zero) if v >= 0 else (zero, y(v))
        fill = BLUE if v >= 0 else f"url(#{chart_id}-hatch)"
        stroke = ' stroke="#b3261e"' if v < 0 else ""
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{max(band * 0.8, 0.5):.1f}" height="{max(bottom - top, 0.5):.1f}"'
            f' fill="{fill}"{stroke}/>'
        )
    for line in lines:
        coords = [
            f"{LEFT + (index[k] + 0.5) * band:.1f},{y(v):.1f}" for k, v in line.points if v is not None and k in index
        ]
        if coords:
            dash = f' stroke-dasharray="{LINE_STYLES[line.style]}"' if LINE_STYLES[line.style] else ""
            colour = "#222" if line.style != "main" else BLUE
            parts.append(
                f'<polyline points="{" ".join(coords)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
            )
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#333"/></svg>')
    return mark_safe("".join(parts))


def legend_swatch(style: str) -> SafeString:
    if style == "bar":
        shape = f'<rect x="2" y="3" width="20" height="10" fill="{BLUE}"/>'
    elif style == "nodata":
        shape = (
            HATCH.format(id="legend-nodata", bg="#fff", fg="#999")
            + '<rect x="2" y="3" width="20" height="10" fill="url(#legend-nodata)" stroke="#555"/>'
        )
    elif style == "correction":
        shape = (
            HATCH.format(id="legend-hatch", bg="#fff", fg="#b3261e")
            + '<rect x="2" y="3" width="20" height="10" fill="url(#legend-hatch)" stroke="#b3261e"/>'
        )
    else:
        dash = f' stroke-dasharray="{LINE_STYLES[style]}"' if LINE_STYLES[style] else ""
        colour = "#222" if style != "main" else BLUE
        shape = f'<line x1="0" x2="24" y1="8" y2="8" stroke="{colour}" stroke-width="2"{dash}/>'
    return mark_safe(f'<svg width="24" height="16" aria-hidden="true" focusable="false">{shape}</svg>')


def sparkline(values: Sequence[float]) -> SafeString:
    if len(values) < 2:
        return mark_safe("")
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = 96 / (len(values) - 1)
    points = " ".join(f"{2 + i * step:.1f},{22 - (v - low) / span * 18:.1f}" for i, v in enumerate(values))
    return mark_safe(
        f'<svg width="100" height="26" aria-hidden="true" focusable="false"><polyline points="{points}" '
        f'fill="none" stroke="{BLUE}" stroke-width="1.5"/></svg>'
    )


def bar_chart(
    title: str, chart_id: str, rows: Sequence[tuple[str, float | None, bool]], decimals: int = 0
) -> SafeString:
    """Horizontal bars with their label and value written out; highlighted rows (peer, Nederland) are hatched."""
    known = [v for _, v, _ in rows if v is not None]
    if not known:
        return mark_safe("")
    row_h, label_w = 24, 220
    height = row_h * len(rows) + 8
    high = max(max(known), 0) or 1
    low = min(min(known), 0)
    plot = WIDTH - label_w - 90
    parts = [_open(title, chart_id, height=height), HATCH.format(id=f"{chart_id}-hatch", bg="#dbe7f3", fg=BLUE)]
    for i, (label, value, reference) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{escape(label[:34])}</text>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 16}">{escape(_("geen gegevens"))}</text>')
            continue
        x0 = label_w + (0 - low) / (high - low) * plot
        x1 = label_w + (value - low) / (high - low) * plot
        fill = f"url(#{chart_id}-hatch)" if reference else BLUE
        parts.append(
            f'<rect x="{min(x0, x1):.1f}" y="{y + 3}" width="{max(abs(x1 - x0), 0.5):.1f}" height="{row_h - 8}" '
            f'fill="{fill}" stroke="{BLUE}"/>'
            f'<text x="{max(x0, x1) + 4:.1f}" y="{y + 16}">{escape(fmt(value, decimals))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def histogram(title: str, chart_id: str, bins: Sequence[tuple[float, float, int]], decimals: int = 0) -> SafeString:
    if not bins:
        return mark_safe("")
    keys = [f"{fmt(lo, decimals)}–{fmt(hi, decimals)}" for lo, hi, _ in bins]
    return time_chart(title, chart_id, keys, bars=[float(n) for _, _, n in bins])


# --- map --------------------------------------------------------------------------------------------------------

# The map itself (boundaries, SVG) lives in meent.core.maps; the benchmark colours it by class.
boundaries_2020 = maps.boundaries_2020


def classes(values: Sequence[float], count: int = 5) -> list[float]:
    """Upper bounds of ``count`` classes holding about equally many gemeenten (quantiles)."""
    ordered = sorted(values)
    if not ordered:
        return []
    bounds = [ordered[min(len(ordered) - 1, math.ceil(len(ordered) * (i + 1) / count) - 1)] for i in range(count)]
    return sorted(set(bounds))


def choropleth(
    title: str,
    values: dict[str, float | None],
    labels: dict[str, str],
    links: dict[str, str],
    bounds: Sequence[float],
) -> SafeString:
    """The 2020 gemeenten coloured by class; each gemeente is a link (keyboard reachable) named with its value."""
    fills = {
        code: CLASS_COLOURS[min(next((i for i, b in enumerate(bounds) if value <= b), len(bounds) - 1), 4)]
        for code, value in values.items()
        if value is not None
    }
    return maps.gemeente_map(title, fills, labels, links, css_class="benchmark-map")


def map_legend(bounds: Sequence[float], decimals: int = 0) -> list[tuple[SafeString, str]]:
    result = []
    lower = None
    for i, upper in enumerate(bounds):
        swatch = mark_safe(
            f'<svg width="20" height="14" aria-hidden="true" focusable="false"><rect width="20" height="14" '
            f'fill="{CLASS_COLOURS[min(i, 4)]}" stroke="#555"/></svg>'
        )
        text = f"{fmt(lower, decimals)} – {fmt(upper, decimals)}" if lower is not None else f"≤ {fmt(upper, decimals)}"
        result.append((swatch, text))
        lower = upper
    return result
