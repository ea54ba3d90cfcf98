"""Traceable figures: a count figure's ``records`` list exactly what it counts, as far as the reader may see it. On
the demo, for a reader who may see everything, the list is as long as the number; for others it is shorter, never
longer."""

import pytest
from django_scopes import scopes_disabled

from meent.core import registry

pytestmark = pytest.mark.django_db

YEARS = (2020, 2021)


@pytest.fixture
def demo(make_account):
    from meent.connect import demo as connect_demo
    from meent.core.demo import load_accounts
    from meent.leden.models import Account
    from meent.realisatie.ibd import demo as ibd_demo

    with scopes_disabled():
        load_accounts()
        connect_demo.load_demo()
        ibd_demo.load_demo()
        return {name: Account.objects.get(username=name) for name in ("connect", "ibd", "amsterdam", "bestuur")}


def counted_and_listed(user, module: str) -> dict:
    result = {}
    with registry.computing():
        for figure in registry.figures.of_module(module):
            if figure.records is None:
                continue
            for year in YEARS:
                value = figure.value(year)
                if value.has_data:
                    result[figure.key, year] = (value.number, len(figure.records(year, user)))
    return result


def test_for_a_reader_who_sees_all_every_count_equals_its_list_and_others_see_less(demo):
    # Connect staff see every event and trainee; the registry is open data; the IBD analyst sees every demo
    # incident (the demo names the analyst on its TLP:RED ones). The benchmark's figures: its own tests, on its demo.
    readers = {"connect": demo["connect"], "leden": demo["connect"], "ibd": demo["ibd"]}
    with scopes_disabled():
        pairs = {}
        for module, user in readers.items():
            pairs.update(counted_and_listed(user, module))
    assert {key for key, _ in pairs} >= {
        "connect.congressen_digitaal",
        "connect.opdrachten",
        "ibd.incidenten",
        "ibd.inzet_responsnetwerk",
        "leden.gemeenten",
        "leden.herindelingen",
    }
    assert pairs[("connect.congressen_digitaal", 2020)] == (99, 99)
    assert pairs[("ibd.incidenten", 2020)] == (175, 175)
    assert {key: pair for key, pair in pairs.items() if pair[0] != pair[1]} == {}

    # Other readers get only what they may see (in the same test: the demo loads once).
    from meent.realisatie.ibd import selectors

    with scopes_disabled():
        amsterdam = counted_and_listed(demo["amsterdam"], "ibd")
        board = counted_and_listed(demo["bestuur"], "ibd")
        trainees = counted_and_listed(demo["amsterdam"], "connect")[("connect.opdrachten", 2020)]
        visible = selectors.visible_incidents(demo["amsterdam"]).filter(year=2020).count()
    number, listed = amsterdam[("ibd.incidenten", 2020)]
    assert listed == visible < number
    assert all(listed <= number for number, listed in {**amsterdam, **board}.values())
    assert trainees[1] == 0 < trainees[0]  # trainees' assignments only for Connect staff
