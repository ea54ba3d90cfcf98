import html
from decimal import Decimal

from django import forms, template
from django.http import QueryDict
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _lazy

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
    """7.66 → '7,7' as Dutch reports write averages, and '7.7' on an English page: the reader's language decides
    the decimal and thousands separators, so no "8,2" stands next to "11,642"."""
    if value is None or value == "":
        return "–"
    quantized = round(Decimal(str(value)), int(places))
    return formats.number_format(quantized, decimal_pos=int(places), use_l10n=True, force_grouping=True)


# django-auditlog's action names are English words without a Dutch translation.
AUDIT_ACTIONS = {0: _lazy("aangemaakt"), 1: _lazy("gewijzigd"), 2: _lazy("verwijderd"), 3: _lazy("ingezien")}


@register.filter
def audit_action(action: int) -> str:
    """An audit-trail action in the reader's language."""
    return str(AUDIT_ACTIONS.get(action, action))


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
    widget = field.field.widget
    if _is_plain_select(widget):
        attrs = field.build_widget_attrs(attrs, widget)
        if field.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", field.auto_id)
        return render_select(widget, field.html_name, field.value(), attrs)
    return field.as_widget(attrs=attrs)


def _is_plain_select(widget: forms.Widget) -> bool:
    return (
        isinstance(widget, forms.Select)
        and widget.template_name == forms.Select.template_name
        and widget.option_template_name == forms.Select.option_template_name
    )


def _escape(value: object) -> str:
    """Django's ``conditional_escape`` without its lazy-string wrapper, which costs more than the escaping."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _html_attrs(attrs: dict) -> str:
    """Attributes as Django's ``attrs.html`` writes them: ``True`` as a bare name, ``False`` left out."""
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{html.escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: forms.Select, name: str, value: object, attrs: dict) -> SafeString:
    """The same HTML as Django's select templates, written in Python: the template engine takes about 0.1 ms an
    option, which for the 342 gemeenten or a thousand indicators was most of a page's time."""
    context = widget.get_context(name, value, attrs)["widget"]
    parts = [f'<select name="{_escape(context["name"])}"{_html_attrs(context["attrs"])}>']
    for group_name, options, _ in context["optgroups"]:
        if group_name:
            parts.append(f'<optgroup label="{_escape(group_name)}">')
        parts.extend(
            f'<option value="{_escape(option["value"])}"{_html_attrs(option["attrs"])}>'
            f"{_escape(option['label'])}</option>"
            for option in options
        )
        if group_name:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("".join(parts))  # every value in it was escaped above


@register.filter
def is_choice_group(field: forms.BoundField) -> bool:
    """Checkboxes or radio buttons for one question, rendered as a fieldset with a legend. A multiple select is
    one too: a list of checkboxes needs no Ctrl-click."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.SelectMultiple)


@register.filter
def optional_label(field: forms.BoundField) -> str:
    """What the label adds: "(optioneel)" for a field one may leave empty, or when it is required: a field whose
    requirement depends on another answer names the condition (``field.required_when``, checked in the form)."""
    if when := getattr(field.field, "required_when", ""):
        return gettext("verplicht %(when)s") % {"when": when}
    return "" if field.field.required else gettext("optioneel")


# From this many options on, a choice list gets a filter box (shown by forms.js; without JavaScript the list is
# simply a long list of checkboxes).
FILTER_FROM = 12


@register.filter
def choice_list(field: forms.BoundField) -> SafeString:
    """The options of a choice group as NL Design System checkboxes or radio buttons, written in Python for the
    same reason as ``render_select``: a list of 342 gemeenten."""
    widget = field.field.widget
    radio = getattr(widget, "input_type", "") == "radio"  # CheckboxSelectMultiple is a RadioSelect too
    kind = "radio-button" if radio else "checkbox"
    css = widget.attrs.get("class") or f"utrecht-{kind} utrecht-{kind}--html-input"
    context = widget.get_context(field.html_name, field.value(), {})["widget"]
    options = [option for _group, group_options, _i in context["optgroups"] for option in group_options]
    list_id = f"{field.auto_id}_options"
    parts = []
    if len(options) >= FILTER_FROM:
        status = gettext("{n} van {total} getoond")
        parts.append(
            f'<div class="meent-choice-filter" data-meent-choice-filter="{list_id}" '
            f'data-status="{_escape(status)}" hidden>'
            f'<label class="utrecht-form-label" for="{field.auto_id}_filter">'
            f"{_escape(gettext('Zoek in de lijst'))}</label>"
            f'<input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="{field.auto_id}_filter" '
            f'autocomplete="off" aria-controls="{list_id}" aria-describedby="{field.auto_id}_filter_status">'
            f'<p class="utrecht-paragraph meent-choice-filter__status" id="{field.auto_id}_filter_status" '
            f'aria-live="polite"></p></div>'
        )
    long = " meent-choice-list--long" if len(options) >= FILTER_FROM else ""
    parts.append(f'<div class="meent-choice-list{long}" id="{list_id}">')
    for index, option in enumerate(options):
        option_id = f"{field.auto_id}_{index}"
        checked = " checked" if option["selected"] else ""
        parts.append(
            f'<div class="utrecht-form-field utrecht-form-field--{kind}">'
            f'<div class="utrecht-form-field__input"><input type="{"radio" if radio else "checkbox"}" '
            f'name="{_escape(field.html_name)}" value="{_escape(option["value"])}" id="{option_id}" '
            f'class="{_escape(css)}"'
            f"{checked}></div>"
            f'<div class="utrecht-form-field__label utrecht-form-field__label--{kind}">'
            f'<label class="utrecht-form-label utrecht-form-label--{kind}" for="{option_id}">'
            f"{_escape(option['label'])}</label></div></div>"
        )
    parts.append("</div>")
    return mark_safe("".join(parts))  # every value in it was escaped above
