from decimal import Decimal

from django import forms, template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (or dropped when empty), for pagination, sort and
    filter links."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in ("", None):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def dutch_decimal(value, places: int = 1) -> str:
    """7.66 → '7,7': the way Dutch reports write averages."""
    if value is None or value == "":
        return "–"
    quantized = round(Decimal(str(value)), int(places))
    return f"{quantized:.{int(places)}f}".replace(".", ",")


def _utrecht_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "utrecht-checkbox utrecht-checkbox--html-input"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return ""  # rendered as a list of their own inputs
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "utrecht-select utrecht-select--html-select"
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    if isinstance(widget, forms.FileInput):
        return ""
    return "utrecht-textbox utrecht-textbox--html-input"


@register.filter
def utrecht_widget(field: forms.BoundField) -> str:
    """Render a form field's widget with the NL Design System classes for its kind and the ARIA links to its
    description and error, so every form in Meent looks and reads the same without per-form styling."""
    attrs = {}
    if not field.field.widget.attrs.get("class") and (css := _utrecht_class(field.field.widget)):
        attrs["class"] = css
    described_by = [f"{field.auto_id}_help"] if field.help_text else []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_choice_group(field: forms.BoundField) -> bool:
    """Checkboxes or radio buttons for one question, rendered as a fieldset with a legend."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
