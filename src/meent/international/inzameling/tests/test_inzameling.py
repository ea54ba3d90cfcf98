import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from meent.core import registry
from meent.core.refusals import ConflictRefused, Refused
from meent.core.roles import Role
from meent.international.inzameling import selectors, services

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def organiser(make_account):
    return make_account(Role.INTERNATIONAL, username="intl")


@pytest.fixture
def campaign(organiser):
    return services.create_campaign(
        by=organiser,
        title="Myanmar",
        purpose="Steun",
        beneficiaries="Lokale collega's, zonder namen",
        target="1000",
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2021, 3, 31),
    )


def at(day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2021, 3, day, hour, tzinfo=AMS)


def test_only_confirmed_gifts_count_towards_the_total(campaign, organiser, make_account):
    giver = make_account(Role.CONNECT)
    first = services.pledge(campaign, by=giver, amount="100.50", message="Sterkte", at=at(2))
    services.pledge(campaign, by=giver, amount="20", anonymous=True, at=at(3))
    assert selectors.progress(campaign).raised == Decimal("0")
    services.confirm(first, by=organiser)
    progress = selectors.progress(campaign)
    assert (progress.raised, progress.gifts, progress.pledged) == (Decimal("100.50"), 1, Decimal("120.50"))
    assert progress.percentage == 10
    with pytest.raises(ConflictRefused):
        services.confirm(first, by=organiser)


def test_the_campaign_closes_after_its_end_date_in_amsterdam(campaign, organiser):
    services.pledge(campaign, by=organiser, amount="5", at=at(31, 23))
    with pytest.raises(ConflictRefused):
        # 1 April 00:30 in Amsterdam is still 31 March in UTC: the local date decides
        services.pledge(campaign, by=organiser, amount="5", at=datetime.datetime(2021, 4, 1, 0, 30, tzinfo=AMS))
    with pytest.raises(ConflictRefused):
        services.pledge(campaign, by=organiser, amount="5", at=datetime.datetime(2021, 2, 28, 12, tzinfo=AMS))


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "1.001", "NaN", "200000"])
def test_bad_amounts_are_refused(campaign, organiser, amount):
    with pytest.raises(Refused):
        services.pledge(campaign, by=organiser, amount=amount, at=at(2))


def test_a_gemeente_account_does_not_give(campaign, make_account):
    with pytest.raises(Refused):
        services.pledge(campaign, by=make_account(Role.GEMEENTE, gemeente="GM0363"), amount="5", at=at(2))


def test_an_anonymous_gift_shows_no_name_and_a_named_one_the_name(campaign, organiser):
    organiser.first_name, organiser.last_name = "Ingrid", "Internationaal"
    anonymous = services.pledge(campaign, by=organiser, amount="5", anonymous=True, display_name="Ingrid", at=at(2))
    named = services.pledge(campaign, by=organiser, amount="5", at=at(2))
    assert anonymous.display_name == "" and anonymous.public_name == "Anoniem"
    assert named.public_name == "Ingrid Internationaal"


def test_figures_raised_and_gifts(campaign, organiser):
    services.confirm(services.pledge(campaign, by=organiser, amount="40", at=at(2)), by=organiser)
    services.confirm(services.pledge(campaign, by=organiser, amount="2.50", at=at(3)), by=organiser)
    services.pledge(campaign, by=organiser, amount="99", at=at(4))  # not received
    values = registry.figures.values("inzameling", 2021)
    assert values["opgehaald"].number == Decimal("42.50") and values["giften"].number == 2
    assert not registry.figures.values("inzameling", 2020)["giften"].has_data
    assert len(registry.figures["inzameling.giften"].records(2021, organiser)) == 2


def test_the_public_page_and_api_show_progress_but_not_who_gave_what(client, campaign, organiser):
    pledge = services.pledge(campaign, by=organiser, amount="77", message="Moed", at=at(2))
    services.confirm(pledge, by=organiser)
    page = client.get(f"/inzameling/{campaign.pk}/")
    assert page.status_code == 200 and "Moed" in page.text and "€ 77,00 opgehaald" in page.text
    assert "geven/" not in page.text  # no pledge form for visitors
    data = client.get(f"/api/v1/inzamelingen/{campaign.pk}").json()
    assert data["opgehaald"] == "77.00" and data["giften"] == 1 and "toezeggingen" not in data


def test_giving_through_the_page(client, login, campaign, make_account, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2021, 3, 10))
    monkeypatch.setattr(timezone, "now", lambda: at(10))
    login(make_account(Role.NALEVING))
    response = client.post(f"/inzameling/{campaign.pk}/geven/", {"amount": "abc"})
    assert response.status_code == 400 and "Controleer" in response.text
    response = client.post(f"/inzameling/{campaign.pk}/geven/", {"amount": "15", "anonymous": "on"})
    assert response.status_code == 302 and campaign.pledges.get().anonymous


def test_the_demo_is_idempotent_and_gives_the_figures():
    from meent.core.demo import load_accounts
    from meent.international.inzameling import demo

    load_accounts()
    demo.load_demo()
    demo.load_demo()
    values = registry.figures.values("inzameling", 2021)
    assert values["opgehaald"].number == Decimal("1250") and values["giften"].number == 7
