"""Attendance, evaluation invitations, grades and the Dutch average."""

import pytest

from meent.connect import selectors, services
from meent.connect.models import Registration
from meent.connect.tests.factories import EventFactory, PastEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def seated(event, *emails):
    return [RegistrationFactory(event=event, email=email) for email in emails]


def test_attendance_import_marks_listed_registrants():
    event = PastEventFactory()
    seated(event, "a@voorbeeld.nl", "b@voorbeeld.nl", "c@voorbeeld.nl")
    count = services.import_attendance(event, "\ufeffNaam;E-mailadres\nA;A@voorbeeld.nl\nB;b@voorbeeld.nl\n")
    assert count == 2
    statuses = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert statuses == {"a@voorbeeld.nl": "aanwezig", "b@voorbeeld.nl": "aanwezig", "c@voorbeeld.nl": "aangemeld"}


def test_attendance_import_is_all_or_nothing_with_line_numbers():
    event = PastEventFactory()
    seated(event, "a@voorbeeld.nl")
    RegistrationFactory(event=event, email="w@voorbeeld.nl", status="wachtlijst")
    text = "e-mailadres,naam\na@voorbeeld.nl,A\nonbekend@voorbeeld.nl,B\ngeen-adres,C\n,D\nw@voorbeeld.nl,E\n"
    with pytest.raises(services.ImportRefused) as refused:
        services.import_attendance(event, text)
    assert refused.value.errors == [
        "Regel 3: onbekend@voorbeeld.nl is niet aangemeld voor dit evenement.",
        "Regel 4: 'geen-adres' is geen geldig e-mailadres.",
        "Regel 5: het e-mailadres is leeg.",
        "Regel 6: w@voorbeeld.nl staat op de wachtlijst en had geen plaats.",
    ]
    assert not Registration.objects.filter(event=event, status="aanwezig").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "leeg"), ("naam,organisatie\nA,B\n", "kolom 'e-mailadres' ontbreekt"), ("email\n", "geen deelnemers")],
)
def test_attendance_import_refuses_unusable_files(text, message):
    with pytest.raises(services.ImportRefused, match=message):
        services.import_attendance(PastEventFactory(), text)


def test_attendance_import_page_shows_the_errors(client, make_account, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meent.core.roles import Role

    login(make_account(Role.CONNECT))
    event = PastEventFactory()
    upload = SimpleUploadedFile("aanwezig.csv", b"e-mailadres\nnietaangemeld@voorbeeld.nl\n", content_type="text/csv")
    response = client.post(f"/evenementen/{event.pk}/aanwezigheid/", {"file": upload})
    assert "Regel 2: nietaangemeld@voorbeeld.nl is niet aangemeld" in response.text


def test_invitations_go_to_attendees_once(mailoutbox, django_capture_on_commit_callbacks):
    event = PastEventFactory()
    present, _absent = seated(event, "a@voorbeeld.nl", "b@voorbeeld.nl")
    services.set_attendance(present, attended=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_evaluations(event)
    assert [m.to for m in mailoutbox] == [["a@voorbeeld.nl"]]
    assert f"/aanmelding/{present.token}/evaluatie/" in mailoutbox[0].body
    with pytest.raises(services.ChangeRefused):
        services.invite_evaluations(event)


def test_without_attendance_everyone_with_a_seat_is_invited(mailoutbox, django_capture_on_commit_callbacks):
    event = PastEventFactory()
    seated(event, "a@voorbeeld.nl", "b@voorbeeld.nl")
    RegistrationFactory(event=event, email="w@voorbeeld.nl", status="wachtlijst")
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_evaluations(event)
    assert sorted(m.to[0] for m in mailoutbox) == ["a@voorbeeld.nl", "b@voorbeeld.nl"]


def test_no_invitations_before_the_event_ends():
    with pytest.raises(services.ChangeRefused):
        services.invite_evaluations(EventFactory())


def test_grades_are_1_to_10_and_one_evaluation_per_registration():
    event = PastEventFactory()
    (registration,) = seated(event, "a@voorbeeld.nl")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.submit_evaluation(registration, overall=11, content=5, speakers=5, organisation=5)
    services.submit_evaluation(registration, overall=8, content=7, speakers=9, organisation=6)
    with pytest.raises(services.ChangeRefused):
        services.submit_evaluation(registration, overall=8, content=7, speakers=9, organisation=6)


def test_waiting_list_and_future_events_cannot_be_evaluated():
    waiting = RegistrationFactory(event=PastEventFactory(), status="wachtlijst")
    assert not services.can_evaluate(waiting)
    (future,) = seated(EventFactory(), "a@voorbeeld.nl")
    assert not services.can_evaluate(future)


def test_results_average_per_aspect():
    event = PastEventFactory()
    for registration, grades in zip(
        seated(event, "a@voorbeeld.nl", "b@voorbeeld.nl", "c@voorbeeld.nl"),
        [(7, 8, 6, 8), (8, 8, 7, 8), (8, 7, 7, 8)],
        strict=True,
    ):
        overall, content, speakers, organisation = grades
        services.submit_evaluation(
            registration, overall=overall, content=content, speakers=speakers, organisation=organisation
        )
    results = selectors.results(event)
    assert results.responses == 3
    assert str(results.overall) == "7.67" and str(results.organisation) == "8.00"
    assert dict(results.distribution)[8] == 2


def test_due_invitations_go_out_once_for_recently_ended_events(mailoutbox, django_capture_on_commit_callbacks):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from meent.connect.tests.factories import in_days

    recent = PastEventFactory()
    seated(recent, "a@voorbeeld.nl")
    long_ago = EventFactory(starts_at=in_days(-60), ends_at=in_days(-60, 17))
    seated(long_ago, "b@voorbeeld.nl")
    cancelled = PastEventFactory(status="geannuleerd")
    seated(cancelled, "c@voorbeeld.nl")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("connect_evaluaties", stdout=io.StringIO())
    assert [m.to for m in mailoutbox] == [["a@voorbeeld.nl"]]
    assert services.invite_due_evaluations(now=timezone.now() + datetime.timedelta(hours=1)) == 0


def test_invitations_can_go_out_once_after_the_event_unless_it_was_cancelled():
    upcoming, past, cancelled = EventFactory(), PastEventFactory(), PastEventFactory(status="geannuleerd")
    assert not services.can_invite_evaluations(upcoming)
    assert not services.can_invite_evaluations(cancelled)
    assert services.can_invite_evaluations(past)
    services.invite_evaluations(past)
    past.refresh_from_db()
    assert not services.can_invite_evaluations(past)
    for event in (upcoming, cancelled, past):
        with pytest.raises(services.ChangeRefused):
            services.invite_evaluations(event)
