"""The shared template tags: what every form and list page relies on."""

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils.safestring import mark_safe

from meent.core.templatetags import meent as meent_tags
from meent.core.templatetags.meent import query_replace, utrecht_widget


class ChoicesForm(forms.Form):
    gemeente = forms.ChoiceField(
        choices=[
            ("", "—"),
            ("GM0363", "Amsterdam"),
            ("GM0344", 'Utrecht <stad> & "ommeland"'),
            ("GM0599", mark_safe("<i>Rotterdam</i>")),
        ]
    )
    thema = forms.MultipleChoiceField(
        choices=[("Sociaal", [("jeugd", "Jeugd"), ("wmo", "Wmo")]), ("geld", "Financiën")],
        required=False,
        help_text="Meer dan één mag.",
    )
    akkoord = forms.NullBooleanField()


@pytest.mark.parametrize(
    "data", [None, {"gemeente": "GM0344", "thema": ["wmo", "geld"]}, {"gemeente": "onbekend", "thema": ["x"]}]
)
def test_selects_render_exactly_as_django_does(data, monkeypatch):
    form = ChoicesForm(data)
    if data:
        form.is_valid()
    for name in ("gemeente", "thema", "akkoord"):
        fast = str(utrecht_widget(form[name]))
        with monkeypatch.context() as patch:
            patch.setattr(meent_tags, "_is_plain_select", lambda widget: False)
            assert parse_html(fast) == parse_html(str(utrecht_widget(form[name])))


def test_selected_option_and_escaping():
    html = str(utrecht_widget(ChoicesForm({"gemeente": "GM0344"})["gemeente"]))
    assert '<option value="GM0344" selected>Utrecht &lt;stad&gt; &amp; &quot;ommeland&quot;</option>' in html
    assert " required" in html and 'id="id_gemeente"' in html


def test_query_replace_keeps_other_parameters_and_drops_emptied_ones():
    request = RequestFactory().get("/", {"q": "zorg", "thema": "wonen", "page": "3"})
    assert query_replace({"request": request}, page=4) == "q=zorg&thema=wonen&page=4"
    assert query_replace({"request": request}, thema="", page="") == "q=zorg"


def test_dutch_decimal_in_templates():
    rendered = Template("{% load meent %}{{ a|dutch_decimal }} {{ b|dutch_decimal:2 }} {{ c|dutch_decimal }}").render(
        Context({"a": 7.66, "b": 8, "c": None})
    )
    assert rendered == "7,7 8,00 –"


def test_decimals_follow_the_readers_language():
    from django.utils import translation

    template = Template("{% load meent %}{{ a|dutch_decimal }} {{ b|dutch_decimal:0 }}")
    with translation.override("en"):
        assert template.render(Context({"a": 8.24, "b": 11642})) == "8.2 11,642"
    with translation.override("nl"):
        assert template.render(Context({"a": 8.24, "b": 11642})) == "8,2 11.642"


def test_audit_actions_are_in_the_readers_language():
    from django.utils import translation

    template = Template("{% load meent %}{{ 0|audit_action }}/{{ 3|audit_action }}")
    with translation.override("nl"):
        assert template.render(Context()) == "aangemaakt/ingezien"
    with translation.override("en"):
        assert template.render(Context()) == "created/viewed"
