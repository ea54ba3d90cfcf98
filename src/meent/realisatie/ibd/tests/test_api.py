import datetime

import pytest
from django.utils import timezone

from meent.realisatie.ibd.models import TLP, Incident, Status
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db


def payload(**overrides) -> dict:
    data = {
        "titel": "DDoS op de website",
        "omschrijving": "Verkeer vanaf 192.0.2.44",
        "ontdektOp": (timezone.now() - datetime.timedelta(hours=1)).isoformat(),
        "categorie": "ddos",
        "soortVraag": "ondersteuningsvraag",
        "impact": "ernstig",
        "tlp": "AMBER",
    }
    data.update(overrides)
    return data


def test_a_security_officer_reports_through_the_api(client, login, people):
    login(people["utrecht_iso"])
    response = client.post("/api/v1/incidenten", payload(), content_type="application/json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["nummer"].startswith("IBD-") and body["gemeente"] == "GM0344" and body["ernst"] == "hoog"
    assert client.get(f"/api/v1/incidenten/{body['nummer']}").json()["titel"] == "DDoS op de website"


@pytest.mark.parametrize("who", ["amsterdam", "analyst", "connect", "bestuur"])
def test_only_security_officers_report(client, login, people, who):
    login(people[who])
    assert client.post("/api/v1/incidenten", payload(), content_type="application/json").status_code == 403
    assert not Incident.unscoped.exists()


def test_bad_reports_get_problem_json(client, login, people):
    login(people["utrecht_iso"])
    response = client.post("/api/v1/incidenten", payload(categorie="onzin", tlp="RED"), content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in response.json()["invalid_params"]} == {"categorie"}
    response = client.post("/api/v1/incidenten", payload(tlp="RED"), content_type="application/json")
    assert response.status_code == 400 and "analist" in response.text
    response = client.post(
        "/api/v1/incidenten", payload(tlp="RED", ontvangers=["amsterdam"]), content_type="application/json"
    )
    assert response.status_code == 400 and "ontvangers" in response.text
    response = client.post(
        "/api/v1/incidenten", payload(tlp="RED", ontvangers=["analist"]), content_type="application/json"
    )
    assert response.status_code == 201
    assert client.post("/api/v1/incidenten", "{kapot", content_type="application/json").status_code == 400


def test_the_list_shows_only_what_the_caller_may_see(client, login, people):
    mine = make_incident(people["utrecht_iso"])
    make_incident(people["amsterdam_iso"], title="Amsterdams geheim")
    green = make_incident(people["amsterdam_iso"], tlp=TLP.GREEN)
    login(people["utrecht_iso"])
    body = client.get("/api/v1/incidenten").json()
    assert body["count"] == 2
    assert {i["nummer"] for i in body["results"]} == {mine.number, green.number}
    assert "Amsterdams geheim" not in str(body)
    assert client.get("/api/v1/incidenten?status=onzin").status_code == 400
    assert client.get(f"/api/v1/incidenten?status={Status.NIEUW}").json()["count"] == 2
    login(people["connect"])
    assert client.get("/api/v1/incidenten").status_code == 403


def test_timeline_entries_through_the_api(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    url = f"/api/v1/incidenten/{incident.number}/tijdlijn"
    login(people["analyst"])
    for tlp in ("AMBER", "RED"):
        response = client.post(
            url, {"soort": "contact", "tekst": f"Gebeld ({tlp})", "tlp": tlp}, content_type="application/json"
        )
        assert response.status_code == 201
    login(people["utrecht_iso2"])
    assert [e["tekst"] for e in client.get(url).json()["results"]] == ["Gebeld (AMBER)"]
    assert client.post(url, {"soort": "status", "tekst": "x"}, content_type="application/json").status_code == 400
    login(people["amsterdam_iso"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"soort": "notitie", "tekst": "x"}, content_type="application/json").status_code == 404


def test_a_closed_incident_takes_no_new_entries(client, login, people):
    from meent.realisatie.ibd import services

    incident = make_incident(people["utrecht_iso"])
    services.transition(incident, by=people["analyst"], to=Status.IN_BEHANDELING)
    services.transition(incident, by=people["analyst"], to=Status.AFGESLOTEN, summary="Klaar")
    login(people["utrecht_iso"])
    response = client.post(
        f"/api/v1/incidenten/{incident.number}/tijdlijn",
        {"soort": "notitie", "tekst": "x"},
        content_type="application/json",
    )
    assert response.status_code == 409


def test_observables_through_the_api(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    url = f"/api/v1/incidenten/{incident.number}/observables"
    login(people["utrecht_iso"])
    assert client.post(url, {"soort": "ip", "waarde": "192.0.2.1"}, content_type="application/json").status_code == 403
    login(people["analyst"])
    response = client.post(url, {"soort": "domain", "waarde": "Evil[.]Example."}, content_type="application/json")
    assert response.status_code == 201 and response.json()["waarde"] == "evil.example"
    assert client.post(url, {"soort": "ip", "waarde": "300.1.1.1"}, content_type="application/json").status_code == 400
    login(people["utrecht_iso"])
    assert [o["waarde"] for o in client.get(url).json()["results"]] == ["evil.example"]


def test_api_reads_are_audited(client, login, people):
    from auditlog.models import LogEntry

    from meent.realisatie.ibd import services

    incident = make_incident(people["utrecht_iso"])
    entry = services.add_entry(incident, author=people["analyst"], text="Contact", tlp=TLP.AMBER)
    login(people["utrecht_iso2"])
    client.get("/api/v1/incidenten")
    client.get(f"/api/v1/incidenten/{incident.number}")
    client.get(f"/api/v1/incidenten/{incident.number}/tijdlijn")
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=people["utrecht_iso2"])
    assert reads.filter(content_type__model="incident", object_pk=str(incident.pk)).count() == 2
    assert reads.filter(content_type__model="timelineentry", object_pk=str(entry.pk)).exists()
