from decimal import Decimal

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced, for pagination and sort links."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.filter
def dutch_decimal(value, places: int = 1) -> str:
    """7.66 → '7,7': the way Dutch reports write averages."""
    if value is None or value == "":
        return "–"
    quantized = round(Decimal(str(value)), int(places))
    return f"{quantized:.{int(places)}f}".replace(".", ",")
