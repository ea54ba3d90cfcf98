"""/api/v1/evenementen: the catalogue, registering and cancelling, and evaluations for organisers."""

import pytest

from meent.connect import services
from meent.connect.models import Evaluation, Registration
from meent.connect.tests.factories import DigitalEventFactory, EventFactory, PastEventFactory, SessionFactory
from meent.core.roles import Role

pytestmark = pytest.mark.django_db


def post_registration(client, event, *, key: str | None = None, **body):
    body = {"naam": "Anna de Boer", "email": "anna@voorbeeld.nl", **body}
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    return client.post(f"/api/v1/evenementen/{event.pk}/aanmeldingen", body, content_type="application/json", **headers)


@pytest.fixture
def organiser_key(make_account, api_key) -> str:
    return api_key(make_account(Role.CONNECT))


def test_list_filters_and_detail_hide_the_stream_link(client):
    EventFactory(title="Dag van de Stad")
    webinar = DigitalEventFactory(title="Webinar Cyber", kind="webinar", stream_url="https://stream.example/geheim")
    body = client.get("/api/v1/evenementen?vorm=digitaal").json()
    assert [e["titel"] for e in body["results"]] == ["Webinar Cyber"]
    assert client.get("/api/v1/evenementen?zoek=stad").json()["count"] == 1
    detail = client.get(f"/api/v1/evenementen/{webinar.pk}")
    assert detail.json()["soort"] == "webinar" and detail.json()["aanmeldenMogelijk"] is True
    assert "geheim" not in detail.text


@pytest.mark.parametrize("method", ["get", "delete"])
def test_an_id_too_long_for_any_event_is_not_found(client, method):
    response = getattr(client, method)("/api/v1/evenementen/29184537602282934880675299328/aanmeldingen/T")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_bad_filter_is_a_problem(client):
    response = client.get("/api/v1/evenementen?vorm=per-post")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "vorm"


def test_an_organiser_registers_201_aangemeld_then_wachtlijst(client, organiser_key):
    event = EventFactory(capacity=1)
    first = post_registration(client, event, key=organiser_key)
    assert first.status_code == 201 and first.json()["status"] == "aangemeld"
    second = post_registration(client, event, key=organiser_key, email="bert@voorbeeld.nl")
    assert second.status_code == 201 and second.json()["status"] == "wachtlijst"
    assert client.get(f"/api/v1/evenementen/{event.pk}").json()["vrijePlaatsen"] == 0


def test_register_409_when_closed_or_cancelled_and_for_an_organiser_when_already_registered(client, organiser_key):
    past = PastEventFactory()
    response = post_registration(client, past)
    assert response.status_code == 409 and response["Content-Type"] == "application/problem+json"
    assert "gesloten" in response.json()["detail"]
    cancelled = EventFactory()
    services.cancel_event(cancelled, reason="corona")
    assert post_registration(client, cancelled).status_code == 409
    event = EventFactory()
    post_registration(client, event)
    again = post_registration(client, event, key=organiser_key, email="ANNA@voorbeeld.nl")
    assert again.status_code == 409 and "al aangemeld" in again.json()["detail"]


def test_anyone_else_gets_the_same_answer_whether_or_not_the_address_is_registered(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        new = post_registration(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        again = post_registration(client, event, naam="Iemand anders", email="ANNA@voorbeeld.nl")
    assert new.status_code == again.status_code == 202
    assert new.json() == again.json() and new.json()["status"] == "ontvangen"
    assert "anna@voorbeeld.nl" in new.json()["bericht"] and "token" not in new.text
    registration = Registration.objects.get(event=event)
    assert registration.name == "Anna de Boer"
    first_mail, reminder = mailoutbox
    assert first_mail.to == reminder.to == ["anna@voorbeeld.nl"]
    assert f"/aanmelding/{registration.token}/" in first_mail.body and "U bent al aangemeld" in reminder.subject
    assert f"/aanmelding/{registration.token}/" in reminder.body


def test_register_for_several_sessions_gives_the_organiser_the_status_per_session(client, organiser_key):
    event = EventFactory(capacity=5)
    full = SessionFactory(event=event, title="Vol", capacity=1, starts_at=event.starts_at)
    free = SessionFactory(event=event, title="Vrij", capacity=5, starts_at=None)
    services.register(event=event, name="Eerste", email="eerste@voorbeeld.nl", sessions=[full])
    response = post_registration(client, event, key=organiser_key, sessies=[free.pk, full.pk])
    assert response.status_code == 201 and response.json()["status"] == "aangemeld"
    sessions = {s["titel"]: s["status"] for s in response.json()["sessies"]}
    assert sessions == {"Vol": "wachtlijst", "Vrij": "aangemeld"}


def test_register_400_for_overlapping_sessions(client):
    event = EventFactory(capacity=5)
    a = SessionFactory(event=event, starts_at=event.starts_at)
    b = SessionFactory(event=event, starts_at=event.starts_at)
    response = post_registration(client, event, sessies=[a.pk, b.pk])
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert "tegelijk" in response.json()["invalid_params"][0]["reason"]


def test_register_400_for_bad_body_or_a_foreign_session(client):
    event = EventFactory()
    response = post_registration(client, event, email="geen-adres")
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "email"
    other_session = SessionFactory()
    response = post_registration(client, event, sessies=[other_session.pk])
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "sessies"
    response = post_registration(client, event, sessies="één")
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "sessies"
    assert (
        client.post("/api/v1/evenementen/999999/aanmeldingen", {}, content_type="application/json").status_code == 404
    )


def test_delete_with_the_token_cancels_and_promotes(client):
    event = EventFactory(capacity=1)
    post_registration(client, event)
    post_registration(client, event, email="bert@voorbeeld.nl")
    token, waiting = Registration.objects.filter(event=event).order_by("pk").values_list("token", flat=True)
    assert client.get(f"/api/v1/evenementen/{event.pk}/aanmeldingen/{token}").json()["status"] == "aangemeld"
    assert client.delete(f"/api/v1/evenementen/{event.pk}/aanmeldingen/{token}").status_code == 204
    assert Registration.objects.get(token=waiting).status == "aangemeld"
    assert client.delete(f"/api/v1/evenementen/{event.pk}/aanmeldingen/verkeerd").status_code == 404


def test_registrations_and_evaluations_are_for_organisers_only(client, make_account, api_key):
    event = PastEventFactory()
    registration = Registration.objects.create(event=event, name="A", email="a@voorbeeld.nl", status="aanwezig")
    Evaluation.objects.create(registration=registration, overall=8, content=7, speakers=9, organisation=8)
    assert client.get(f"/api/v1/evenementen/{event.pk}/evaluaties").status_code == 401
    gemeente = api_key(make_account(Role.GEMEENTE, gemeente="GM0363"))
    response = client.get(f"/api/v1/evenementen/{event.pk}/evaluaties", HTTP_AUTHORIZATION=f"Token {gemeente}")
    assert response.status_code == 403
    staff = api_key(make_account(Role.CONNECT))
    body = client.get(f"/api/v1/evenementen/{event.pk}/evaluaties", HTTP_AUTHORIZATION=f"Token {staff}").json()
    assert body["results"][0]["algemeen"] == 8
    rows = client.get(f"/api/v1/evenementen/{event.pk}/aanmeldingen", HTTP_AUTHORIZATION=f"Token {staff}").json()
    assert rows["results"][0]["naam"] == "A" and "token" not in rows["results"][0]
