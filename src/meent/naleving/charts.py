"""The coverage curve as server-side SVG; the page shows the same points in a table."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meent.naleving.selectors import Curve

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36


def coverage_chart(title: str, curve: Curve, x_label: str) -> SafeString:
    if not curve.points:
        return mark_safe("")
    last_hour = max(curve.points[-1][0], 1)
    total = max(curve.total, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(hour: int) -> float:
        return LEFT + plot_w * hour / last_hour

    def y(count: int) -> float:
        return TOP + plot_h * (1 - count / total)

    parts = [
        f'<svg class="naleving-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        count = round(total * fraction)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(count):.1f}" y2="{y(count):.1f}" stroke="#ccc"/>'
            f'<text x="{LEFT - 6}" y="{y(count) + 4:.1f}" text-anchor="end" font-size="11">{count}</text>'
        )
    step = max(1, round(last_hour / 8))
    for hour in range(0, last_hour + 1, step):
        parts.append(
            f'<text x="{x(hour):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11">{hour}</text>'
        )
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 4}" text-anchor="middle" font-size="11">{escape(x_label)}'
        "</text>"
    )
    line = " ".join(f"{x(h):.1f},{y(n):.1f}" for h, n in curve.points)
    parts.append(f'<polyline points="{line}" fill="none" stroke="#1f5f99" stroke-width="2.5"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
