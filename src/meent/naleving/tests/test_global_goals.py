"""Global Goals gemeenten: counted per year in that year's division; a merged gemeente's membership carries to
its successor with the original date; the list and the API are public."""

import datetime

import pytest

from meent.core.refusals import Refused
from meent.core.roles import Role
from meent.leden.models import Gemeente
from meent.naleving import demo, globalgoals
from meent.naleving.models import GlobalGoalsMember
from meent.naleving.tests.factories import GlobalGoalsMemberFactory

pytestmark = pytest.mark.django_db


def _g(code: str) -> Gemeente:
    return Gemeente.objects.get(code=code)


def test_a_merger_carries_the_membership_to_the_successor_from_the_earliest_date():
    # Appingedam and Delfzijl merged (with Loppersum) into Eemsdelta on 1 January 2021.
    GlobalGoalsMemberFactory(gemeente=_g("GM0010"), joined=datetime.date(2019, 6, 1))
    GlobalGoalsMemberFactory(gemeente=_g("GM0003"), joined=datetime.date(2018, 3, 1))
    GlobalGoalsMemberFactory(gemeente=_g("GM0363"), joined=datetime.date(2020, 2, 1))
    assert [(m.gemeente.code, m.joined) for m in globalgoals.members(2020)] == [
        ("GM0363", datetime.date(2020, 2, 1)),
        ("GM0003", datetime.date(2018, 3, 1)),
        ("GM0010", datetime.date(2019, 6, 1)),
    ]
    members_2021 = {m.gemeente.code: m for m in globalgoals.members(2021)}
    eemsdelta = members_2021.pop("GM1979")
    assert set(members_2021) == {"GM0363"}
    assert eemsdelta.joined == datetime.date(2018, 3, 1)
    assert sorted(g.code for g in eemsdelta.via) == ["GM0003", "GM0010"]


def test_count_per_year_and_no_data_before_the_first():
    GlobalGoalsMemberFactory(gemeente=_g("GM0363"), joined=datetime.date(2018, 5, 1))
    GlobalGoalsMemberFactory(gemeente=_g("GM0344"), joined=datetime.date(2020, 12, 31))
    assert globalgoals.count(2017) is None
    assert (globalgoals.count(2018), globalgoals.count(2019), globalgoals.count(2020)) == (1, 1, 2)
    assert globalgoals.per_year()[:3] == [(2018, 1), (2019, 1), (2020, 2)]


def test_join_refuses_a_second_membership_and_a_future_date():
    amsterdam = _g("GM0363")
    globalgoals.join(amsterdam, datetime.date(2019, 1, 1), by=None)
    with pytest.raises(Refused, match="al Global Goals"):
        globalgoals.join(amsterdam, datetime.date(2020, 1, 1), by=None)
    with pytest.raises(Refused, match="toekomst"):
        globalgoals.join(_g("GM0344"), datetime.date.today() + datetime.timedelta(days=1), by=None)
    with pytest.raises(Refused, match="bestond"):
        globalgoals.join(_g("GM0003"), datetime.date(2021, 6, 1), by=None)
    assert GlobalGoalsMember.objects.count() == 1


def test_the_list_and_the_api_are_public(client):
    GlobalGoalsMemberFactory(gemeente=_g("GM0003"), joined=datetime.date(2018, 3, 1))
    page = client.get("/naleving/global-goals-gemeenten/?jaar=2021")
    assert page.status_code == 200 and "Eemsdelta" in page.content.decode() and "Appingedam" in page.content.decode()
    assert "Gemeente aanmelden" not in page.content.decode()
    data = client.get("/api/v1/global-goals-gemeenten?jaar=2021").json()
    assert data["aantal"] == 1 and data["gemeenten"][0] == {
        "gemeente": "GM1979",
        "naam": "Eemsdelta",
        "lidSinds": "2018-03-01",
        "via": ["GM0003"],
    }
    assert data["perJaar"][:3] == [
        {"jaar": 2018, "aantal": 1},
        {"jaar": 2019, "aantal": 1},
        {"jaar": 2020, "aantal": 1},
    ]
    bad = client.get("/api/v1/global-goals-gemeenten?jaar=twintig")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")
    assert client.get("/naleving/global-goals-gemeenten/?jaar=x").status_code == 200


def test_staff_record_a_member_through_the_form(client, make_account, login):
    login(make_account(Role.NALEVING))
    response = client.post(
        "/naleving/global-goals-gemeenten/aanmelden/", {"gemeente": "GM0344", "joined": "2019-09-25"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?jaar=2019")
    again = client.post("/naleving/global-goals-gemeenten/aanmelden/", {"gemeente": "GM0344", "joined": "2020-01-01"})
    assert again.status_code == 200 and "al Global Goals" in again.content.decode()
    assert GlobalGoalsMember.objects.get().joined == datetime.date(2019, 9, 25)


def test_demo_has_100_members_at_the_end_of_2020_from_its_records():
    from meent.core import registry

    demo.load_global_goals()
    demo.load_global_goals()
    assert GlobalGoalsMember.objects.count() == 100
    assert GlobalGoalsMember.objects.filter(joined__year__lt=2017).count() == 0
    with registry.computing():
        value = registry.figures.values("naleving", 2020)["global_goals_gemeenten"]
    assert value.number == 100
    assert globalgoals.count(2021) == 99  # Appingedam and Delfzijl became Eemsdelta
