"""Roadmaps: a gemeente records its own progress only; staff see the heat map, share per step and trend."""

import datetime

import pytest

from meent.core.refusals import Refused
from meent.core.roles import Role
from meent.leden.models import Gemeente
from meent.naleving import roadmaps
from meent.naleving.models import Progress
from meent.naleving.tests.factories import make_roadmap

pytestmark = pytest.mark.django_db


def test_a_gemeente_records_its_own_progress_only(make_account):
    roadmap = make_roadmap()
    step = roadmap.steps.get(number=1)
    amsterdam, utrecht = Gemeente.objects.get(code="GM0363"), Gemeente.objects.get(code="GM0344")
    account = make_account(Role.GEMEENTE, gemeente="GM0363")
    roadmaps.record_progress(step, amsterdam, status="bezig", by=account)
    with pytest.raises(Refused):
        roadmaps.record_progress(step, utrecht, status="gereed", by=account)
    roadmaps.record_progress(step, utrecht, status="gereed", by=make_account(Role.NALEVING))
    with pytest.raises(Refused):
        roadmaps.record_progress(step, utrecht, status="klaar", by=None)
    assert dict(Progress.unscoped.values_list("gemeente__code", "status")) == {"GM0363": "bezig", "GM0344": "gereed"}


def test_heat_map_filters_share_and_trend():
    roadmap = make_roadmap(steps=2)
    first, second = roadmap.steps.all()
    amsterdam, utrecht = Gemeente.objects.get(code="GM0363"), Gemeente.objects.get(code="GM0344")
    roadmaps.record_progress(first, amsterdam, status="gereed", by=None, date=datetime.date(2020, 2, 1))
    roadmaps.record_progress(second, amsterdam, status="gereed", by=None, date=datetime.date(2020, 5, 1))
    roadmaps.record_progress(first, utrecht, status="gereed", by=None, date=datetime.date(2020, 5, 2))
    rows = roadmaps.heat_map(roadmap, order="voortgang")
    assert len(rows) == 355 and rows[0].gemeente == amsterdam and rows[0].done == 2
    shares = roadmaps.share_per_step(roadmap, rows)
    assert [(done, total) for _step, done, total in shares] == [(2, 355), (1, 355)]
    utrecht_province = roadmaps.heat_map(roadmap, province=utrecht.province.code)
    assert utrecht in [r.gemeente for r in utrecht_province] and amsterdam not in [r.gemeente for r in utrecht_province]
    largest = roadmaps.heat_map(roadmap, size="zeergroot")
    assert amsterdam in [r.gemeente for r in largest] and all(r.size_class == "zeergroot" for r in largest)
    assert roadmaps.quarter_trend(roadmap)[:2] == [("2020 K1", 1), ("2020 K2", 3)]


def test_the_pages(client, make_account, login):
    roadmap = make_roadmap(steps=2)
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    page = client.get(f"/naleving/routekaarten/{roadmap.pk}/").content.decode()
    assert "Voortgang van uw gemeente" in page and "Heatmap" not in page
    url = f"/naleving/routekaarten/{roadmap.pk}/stappen/1/"
    assert client.post(url, {"status": "gereed", "date": "2020-06-01", "note": "Klaar"}).status_code == 302
    client.post(url, {"status": "gereed", "gemeente": "GM0344"})
    assert list(Progress.unscoped.values_list("gemeente__code", "status")) == [("GM0363", "gereed")]
    assert client.post(url, {"status": "onzin"}).status_code == 302  # a Dutch message, no crash
    client.logout()
    login(make_account(Role.NALEVING))
    staff = client.get(f"/naleving/routekaarten/{roadmap.pk}/?grootte=zeergroot&sorteer=voortgang").content.decode()
    assert "Heatmap" in staff and "2020 K2" in staff
    row = '<th class="utrecht-table__header-cell" scope="row">{}</th>'
    assert staff.index(row.format("Amsterdam")) < staff.index(row.format("Utrecht"))  # one step done before none


def test_the_360_page_shows_the_gemeentes_roadmap_progress_to_who_may_see_it(client, make_account, login):
    from meent.core.registry import gemeente_sections

    roadmap = make_roadmap(steps=2)
    first = roadmap.steps.get(number=1)
    amsterdam, utrecht = Gemeente.objects.get(code="GM0363"), Gemeente.objects.get(code="GM0344")
    roadmaps.record_progress(first, amsterdam, status="gereed", by=None, date=datetime.date(2020, 6, 1))
    roadmaps.record_progress(first, utrecht, status="bezig", by=None, date=datetime.date(2020, 7, 1))
    account = make_account(Role.GEMEENTE, gemeente="GM0363")
    login(account)
    own = client.get("/mijn-gemeente/").content.decode()
    assert "Voortgang van Amsterdam per stap" in own and "1 juni 2020" in own and "1 juli 2020" not in own
    assert f'href="/naleving/routekaarten/{roadmap.pk}/"' in own and "Niet gestart" in own  # step 2

    def section(user, gemeente) -> dict | None:
        request = type("Request", (), {"user": user})()
        found = [s for s in gemeente_sections.for_gemeente(request, gemeente) if s["title"].startswith("Naleving")]
        return found[0] if found else None

    assert section(account, utrecht) is None  # a section never widens what the page allows
    client.logout()
    login(make_account(Role.NALEVING))
    staff = client.get("/gemeenten/GM0344/360/").content.decode()
    assert "Voortgang van Utrecht per stap" in staff and "1 juli 2020" in staff and "1 juni 2020" not in staff
    ((_roadmap, steps),) = section(make_account(Role.BESTUUR), utrecht)["roadmaps"]
    assert [p.status if p else None for _step, p in steps] == ["bezig", None]  # the board too
    assert section(make_account(Role.CONNECT), utrecht) is None
    eemsdelta = Gemeente.objects.get(code="GM1979")  # from 2021: not in the roadmap's division of 2020
    assert roadmaps.progress_of(eemsdelta) == [] and len(roadmaps.progress_of(utrecht)) == 1
