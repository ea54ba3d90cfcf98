"""The 5 × 5 heat map as server-rendered SVG (the page shows the same counts as a table beside it)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from meent.risicobeheer.selectors import HeatCell

CELL = 56
LEFT, TOP = 40, 10
# Colours of the four bands with dark text on them (contrast above 4.5:1 for the numbers).
FILL = {"laag": "#cfe8cf", "midden": "#fff0b3", "hoog": "#ffd1a6", "zeer-hoog": "#f4b4b4"}


def heat_map_svg(grid: list[list[HeatCell]], *, net: bool) -> SafeString:
    title = _("Risicomatrix netto (na maatregelen)") if net else _("Risicomatrix bruto (voor maatregelen)")
    width, height = LEFT + 5 * CELL + 10, TOP + 5 * CELL + 40
    parts = [
        f'<svg class="meent-heatmap" viewBox="0 0 {width} {height}" role="img" aria-labelledby="heatmap-titel" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="heatmap-titel">{escape(title)}</title>'
    ]
    for row_index, row in enumerate(grid):
        y = TOP + row_index * CELL
        parts.append(
            f'<text x="{LEFT - 12}" y="{y + CELL / 2 + 5}" text-anchor="end" font-size="14">{row[0].likelihood}</text>'
        )
        for col_index, cell in enumerate(row):
            x = LEFT + col_index * CELL
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{FILL[cell.level]}" stroke="#fff"/>'
                f'<text x="{x + CELL / 2}" y="{y + CELL / 2 + 6}" text-anchor="middle" font-size="18" '
                f'fill="#1a1a1a">{cell.count or ""}</text>'
            )
    base = TOP + 5 * CELL
    for index in range(5):
        parts.append(
            f'<text x="{LEFT + index * CELL + CELL / 2}" y="{base + 18}" text-anchor="middle" '
            f'font-size="14">{index + 1}</text>'
        )
    parts.append(
        f'<text x="{LEFT + 5 * CELL / 2}" y="{base + 36}" text-anchor="middle" '
        f'font-size="13">{escape(_("Impact"))}</text>'
        f'<text x="12" y="{TOP + 5 * CELL / 2}" text-anchor="middle" font-size="13" '
        f'transform="rotate(-90 12 {TOP + 5 * CELL / 2})">{escape(_("Kans"))}</text></svg>'
    )
    return mark_safe("".join(parts))
