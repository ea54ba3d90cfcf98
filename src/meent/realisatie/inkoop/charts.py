"""Bar charts as server-rendered SVG. Every chart repeats figures that the page also shows in a table, so the
chart is an illustration, not the only way to read them."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, ROW, LEFT, RIGHT = 640, 28, 170, 120
BAR = "#1f5f99"


def euro(value: Decimal | int | None) -> str:
    if value is None or value == "":  # no figures (a template's missing value is "")
        return "—"
    return "€ " + number_format(Decimal(value).quantize(Decimal(1)), use_l10n=True, force_grouping=True)


def bar_chart(chart_id: str, title: str, bars: Sequence[tuple[str, Decimal | int | None]]) -> SafeString:
    """Horizontal bars, one per (label, value), with the value written beside each bar."""
    values = [v for _, v in bars if v is not None]
    if not values:
        return mark_safe("")
    top = max(max(values), 1)
    height = ROW * len(bars) + 8
    desc = _("Grafiek. Dezelfde cijfers staan in de tabel bij deze grafiek.")
    parts = [
        f'<svg width="100%" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="13">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
    ]
    span = WIDTH - LEFT - RIGHT
    for i, (label, value) in enumerate(bars):
        y = 4 + i * ROW
        width = 0 if value is None or value <= 0 else max(1, round(float(value) / float(top) * span))
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 18}" text-anchor="end" fill="#1a1a1a">{escape(label[:24])}</text>'
            f'<rect x="{LEFT}" y="{y + 4}" width="{width}" height="{ROW - 8}" fill="{BAR}"/>'
            f'<text x="{LEFT + width + 6}" y="{y + 18}" fill="#1a1a1a">{escape(euro(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text in it is escaped above
