"""The contract every registered figure keeps, like the permission matrix for views: it is defined in Dutch and
English, it answers "no data" (never 0) on an empty database, and it gives the known values on the demo years."""

import datetime

import pytest

from meent.core import registry
from meent.core.registry import Figure, Text, Unit

FIGURES = list(registry.figures)
THIS_YEAR = datetime.date.today().year


def contract_problems(figure: Figure) -> list[str]:
    problems = []
    for name in ("label", "definition"):
        text = getattr(figure, name)
        if not isinstance(text, Text) or not text.nl.strip() or not text.en.strip():
            problems.append(f"{name} is not given in both Dutch and English")
    texts = (figure.label, figure.definition)
    if all(isinstance(t, Text) for t in texts) and (texts[0].nl == texts[1].nl or texts[0].en == texts[1].en):
        problems.append("the definition only repeats the label")
    if not isinstance(figure.unit, Unit):
        problems.append("unit is not a registry.Unit")
    name = figure.key.partition(".")[2]
    if not name or not name.replace("_", "").isalnum() or not name.islower():
        problems.append("key is not module.lowercase_name")
    return problems


def test_the_modules_register_their_figures():
    modules = {figure.module for figure in FIGURES}
    assert modules >= {"connect", "ibd", "leden", "benchmark"}
    assert {"connect.congressen_digitaal", "ibd.incidenten", "leden.veiligheidsregios"} <= set(registry.figures.keys())


@pytest.mark.parametrize("figure", FIGURES, ids=lambda figure: figure.key)
def test_every_figure_has_a_label_and_definition_in_both_languages(figure):
    assert contract_problems(figure) == []


def test_the_contract_refuses_a_figure_without_an_english_definition():
    figure = Figure(
        key="connect.voorbeeld",
        label=Text("Voorbeeld", "Example"),
        definition=Text("Wat geteld wordt.", ""),
        unit=Unit.AANTAL,
        years=lambda: [],
        compute=lambda year: 1,
    )
    assert contract_problems(figure) == ["definition is not given in both Dutch and English"]


@pytest.mark.django_db
def test_on_an_empty_database_every_figure_answers_no_data():
    from meent.leden.models import Gemeente, Organisation, Succession, Veiligheidsregio

    # The registry's reference data is loaded into every test database; this test's transaction removes it.
    Organisation.objects.all().delete()
    Succession.objects.all().delete()
    Gemeente.objects.all().delete()
    Veiligheidsregio.objects.all().delete()
    answers = {}
    with registry.computing():
        for figure in FIGURES:
            for year in (2019, 2020, THIS_YEAR):
                value = figure.value(year)
                answers[figure.key, year] = (value.has_data, value.number, value.rows, str(value))
    assert {key: a for key, a in answers.items() if a != (False, None, None, "geen gegevens")} == {}


@pytest.mark.django_db
def test_on_the_demo_years_every_figure_computes_and_gives_the_known_values():
    from meent.connect import demo as connect_demo
    from meent.core.demo import load_accounts
    from meent.realisatie.ibd import demo as ibd_demo

    load_accounts()
    connect_demo.load_demo()
    ibd_demo.load_demo()
    values = {}
    with registry.computing():
        for figure in FIGURES:
            for year in (2019, 2020, 2021):
                values[figure.key, year] = figure.value(year)
    number = {key: value.number for key, value in values.items()}
    assert number["connect.congressen", 2020] == 107 and number["connect.congressen_digitaal", 2020] == 99
    assert number["connect.webinars", 2020] == 40 and number["connect.trainingsdagen", 2020] == 230
    assert [row.value for row in values["connect.top_congressen", 2020].rows][1:] == [2300, 1194, 800, 321]
    assert number["ibd.incidenten", 2020] == 175 and number["ibd.inzet_responsnetwerk", 2020] == 1
    assert number["leden.veiligheidsregios", 2020] == 25
    assert number["leden.gemeenten", 2020] == 355 and number["leden.gemeenten", 2021] == 352
    assert number["leden.herindelingen", 2021] > 0
    # A demo year without IBD records has no IBD data, not zero incidents.
    assert not values["ibd.incidenten", 2019].has_data
    # Within a year with data, every figure answers: a number, or the rows of a list figure.
    with_data = [key for key, value in values.items() if key[1] == 2020 and key[0].startswith(("connect.", "ibd."))]
    assert all(values[key].has_data for key in with_data), [key for key in with_data if not values[key].has_data]
