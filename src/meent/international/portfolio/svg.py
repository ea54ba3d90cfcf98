"""Charts and the world map as server-side SVG. Every chart repeats numbers its page also shows in a table; the map
colours countries by number of active projects and has a list as its alternative on the same page."""

import gzip
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

MAP_FILE = Path(__file__).resolve().parent / "data" / "world-110m.json.gz"  # made by scripts/world_map.py
BLUE = "#1f5f99"
# Light to dark, each step distinguishable from its neighbour (and the legend names the classes in words).
CLASSES = [(1, "#c6dbef"), (2, "#6baed6"), (4, "#2171b5"), (10**6, "#08306b")]
NO_PROJECTS = "#f2f2f2"


def bar_chart(title: str, chart_id: str, rows: Sequence[tuple[str, float]], unit: str = "") -> SafeString:
    """Horizontal bars with label and value written out."""
    if not rows:
        return mark_safe("")
    width, row_h, label_w = 720, 26, 260
    height = row_h * len(rows) + 8
    high = max((value for _label, value in rows), default=0) or 1
    plot = width - label_w - 120
    desc = _("Grafiek. Dezelfde cijfers staan in de tabel bij deze grafiek.")
    parts = [
        f'<svg class="portfolio-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg" font-size="13">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>'
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        bar = max(value / high * plot, 0.5 if value else 0)
        text = number_format(value, decimal_pos=0 if float(value).is_integer() else 1, force_grouping=True)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end">{escape(label[:38])}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{bar:.1f}" height="{row_h - 9}" fill="{BLUE}"/>'
            f'<text x="{label_w + bar + 5:.1f}" y="{y + 17}">{escape(text)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(gzip.decompress(MAP_FILE.read_bytes()))


def colour(count: int) -> str:
    if not count:
        return NO_PROJECTS
    return next(fill for upper, fill in CLASSES if count <= upper)


def legend() -> list[tuple[SafeString, str]]:
    labels = [_("geen projecten"), _("1 project"), _("2 projecten"), _("3 of 4 projecten"), _("5 of meer projecten")]
    fills = [NO_PROJECTS] + [fill for _upper, fill in CLASSES]
    return [
        (
            mark_safe(
                f'<svg width="20" height="14" aria-hidden="true" focusable="false"><rect width="20" height="14" '
                f'fill="{fill}" stroke="#555"/></svg>'
            ),
            label,
        )
        for fill, label in zip(fills, labels, strict=True)
    ]


def world_map(title: str, counts: dict[str, int], names: dict[str, str], links: dict[str, str]) -> SafeString:
    """Countries coloured by their number of active projects; a country with projects is a link (reachable with
    the keyboard) named with its number, the others are decoration."""
    data = world()
    parts = [
        f'<svg class="portfolio-map" viewBox="0 0 {data["width"]} {data["height"]}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for country in data["countries"]:
        code = country["code"]
        count = counts.get(code, 0)
        shape = f'<path d="{country["d"]}" fill="{colour(count)}" stroke="#555" stroke-width="0.4"'
        if count and code in links:
            label = f"{names.get(code, country['name'])}: " + (
                _("1 project") if count == 1 else _("%(count)s projecten") % {"count": count}
            )
            parts.append(
                f'<a href="{escape(links[code])}" aria-label="{escape(label)}">{shape}><title>{escape(label)}'
                "</title></path></a>"
            )
        else:
            parts.append(f'{shape} aria-hidden="true"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
