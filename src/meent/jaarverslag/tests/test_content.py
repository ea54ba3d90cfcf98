"""Placeholders, Markdown and numbers: what an author writes and what the reader gets."""

from decimal import Decimal

import pytest
from django.utils import translation

from meent.core.registry import FigureValue, Row, Text, Unit
from meent.jaarverslag import content


class Source:
    """Fixed values by key, as a publication would hold them."""

    def __init__(self, values: dict):
        self.values = values

    def get(self, key, offset=0):
        if key not in self.values:
            return None
        return content.Entry(self.values[key], Text(f"{key} nl", f"{key} en"), Text("def nl", "def en"), False)


def render(text: str, **values) -> str:
    source = Source({key.replace("__", "."): value for key, value in values.items()})
    return content.Renderer(source).markdown(text)


def test_an_inline_value_links_to_its_definition():
    html = render(
        "Er waren {{ ibd.incidenten }} incidenten.",
        ibd__incidenten=FigureValue("ibd.incidenten", 2020, Unit.AANTAL, 175),
    )
    assert 'href="/jaarverslag/cijfers/ibd.incidenten/?jaar=2020">175</a> incidenten' in html


def test_a_card_has_the_big_number_and_its_text_or_the_label():
    value = FigureValue("ibd.incidenten", 2020, Unit.AANTAL, 175)
    html = render(
        '{{ kaart ibd.incidenten "incidenten met een hulpvraag" }}\n\n{{ kaart ibd.incidenten }}', ibd__incidenten=value
    )
    assert html.count('class="meent-kaart"') == 2 and "incidenten met een hulpvraag" in html
    assert "ibd.incidenten nl" in html and "<p><div" not in html


def test_missing_data_reads_geen_gegevens_never_zero():
    html = render("{{ kaart x.y }} en {{ x.y }}", x__y=FigureValue("x.y", 2020, Unit.AANTAL))
    assert html.count("geen gegevens") == 2 and ">0<" not in html


def test_a_list_figure_as_chart_and_table():
    rows = (Row("Dag van de Stad", 800), Row("Juridische 2-daagse", 321))
    html = render("{{ grafiek c.top }}", c__top=FigureValue("c.top", 2020, Unit.AANTAL, rows=rows))
    assert "<svg" in html and 'role="img"' in html and "<caption" in html and "800" in html
    assert 'aria-labelledby="tabel-1"' in html
    assert "<svg" not in render("{{ tabel c.top }}", c__top=FigureValue("c.top", 2020, Unit.AANTAL, rows=rows))


def test_filters():
    value = FigureValue("c.t", 2020, Unit.CIJFER, Decimal("7.96"))
    assert render("{{ c.t|label }}", c__t=value) == "<p>c.t nl</p>\n"
    assert render("{{ c.t|definitie }}", c__t=value) == "<p>def nl</p>\n"
    assert ">8</a>" in render("{{ c.t|afgerond }}", c__t=value)
    assert ">8,0</a>" in render("{{ c.t }}", c__t=value)


def test_markdown_is_sanitised_and_headings_sit_below_the_chapter():
    html = render("# Kop\n\n<script>alert(1)</script> [link](javascript:alert(1)) ![foto](https://x.example/a.png)")
    assert "<h3>Kop</h3>" in html and "<script>" not in html and 'href="javascript' not in html
    assert '<img src="https://x.example/a.png" alt="foto">' in html


def test_a_figure_text_cannot_inject_html():
    rows = (Row('<img src=x onerror="alert(1)">', 1),)
    html = render("{{ tabel c.top }}", c__top=FigureValue("c.top", 2020, Unit.AANTAL, rows=rows))
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("{{ leden.gemeenten }}", True),
        ('{{ kaart leden.gemeenten|afgerond "tekst" }}', True),
        ("{{ leden.bestaat_niet }}", False),
        ("{{ kaart }}", False),
        ("{{ leden.gemeenten|onbekend }}", False),
    ],
)
def test_problems_refuse_unknown_keys_and_list_the_valid_ones(text, ok):
    errors = content.problems(text)
    assert (errors == []) is ok
    if "bestaat_niet" in text:
        assert "leden.bestaat_niet" in errors[0] and "leden.gemeenten" in errors[0]


def test_quotes_and_interviews():
    renderer = content.Renderer(Source({}))
    quote = content.block_html(
        renderer, {"kind": "citaat", "body": "Veerkracht.", "speaker": "An Jansen", "speaker_role": "directeur"}
    )
    assert "<blockquote" in quote and "An Jansen, directeur" in quote
    interview = content.block_html(renderer, {"kind": "interview", "body": "Vraag en antwoord.", "speaker": "Bo"})
    assert "Mensenwerk" in interview
    with translation.override("en"):
        assert "English" in content.block_html(renderer, {"body": "Nederlands", "body_en": "English"})


@pytest.mark.parametrize(
    ("number", "nl", "en"),
    [
        (23_400_000, "€ 23,4 miljoen", "€ 23.4 million"),
        (50_000_000, "€ 50 miljoen", "€ 50 million"),
        (1250, "€ 1.250", "€ 1,250"),
    ],
)
def test_euro_notation(number, nl, en):
    value = FigureValue("x.y", 2020, Unit.EURO, number)
    with translation.override("nl"):
        assert str(value) == nl
    with translation.override("en"):
        assert str(value) == en


def test_dutch_and_english_numbers():
    with translation.override("nl"):
        assert str(FigureValue("x.y", 2020, Unit.AANTAL, 2300)) == "2.300"
        assert str(FigureValue("x.y", 2020, Unit.PROCENT, Decimal("51"))) == "51,0%"
    with translation.override("en"):
        assert str(FigureValue("x.y", 2020, Unit.AANTAL, 2300)) == "2,300"
