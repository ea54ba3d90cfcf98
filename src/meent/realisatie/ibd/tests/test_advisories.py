import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from meent.core import registry
from meent.leden.models import Gemeente
from meent.realisatie.ibd import figures, selectors, services
from meent.realisatie.ibd.models import TLP, Status
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def publish(people, **overrides):
    data = {
        "by": people["analyst"],
        "title": "Kritieke kwetsbaarheid in mailserver",
        "body": "Installeer de beveiligingsupdate.",
        "severity": "kritiek",
        "affected_products": "Mailserver 2019\nMailserver 2016",
    }
    data.update(overrides)
    return services.publish_advisory(**data)


def test_advisories_reach_all_gemeenten_or_a_limited_group(people):
    everyone = publish(people, tlp=TLP.GREEN)
    limited = publish(people, tlp=TLP.AMBER, audience=[Gemeente.objects.get(code="GM0344")])
    assert (everyone.number, limited.number)[1].endswith("-002")
    assert set(selectors.advisories(people["utrecht_staff"])) == {everyone, limited}
    assert set(selectors.advisories(people["amsterdam"])) == {everyone}
    assert not selectors.advisories(people["connect"]).exists()
    assert set(selectors.advisories(people["analyst"])) == {everyone, limited}
    with pytest.raises(ValidationError):
        publish(people, tlp=TLP.RED)
    with pytest.raises(ValidationError):
        publish(people, tlp=TLP.GREEN, audience=[Gemeente.objects.get(code="GM0344")])


def test_gemeenten_acknowledge_and_the_ibd_sees_who_has_not(client, login, people):
    utrecht, amsterdam = Gemeente.objects.get(code="GM0344"), Gemeente.objects.get(code="GM0363")
    advisory = publish(people, tlp=TLP.AMBER, audience=[utrecht, amsterdam])
    login(people["utrecht_iso"])
    page = client.get(f"/ibd/adviezen/{advisory.number}/")
    assert "Ontvangst bevestigen" in page.text and "Nog niet bevestigd" not in page.text
    assert client.post(f"/ibd/adviezen/{advisory.number}/bevestigen/").status_code == 302
    client.post(f"/ibd/adviezen/{advisory.number}/bevestigen/")  # twice counts once
    assert "heeft dit advies bevestigd" in client.get(f"/ibd/adviezen/{advisory.number}/").text
    login(people["amsterdam"])  # not a security officer: may read, not confirm
    assert client.post(f"/ibd/adviezen/{advisory.number}/bevestigen/").status_code == 403
    assert list(selectors.not_acknowledged(advisory)) == [amsterdam]
    login(people["analyst"])
    page = client.get(f"/ibd/adviezen/{advisory.number}/")
    assert "Bevestigd door 1 van 2 gemeenten" in page.text and "Amsterdam" in page.text


def test_publishing_through_the_page(client, login, people):
    login(people["analyst"])
    response = client.post(
        "/ibd/adviezen/nieuw/",
        {"title": "Update", "body": "Doen", "severity": "hoog", "affected_products": "Product", "tlp": "AMBER"},
    )
    assert response.status_code == 400 and "Kies bij TLP:AMBER" in response.text
    response = client.post(
        "/ibd/adviezen/nieuw/",
        {"title": "Update", "body": "Doen", "severity": "hoog", "affected_products": "Product", "tlp": "GREEN"},
    )
    assert response.status_code == 302
    login(people["amsterdam"])
    assert "Update" in client.get("/ibd/adviezen/").text


def test_figures_for_the_annual_report(client, login, people):
    def at(*args):
        return datetime.datetime(*args, tzinfo=AMS)

    analyst = people["analyst"]
    first = make_incident(people["utrecht_iso"], reported_at=at(2020, 3, 2, 9), request_type="hulpvraag")
    second = make_incident(
        people["amsterdam_iso"], reported_at=at(2020, 3, 3, 9), request_type="melding", category="datalek"
    )
    make_incident(people["amsterdam_iso"], reported_at=at(2020, 12, 7, 9), category="ransomware")
    make_incident(people["amsterdam_iso"], reported_at=at(2021, 1, 5, 9))
    services.transition(first, by=analyst, to=Status.IN_BEHANDELING, at=at(2020, 3, 2, 11))  # 2 business hours
    services.transition(first, by=analyst, to=Status.AFGESLOTEN, summary="Klaar", at=at(2020, 3, 3, 9))
    services.transition(second, by=analyst, to=Status.IN_BEHANDELING, at=at(2020, 3, 3, 13))  # 4 business hours
    services.activate_network(second, by=analyst, reason="Versleuteld", at=at(2020, 3, 3, 14))
    publish(people, tlp=TLP.GREEN, published_at=at(2020, 5, 1, 10))
    result = registry.figures.values("ibd", 2020)
    assert result["incidenten"].number == 3
    assert {row.label: row.value for row in result["per_soort_vraag"].rows}["Melding zonder vraag"] == 1
    assert {row.label: row.value for row in result["per_categorie"].rows}["Ransomware"] == 1
    by_month = {row.label: row.value for row in result["per_maand"].rows}
    assert by_month["3"] == 2 and by_month["12"] == 1
    assert result["inzet_responsnetwerk"].number == 1 and result["adviezen"].number == 1
    assert result["mediaan_eerste_reactie"].number == 3
    assert result["mediaan_afsluiten"].number == Decimal("8.5")
    # The December incident was never answered: it breached its first-response target.
    assert figures.breaches_per_month(2020)[11][1] == 1
    assert figures.years() == [2020, 2021]
    login(people["bestuur"])
    page = client.get("/ibd/cijfers/?jaar=2020")
    assert page.status_code == 200 and "Melding zonder vraag" in page.text
    assert first.title not in page.text


def test_a_red_advisory_reaches_only_its_named_recipients(client, login, people):
    utrecht = Gemeente.objects.get(code="GM0344")
    with pytest.raises(ValidationError):
        publish(people, tlp=TLP.RED, audience=[utrecht])  # no named recipients
    with pytest.raises(ValidationError):
        publish(people, tlp=TLP.RED, audience=[utrecht], recipients=[people["amsterdam_iso"]])
    with pytest.raises(ValidationError):
        publish(people, tlp=TLP.AMBER, audience=[utrecht], recipients=[people["utrecht_iso"]])
    red = publish(people, tlp=TLP.RED, audience=[utrecht], recipients=[people["utrecht_iso"]])
    assert selectors.advisory_visible_to(people["utrecht_iso"], red)
    assert selectors.advisory_visible_to(people["analyst"], red)
    for other in ("utrecht_iso2", "utrecht_staff", "amsterdam_iso", "bestuur"):
        assert not selectors.advisory_visible_to(people[other], red), other
    login(people["utrecht_iso2"])
    assert client.get(f"/ibd/adviezen/{red.number}/").status_code == 404
    assert red.number not in client.get("/ibd/adviezen/").text
