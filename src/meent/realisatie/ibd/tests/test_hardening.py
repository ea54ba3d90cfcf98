"""Findings of the security test (issue 11) and the rules moved out of the views (issue 13.6)."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meent.leden.models import Gemeente
from meent.realisatie.ibd import exports, selectors, services
from meent.realisatie.ibd.models import TLP, CorrelationExclusion, Incident, Observable, Status
from meent.realisatie.ibd.tests.factories import ExpertFactory, make_incident

pytestmark = pytest.mark.django_db


def _reads(account, model: str) -> set[str]:
    return set(
        LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=account, content_type__model=model).values_list(
            "object_pk", flat=True
        )
    )


# F7: confidential reads are audited


def test_reads_of_observables_attachments_and_confidential_advisories_are_audited(client, login, people):
    analyst = people["analyst"]
    incident = make_incident(people["utrecht_iso"])
    observable, _new = services.add_observable(incident, type="ip", value="203.0.113.5", by=analyst, tlp=TLP.AMBER)
    upload = SimpleUploadedFile("log.txt", b"regel", content_type="text/plain")
    attachment = services.add_attachment(incident, upload=upload, by=analyst, tlp=TLP.AMBER)
    advisory = services.publish_advisory(
        by=analyst,
        title="Rood advies",
        body="x",
        severity="hoog",
        affected_products="x",
        tlp=TLP.RED,
        audience=[Gemeente.objects.get(code="GM0344")],
        recipients=[people["utrecht_iso"]],
    )
    login(analyst)
    client.get(f"/ibd/incidenten/{incident.number}/")
    assert _reads(analyst, "observable") == {str(observable.pk)}
    assert _reads(analyst, "attachment") == {str(attachment.pk)}
    login(people["utrecht_iso2"])
    client.get(f"/api/v1/incidenten/{incident.number}/observables")
    assert _reads(people["utrecht_iso2"], "observable") == {str(observable.pk)}
    login(people["utrecht_iso"])
    assert client.get(f"/ibd/adviezen/{advisory.number}/").status_code == 200
    assert _reads(people["utrecht_iso"], "advisory") == {str(advisory.pk)}


# F9: markings are validated


def test_a_bogus_marking_is_refused_everywhere(client, login, people):
    analyst = people["analyst"]
    incident = make_incident(people["utrecht_iso"], description="Verkeer vanaf 198.51.100.77")
    with pytest.raises(ValidationError):
        services.add_observable(incident, type="ip", value="198.51.100.77", by=analyst, tlp="BOGUS")
    with pytest.raises(ValidationError):
        services.add_entry(incident, author=analyst, text="x", tlp="BOGUS")
    login(analyst)
    url = f"/ibd/incidenten/{incident.number}/observables/"
    assert ("ip", "198.51.100.77") in selectors.suggestions(analyst, incident)
    client.post(url, {"accepteer": "ip|198.51.100.77", "tlp": "BOGUS"})
    assert not Observable.unscoped.filter(incident=incident).exists()
    client.post(url, {"accepteer": "ip|198.51.100.77", "tlp": "GREEN"})
    assert Observable.unscoped.get(incident=incident).tlp == "GREEN"


# F12: a double submission reports one incident


def test_a_double_submitted_report_makes_one_incident(client, login, people):
    login(people["utrecht_iso"])
    data = {
        "title": "Dubbel verstuurd",
        "description": "Twee keer op Versturen geklikt",
        "detected_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "category": "phishing",
        "request_type": "hulpvraag",
        "impact": "beperkt",
        "tlp": "AMBER",
        "pap": "AMBER",
    }
    key = client.get("/ibd/incidenten/melden/").context["form"]["submission_key"].value()
    first = client.post("/ibd/incidenten/melden/", {**data, "submission_key": key})
    second = client.post("/ibd/incidenten/melden/", {**data, "submission_key": key})
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Incident.unscoped.filter(title="Dubbel verstuurd").count() == 1
    client.post("/ibd/incidenten/melden/", {**data, "submission_key": "een-andere-sleutel"})
    assert Incident.unscoped.filter(title="Dubbel verstuurd").count() == 2


def test_an_api_report_with_the_same_idempotency_key_makes_one_incident(client, login, people):
    login(people["utrecht_iso"])
    body = {
        "titel": "Via de API",
        "omschrijving": "Eén keer",
        "ontdektOp": (timezone.now() - datetime.timedelta(hours=1)).isoformat(),
        "categorie": "ddos",
        "soortVraag": "ondersteuningsvraag",
        "impact": "ernstig",
    }
    headers = {"HTTP_IDEMPOTENCY_KEY": "melding-42"}
    first = client.post("/api/v1/incidenten", body, content_type="application/json", **headers)
    second = client.post("/api/v1/incidenten", body, content_type="application/json", **headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["nummer"] == second.json()["nummer"]
    assert Incident.unscoped.filter(title="Via de API").count() == 1
    # Another reporter's key never returns this incident.
    login(people["utrecht_iso2"])
    third = client.post("/api/v1/incidenten", body, content_type="application/json", **headers)
    assert third.json()["nummer"] != first.json()["nummer"]


def test_the_incident_page_shows_observables_a_page_at_a_time(client, login, people):
    analyst = people["analyst"]
    incident = make_incident(people["utrecht_iso"])
    services.add_observables(
        incident, [("ip", f"198.51.{i // 250}.{i % 250}") for i in range(120)], by=analyst, tlp="AMBER", source="x"
    )
    login(analyst)
    page = client.get(f"/ibd/incidenten/{incident.number}/")
    assert len(page.context["observables"]) == 50 and "Pagina 1 van 3 (120 observables)" in page.text
    last = client.get(f"/ibd/incidenten/{incident.number}/?observables=3")
    assert len(last.context["observables"]) == 20


# F8: bad input gives a field error or a 404, never a 500


@pytest.mark.parametrize("value", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_year_one_in_incident_and_timeline_forms(client, login, people, value):
    login(people["utrecht_iso"])
    response = client.post(
        "/ibd/incidenten/melden/",
        {"title": "x", "description": "x", "detected_at": value, "category": "phishing", "request_type": "hulpvraag",
         "impact": "beperkt", "tlp": "AMBER", "pap": "AMBER"},
    )  # fmt: skip
    assert response.status_code == 400 and "Vul een tijdstip na 1990 in." in response.text
    incident = make_incident(people["utrecht_iso"])
    response = client.post(
        f"/ibd/incidenten/{incident.number}/tijdlijn/",
        {"kind": "notitie", "text": "x", "tlp": "AMBER", "pap": "AMBER", "occurred_at": value},
    )
    assert response.status_code == 400 and not incident.timeline.filter(text="x").exists()
    response = client.post(
        f"/api/v1/incidenten/{incident.number}/tijdlijn",
        {"soort": "notitie", "tekst": "x", "tijdstip": value + ":00Z"},
        content_type="application/json",
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "document",
    [
        {"Event": {"Attribute": "x"}},
        {"Event": {"Attribute": [1]}},
        {"Event": {"Object": [1]}},
        {"Event": {"Attribute": [{"type": "ip-dst", "value": {"a": 1}}]}},
        {"type": "bundle", "objects": [{"type": "file", "hashes": [1]}]},
        {"type": "bundle", "objects": [{"type": "url", "value": 5}]},
        {"type": "bundle", "objects": "x"},
    ],
)
def test_malformed_imports_are_refused(document):
    with pytest.raises(ValidationError):
        exports.parse_import(json.dumps(document).encode())


def test_deeply_nested_import_is_refused():
    with pytest.raises(ValidationError):
        exports.parse_import(b"[" * 100_000 + b"]" * 100_000)


@pytest.mark.parametrize("year", ["-1", "0", "99999", "1"])
def test_figures_of_an_impossible_year_fall_back_to_the_latest_year(client, login, people, year):
    login(people["bestuur"])
    response = client.get("/ibd/cijfers/", {"jaar": year})
    assert response.status_code == 200
    years = response.context["years"]
    assert response.context["year"] == (years[-1] if years else timezone.localdate().year)


def test_a_superscript_id_is_not_found(client, login, people):
    ExpertFactory()
    login(people["analyst"])
    assert client.post("/ibd/responsnetwerk/experts/", {"expert": "²", "beschikbaar": "ja"}).status_code == 404
    incident = make_incident(people["utrecht_iso"])
    services.activate_network(incident, by=people["analyst"], reason="Ransomware")
    url = f"/ibd/incidenten/{incident.number}/responsnetwerk/"
    assert client.post(url, {"deployment": "²", "hours": "2"}).status_code == 404


# 13.6: rules in the services


def test_a_closed_incident_takes_no_entries_in_the_service(people):
    incident = make_incident(people["utrecht_iso"])
    services.transition(incident, by=people["analyst"], to=Status.IN_BEHANDELING)
    services.transition(incident, by=people["analyst"], to=Status.AFGESLOTEN, summary="Klaar")
    with pytest.raises(ValidationError) as error:
        services.add_entry(incident, author=people["analyst"], text="Nog iets")
    assert error.value.code == services.CLOSED


def test_the_api_answers_a_closed_incident_with_a_translated_problem(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    services.transition(incident, by=people["analyst"], to=Status.IN_BEHANDELING)
    services.transition(incident, by=people["analyst"], to=Status.AFGESLOTEN, summary="Klaar")
    login(people["utrecht_iso"])
    url = f"/api/v1/incidenten/{incident.number}/tijdlijn"
    response = client.post(url, {"soort": "notitie", "tekst": "x"}, content_type="application/json")
    assert response.status_code == 409 and response["Content-Type"].startswith("application/problem+json")
    assert "afgesloten" in response.json()["detail"]
    response = client.post(
        url, {"soort": "notitie", "tekst": "x"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "closed" in response.json()["detail"]


def test_only_offered_suggestions_are_accepted(people):
    analyst = people["analyst"]
    incident = make_incident(people["utrecht_iso"], description="Van 198.51.100.80")
    assert selectors.offered_suggestions(analyst, incident, ["ip|198.51.100.80", "ip|192.0.2.99", "rommel"]) == [
        ("ip", "198.51.100.80")
    ]


def test_a_report_with_a_bad_attachment_stores_nothing(people):
    upload = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError) as error:
        make_incident(people["utrecht_iso"], title="Met bijlage", attachment=upload)
    assert "attachment" in error.value.error_dict
    assert not Incident.unscoped.filter(title="Met bijlage").exists()


def test_deleting_an_exclusion_is_a_service(people):
    exclusion = services.add_exclusion(type="domain", value="gmail.com")
    assert services.delete_exclusion(exclusion.pk) and not services.delete_exclusion(exclusion.pk)
    assert not CorrelationExclusion.objects.exists()
