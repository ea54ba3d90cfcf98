"""The keyed registries: a key registers once, items come in their order, and the menu keeps its permissions."""

import pytest

from meent.core.registry import (
    AlreadyRegistered,
    NavigationEntry,
    Panel,
    Registry,
    figures,
    gemeente_sections,
    navigation,
    panels,
)
from meent.core.roles import Role


def test_registering_a_key_twice_raises():
    registry = Registry("entry")
    registry.register(NavigationEntry("x.a", "core:home", "A", "core.view_home", order=2))
    with pytest.raises(AlreadyRegistered):
        registry.register(NavigationEntry("x.a", "core:auditlog", "B", "core.view_auditlog", order=1))


def test_items_come_in_their_order_then_by_key():
    registry = Registry("entry")
    for key, order in (("b", 1), ("c", 0), ("a", 1)):
        registry.register(NavigationEntry(key, "core:home", key, "core.view_home", order=order))
    assert registry.keys() == ["c", "a", "b"]


def test_a_figure_key_names_its_module():
    from meent.core.registry import Figure, Text, Unit

    figure = Figure("geen_module", Text("a", "a"), Text("b", "b"), Unit.AANTAL, list, lambda year: 1)
    with pytest.raises(ValueError):
        figures.register(figure)


def test_the_apps_register_themselves_by_autodiscovery():
    assert navigation.keys()[:2] == ["leden.gemeenten", "leden.organisaties"]
    assert navigation.keys()[-2:] == ["core.mijn_gemeente", "core.auditlog"]
    assert {"connect.cijfers", "ibd.cijfers", "benchmark.corona"} <= set(navigation.keys())
    foundation = ["leden.gemeente", "connect.gemeente", "ibd.gemeente", "benchmark.gemeente"]
    registered = gemeente_sections.keys()  # in their order
    assert [key for key in registered if key in foundation] == foundation
    assert isinstance(panels["connect.home"], Panel)


@pytest.mark.django_db
def test_the_menu_shows_what_the_user_may_open_and_marks_the_current_page(client, make_account, login):
    login(make_account(Role.CONNECT))
    menu = client.get("/gemeenten/").context["main_navigation"]
    links = [link for group in menu for link in group["links"]]
    assert set(menu[0]) == {"label", "current", "links"} and set(links[0]) == {"url", "label", "current"}
    assert [link["url"] for link in links if link["current"]] == ["/gemeenten/"]
    assert [str(group["label"]) for group in menu if group["current"]] == ["Register"]
    urls = [link["url"] for link in links]
    assert "/beheer/audittrail/" not in urls and urls.index("/gemeenten/") < urls.index("/evenementen/")
    # A module's links share one drop-down: Connect's four pages are one item of the menu.
    connect = next(group for group in menu if str(group["label"]) == "Connect")
    assert [link["url"] for link in connect["links"]] == [
        "/evenementen/",
        "/academie/",
        "/trainees/",
        "/connect/cijfers/",
    ]
    login(make_account(Role.BESTUUR))
    menu = client.get("/").context["main_navigation"]
    assert menu[-1]["links"] == [{"url": "/beheer/audittrail/", "label": "Audittrail", "current": False}]
    assert len(menu) < len([link for group in menu for link in group["links"]])


def test_a_value_reads_in_the_page_language_and_no_data_is_not_zero():
    from decimal import Decimal

    from django.utils import translation

    from meent.core.registry import FigureValue, Row, Unit

    with translation.override("nl"):
        assert str(FigureValue("connect.x", 2020, Unit.AANTAL, number=2300)) == "2.300"
        assert str(FigureValue("connect.x", 2020, Unit.PROCENT, number=Decimal("27.5"))) == "27,5%"
        assert str(FigureValue("connect.x", 2020, Unit.AANTAL)) == "geen gegevens"
        top = FigureValue("connect.x", 2020, Unit.AANTAL, rows=(Row("Dag van de Stad", 800), Row("Cyber", 1194)))
        assert str(top) == "Dag van de Stad, Cyber"
    with translation.override("en"):
        assert str(FigureValue("connect.x", 2020, Unit.CIJFER, number=Decimal("7.66"))) == "7.7"
        assert str(FigureValue("connect.x", 2020, Unit.AANTAL)) == "no data"
