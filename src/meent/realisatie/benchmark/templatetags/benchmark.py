from django import template
from django.utils.safestring import SafeString

from meent.realisatie.benchmark import svg

register = template.Library()


@register.filter
def num(value: float | None, decimals: int = 0) -> str:
    """A figure in the current language's notation (1.234,5 in Dutch), a dash when unknown."""
    return svg.fmt(value, decimals)


@register.filter
def sparkline(points: list[tuple[str, float]]) -> SafeString:
    return svg.sparkline([v for _, v in points])


@register.filter
def swatch(style: str) -> SafeString:
    return svg.legend_swatch(style)
