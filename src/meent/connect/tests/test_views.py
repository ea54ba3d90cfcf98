"""The pages participants and organisers use."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from openpyxl import load_workbook

from meent.connect import services
from meent.connect.models import Event, Registration
from meent.connect.tests.factories import DigitalEventFactory, EventFactory, SessionFactory, in_days
from meent.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, make_account, login):
    login(make_account(Role.CONNECT))
    return client


def test_catalogue_searches_and_filters(client):
    EventFactory(title="Dag van de Stad", format=Event.Format.FYSIEK)
    DigitalEventFactory(title="Webinar Cyber", kind=Event.Kind.WEBINAR)
    response = client.get("/evenementen/?q=cyber")
    assert [e.title for e in response.context["object_list"]] == ["Webinar Cyber"]
    response = client.get("/evenementen/?vorm=fysiek")
    assert [e.title for e in response.context["object_list"]] == ["Dag van de Stad"]
    assert "Geen evenementen gevonden" in client.get("/evenementen/?q=bestaatniet").text


def test_catalogue_counts_participants_from_the_seat_counters_without_reading_registrations(client):
    past = EventFactory(title="Voorbij congres", starts_at=in_days(-10), capacity=3)
    for n in range(3):
        services.register(event=EventFactory(capacity=3, title=f"Komend {n}"), name="A", email=f"a{n}@voorbeeld.nl")
    Event.objects.filter(pk=past.pk).update(seats_taken=2)  # what two registrations (aangemeld, aanwezig) left
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/evenementen/?periode=alle")  # the past event too
    assert not [q["sql"] for q in queries if "connect_registration" in q["sql"]]
    assert "2 deelnemers" in response.text and "nog 2 vrij" in response.text


def test_catalogue_is_paginated(client):
    for n in range(25):
        EventFactory(title=f"Webinar {n:02}")
    response = client.get("/evenementen/")
    assert response.context["paginator"].count == 25 and len(response.context["object_list"]) == 20
    assert len(client.get("/evenementen/?page=2").context["object_list"]) == 5


def test_register_for_several_sessions_and_get_the_personal_page_by_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5)
    start = event.starts_at
    floor = SessionFactory(event=event, title="Digitale beursvloer", capacity=None, starts_at=None)
    youth = SessionFactory(event=event, title="Workshop Jeugd", capacity=1, starts_at=start)
    care = SessionFactory(event=event, title="Workshop Zorg", capacity=3, starts_at=start + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):  # the confirmation mail leaves after commit
        response = client.post(
            f"/evenementen/{event.pk}/aanmelden/",
            {"name": "Anna de Boer", "email": "anna@voorbeeld.nl", "sessions": [floor.pk, youth.pk, care.pk]},
            follow=True,
        )
    registration = Registration.objects.get(email="anna@voorbeeld.nl")
    assert registration.status == "aangemeld"
    assert set(registration.sessions.all()) == {floor, youth, care}
    assert response.redirect_chain[-1][0] == f"/evenementen/{event.pk}/"  # the personal link goes by mail
    assert f"/aanmelding/{registration.token}/" in mailoutbox[0].body and "Uw sessies:" in mailoutbox[0].body
    personal = client.get(f"/aanmelding/{registration.token}/").text
    assert "Workshop Jeugd" in personal and "Workshop Zorg" in personal
    form = client.get(f"/evenementen/{event.pk}/aanmelden/").text
    assert "<fieldset" in form and "<legend" in form and 'type="checkbox"' in form
    assert "vol, u komt op de wachtlijst van deze sessie" in form


def test_a_full_session_waitlists_only_that_choice(client, mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    youth = SessionFactory(event=event, title="Workshop Jeugd", capacity=1, starts_at=event.starts_at)
    services.register(event=event, name="Eerste", email="eerste@voorbeeld.nl", sessions=[youth])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/evenementen/{event.pk}/aanmelden/",
            {"name": "Bert", "email": "bert@voorbeeld.nl", "sessions": [youth.pk]},
            follow=True,
        )
    registration = Registration.objects.get(email="bert@voorbeeld.nl")
    assert registration.status == "aangemeld"
    assert registration.session_choices.get().status == "wachtlijst"
    assert "Workshop Jeugd: op de wachtlijst van deze sessie" in mailoutbox[-1].body  # the page says: see the mail
    assert "mail gestuurd" in response.text


def test_overlapping_sessions_are_refused_in_dutch(client):
    event = EventFactory(capacity=5)
    a = SessionFactory(event=event, title="Workshop A", starts_at=event.starts_at)
    b = SessionFactory(event=event, title="Workshop B", starts_at=event.starts_at)
    response = client.post(
        f"/evenementen/{event.pk}/aanmelden/",
        {"name": "Anna", "email": "anna@voorbeeld.nl", "sessions": [a.pk, b.pk]},
    )
    assert response.status_code == 200
    assert "vinden tegelijk plaats; kies er één van" in response.text
    assert not Registration.objects.exists()


def test_the_registrant_drops_one_session_and_keeps_the_event_seat(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5)
    youth = SessionFactory(event=event, title="Workshop Jeugd", capacity=1)
    first = services.register(event=event, name="Eerste", email="eerste@voorbeeld.nl", sessions=[youth])
    second = services.register(event=event, name="Tweede", email="tweede@voorbeeld.nl", sessions=[youth])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/aanmelding/{first.token}/sessies/{youth.pk}/afmelden/", follow=True)
    assert "U bent afgemeld voor de sessie Workshop Jeugd" in response.text
    first.refresh_from_db()
    assert first.status == "aangemeld" and first.session_choices.get().status == "geannuleerd"
    assert second.session_choices.get().status == "aangemeld"
    assert [m.to for m in mailoutbox] == [["tweede@voorbeeld.nl"]]
    assert "Workshop Jeugd" in mailoutbox[0].subject


def test_registration_form_errors_are_in_dutch(client):
    event = EventFactory()
    response = client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": "", "email": "geen-adres"})
    assert response.status_code == 200
    assert "Controleer de volgende velden" in response.text


def test_stream_link_only_for_confirmed_registrants_on_their_personal_page(client):
    event = DigitalEventFactory(stream_url="https://stream.example/geheim")
    assert "stream.example/geheim" not in client.get(f"/evenementen/{event.pk}/").text
    registration = services.register(event=event, name="B", email="b@voorbeeld.nl")
    page = f"/aanmelding/{registration.token}/"
    assert "stream.example/geheim" not in client.get(page).text
    client.post(f"/bevestigen/{registration.confirm_token}/")
    assert "stream.example/geheim" in client.get(page).text
    assert client.get("/aanmelding/onbekend/").status_code == 404


def test_cancel_through_the_personal_link_promotes_the_waiting_list(client):
    event = EventFactory(capacity=1)
    first = services.register(event=event, name="A", email="a@voorbeeld.nl")
    second = services.register(event=event, name="B", email="b@voorbeeld.nl")
    assert "nummer 1 op de wachtlijst" in client.get(f"/aanmelding/{second.token}/").text
    client.post(f"/aanmelding/{first.token}/afmelden/")
    assert Registration.objects.get(pk=second.pk).status == "aangemeld"


def test_organiser_creates_an_event(organiser):
    response = organiser.post(
        "/evenementen/nieuw/",
        {
            "title": "Voor de Jeugd Dag",
            "kind": "congres",
            "format": "digitaal",
            "starts_at": "2030-10-01T09:00",
            "ends_at": "2030-10-01T17:00",
            "stream_url": "https://stream.example/jeugd",
            "capacity": "2300",
        },
    )
    event = Event.objects.get(title="Voor de Jeugd Dag")
    assert response.status_code == 302 and event.capacity == 2300


def test_event_form_needs_a_stream_link_for_digital(organiser):
    response = organiser.post(
        "/evenementen/nieuw/",
        {
            "title": "X",
            "kind": "webinar",
            "format": "digitaal",
            "starts_at": "2030-10-01T09:00",
            "ends_at": "2030-10-01T10:00",
            "capacity": "10",
        },
    )
    assert "heeft een streamlink nodig" in response.text
    assert not Event.objects.filter(title="X").exists()


def test_reschedule_and_convert_through_the_pages(organiser, mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):  # the confirmation mail leaves after commit
        services.register(event=event, name="A", email="a@voorbeeld.nl")
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(
            f"/evenementen/{event.pk}/verplaatsen/",
            {"starts_at": "2031-03-01T10:00", "ends_at": "2031-03-01T16:00", "reason": "corona"},
        )
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(
            f"/evenementen/{event.pk}/vorm/",
            {"new_format": "digitaal", "stream_url": "https://stream.example/y", "reason": "corona"},
        )
    event.refresh_from_db()
    assert event.starts_at.year == 2031 and event.format == "digitaal"
    page = organiser.get(f"/evenementen/{event.pk}/").text
    assert "Verplaatst" in page and "Vorm gewijzigd" in page
    assert organiser.get(f"/evenementen/{event.pk}/mails/").context["paginator"].count == 3


def test_cancelling_needs_the_confirmation_step(organiser):
    event = EventFactory()
    response = organiser.post(f"/evenementen/{event.pk}/annuleren/", {"reason": "corona"})
    assert response.status_code == 200 and not Event.objects.get(pk=event.pk).is_cancelled
    organiser.post(f"/evenementen/{event.pk}/annuleren/", {"reason": "corona", "confirm": "on"})
    assert Event.objects.get(pk=event.pk).is_cancelled
    assert "Dit evenement is geannuleerd" in organiser.get(f"/evenementen/{event.pk}/").text


def test_participant_exports_csv_and_xlsx(organiser):
    event = EventFactory()
    services.register(event=event, name="Anna de Boer", email="anna@voorbeeld.nl", organisation_name="Gemeente X")
    csv_text = organiser.get(f"/evenementen/{event.pk}/deelnemers/?formaat=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("Anna de Boer;anna@voorbeeld.nl;Gemeente X")
    response = organiser.get(f"/evenementen/{event.pk}/deelnemers/?formaat=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Anna de Boer" and sheet["E2"].value == "Aangemeld"


def test_icalendar_file_per_event(client):
    event = EventFactory(title="Juridische 2-daagse")
    body = client.get(f"/evenementen/{event.pk}/agenda.ics").content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:Juridische 2-daagse" in body and "STATUS:CONFIRMED" in body
    services.cancel_event(event, reason="corona")
    assert "STATUS:CANCELLED" in client.get(f"/evenementen/{event.pk}/agenda.ics").content.decode()


def test_icalendar_file_lists_the_sessions_under_the_event(client):
    event = EventFactory(title="Juridische 2-daagse")
    start = event.starts_at
    SessionFactory(
        event=event, title="Subsessie Omgevingsrecht", starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    SessionFactory(event=event, title="Subsessie Privacy", starts_at=start + datetime.timedelta(hours=2))
    SessionFactory(event=event, title="Digitale beursvloer", starts_at=None)
    calendar = Calendar.from_ical(client.get(f"/evenementen/{event.pk}/agenda.ics").content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {
        "Juridische 2-daagse",
        "Subsessie Omgevingsrecht (Juridische 2-daagse)",
        "Subsessie Privacy (Juridische 2-daagse)",
    }
    privacy = entries["Subsessie Privacy (Juridische 2-daagse)"]
    assert privacy.decoded("dtstart") == start + datetime.timedelta(hours=2)
    assert privacy.decoded("dtend") == start + datetime.timedelta(hours=3)
    assert str(privacy["related-to"]) == str(entries["Juridische 2-daagse"]["uid"])


def test_check_in_marks_attendance_on_screen(organiser):
    event = EventFactory()
    registration = services.register(event=event, name="A", email="a@voorbeeld.nl")
    page = organiser.get(f"/evenementen/{event.pk}/presentielijst/")
    assert "Handtekening" in page.text and "A" in page.text
    organiser.post(f"/evenementen/{event.pk}/presentielijst/", {"registration": registration.pk, "attended": "1"})
    assert Registration.objects.get(pk=registration.pk).status == "aanwezig"
    assert organiser.post(f"/evenementen/{event.pk}/presentielijst/", {"registration": "x"}).status_code == 302
    assert organiser.post(f"/evenementen/{event.pk}/presentielijst/", {"registration": "999999"}).status_code == 404


def test_organiser_pages_of_a_missing_event_are_404(organiser):
    assert organiser.get("/evenementen/999999/deelnemers/").status_code == 404


def test_evaluation_through_the_personal_link_and_results_in_dutch(client, organiser):
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2, 17))
    for n, grade in enumerate((7, 8, 8)):
        registration = Registration.objects.create(
            event=event, name=f"P{n}", email=f"p{n}@voorbeeld.nl", status="aanwezig"
        )
        client.post(
            f"/aanmelding/{registration.token}/evaluatie/",
            {"overall": grade, "content": 8, "speakers": 7, "organisation": 9, "comment": "Goed geregeld" if n else ""},
        )
    response = organiser.get(f"/evenementen/{event.pk}/evaluaties/")
    assert response.context["results"].responses == 3
    assert "7,7" in response.text and "Goed geregeld" in response.text


def test_signed_in_registrants_find_their_registrations(client, make_account, login):
    account = make_account(gemeente="GM0363")
    login(account)
    event = EventFactory(title="Congres voor ingelogden")
    client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": "Anna", "email": "anna@voorbeeld.nl"})
    assert Registration.objects.get(email="anna@voorbeeld.nl").account == account
    assert "Congres voor ingelogden" in client.get("/evenementen/mijn-aanmeldingen/").text
    with_sessions = EventFactory(title="Congres met sessies")
    first = SessionFactory(event=with_sessions, title="Workshop Wonen", capacity=1, starts_at=with_sessions.starts_at)
    services.register(event=with_sessions, name="Voorganger", email="voor@voorbeeld.nl", sessions=[first])
    floor = SessionFactory(event=with_sessions, title="Beursvloer", capacity=None, starts_at=None)
    client.post(
        f"/evenementen/{with_sessions.pk}/aanmelden/",
        {"name": "Anna", "email": "anna@voorbeeld.nl", "sessions": [first.pk, floor.pk]},
    )
    mine = client.get("/evenementen/mijn-aanmeldingen/").text
    assert "Beursvloer" in mine and "Workshop Wonen (wachtlijst)" in mine
    other = make_account(gemeente="GM0344")
    login(other)
    assert "Congres voor ingelogden" not in client.get("/evenementen/mijn-aanmeldingen/").text


def test_a_session_with_its_end_before_its_start_is_refused_in_dutch(client, make_account, login):
    login(make_account(Role.CONNECT))
    event = EventFactory(starts_at=in_days(30, hour=10))
    url = f"/evenementen/{event.pk}/sessies/nieuw/"
    day = event.starts_at.strftime("%Y-%m-%d")
    response = client.post(
        url, {"title": "Workshop", "starts_at": f"{day}T14:00", "ends_at": f"{day}T13:00", "capacity": "20"}
    )
    assert response.status_code == 200 and "Het einde ligt niet na het begin." in response.text
    response = client.post(
        url, {"title": "Workshop", "starts_at": f"{day}T13:00", "ends_at": f"{day}T14:00", "capacity": "20"}
    )
    assert response.status_code == 302
    assert event.sessions.get().ends_at.hour - event.sessions.get().starts_at.hour == 1
