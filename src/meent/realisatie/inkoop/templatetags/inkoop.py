from django import template

from meent.realisatie.inkoop.charts import euro as format_euro

register = template.Library()


@register.filter
def euro(value) -> str:
    """An amount in whole euros with thousands grouped: € 1.234.567 (— for no data)."""
    return format_euro(value)
