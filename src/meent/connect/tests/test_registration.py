"""Registering, the waiting list and cancelling: the rules a participant notices."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meent.connect import services
from meent.connect.models import Event, Registration, SentMail
from meent.connect.services import registrations
from meent.connect.tests.factories import EventFactory, PastEventFactory, SessionFactory

pytestmark = pytest.mark.django_db


def register(event, n, **kwargs):
    return services.register(event=event, name=f"Deelnemer {n}", email=f"d{n}@voorbeeld.nl", **kwargs)


def test_registrations_beyond_capacity_go_to_the_waiting_list():
    event = EventFactory(capacity=2)
    statuses = [register(event, n).status for n in range(4)]
    assert statuses == ["aangemeld", "aangemeld", "wachtlijst", "wachtlijst"]
    event.refresh_from_db()
    assert event.seats_taken == 2 and event.seats_left == 0


def test_registration_mails_the_confirmation_link_after_commit(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, 1)
        assert mailoutbox == []  # queued for after the commit, outside the seat statements' row lock
    assert len(mailoutbox) == 1
    assert f"/bevestigen/{registration.confirm_token}/" in mailoutbox[0].body
    assert f"/aanmelding/{registration.token}/" in mailoutbox[0].body
    assert mailoutbox[0].to == ["d1@voorbeeld.nl"]
    assert SentMail.objects.get(registration=registration).kind == "aanmelding"


def test_a_rolled_back_registration_or_cancellation_mails_nobody(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    seated = register(event, 1)
    register(event, 2)  # on the waiting list: a cancelled seat would promote and mail them
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        register(event, 3)
        services.cancel_registration(seated.token)
        raise RuntimeError("the surrounding change fails")
    assert callbacks == [] and mailoutbox == []
    assert list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True)) == [
        "aangemeld",
        "wachtlijst",
    ]


def test_double_opt_in_confirms_the_address():
    registration = register(EventFactory(), 1)
    assert not registration.is_confirmed
    assert services.confirm_registration(registration.confirm_token).is_confirmed


def test_the_same_address_cannot_register_twice_but_may_again_after_cancelling():
    event = EventFactory()
    first = register(event, 1)
    with pytest.raises(services.AlreadyRegistered):
        services.register(event=event, name="Nog eens", email="D1@Voorbeeld.nl ")
    services.cancel_registration(first.token)
    assert register(event, 1).status == "aangemeld"


def test_cancelling_promotes_the_first_in_line_and_tells_them(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    seated = register(event, 1)
    first_waiting = register(event, 2)
    second_waiting = register(event, 3)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(seated.token)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == "aangemeld" and first_waiting.promoted_at is not None
    assert second_waiting.status == "wachtlijst"
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["d2@voorbeeld.nl"].startswith("Er is een plaats voor u")
    assert subjects["d1@voorbeeld.nl"].startswith("Afmelding ontvangen")
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_cancelling_from_the_waiting_list_frees_no_seat():
    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    services.cancel_registration(waiting.token)
    event.refresh_from_db()
    assert event.seats_taken == 1
    assert services.cancel_registration(waiting.token).status == "geannuleerd"  # twice is harmless


def test_a_full_session_waitlists_that_choice_but_keeps_the_event_seat():
    event = EventFactory(capacity=10)
    workshop = SessionFactory(event=event, capacity=1)
    other = SessionFactory(event=event, capacity=5, starts_at=event.starts_at + datetime.timedelta(hours=2))
    in_workshop = register(event, 1, sessions=[workshop])
    waiting_for_workshop = register(event, 2, sessions=[workshop, other])
    assert waiting_for_workshop.status == "aangemeld"
    statuses = dict(waiting_for_workshop.session_choices.values_list("session_id", "status"))
    assert statuses == {workshop.pk: "wachtlijst", other.pk: "aangemeld"}
    services.cancel_registration(in_workshop.token)
    assert waiting_for_workshop.session_choices.get(session=workshop).status == "aangemeld"
    workshop.refresh_from_db()
    other.refresh_from_db()
    assert (workshop.seats_taken, other.seats_taken) == (1, 1)


def test_dropping_one_session_promotes_that_sessions_waiting_list_only(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)
    workshop = SessionFactory(event=event, capacity=1)
    seated = register(event, 1, sessions=[workshop])
    waiting = register(event, 2, sessions=[workshop])
    with django_capture_on_commit_callbacks(execute=True):
        choice = services.cancel_session_choice(seated.token, workshop)
    assert choice.status == "geannuleerd"
    seated.refresh_from_db()
    assert seated.status == "aangemeld"  # the event seat is kept
    assert waiting.session_choices.get().status == "aangemeld"
    assert Event.objects.get(pk=event.pk).seats_taken == 2
    assert [m.to for m in mailoutbox] == [["d2@voorbeeld.nl"]]
    assert services.cancel_session_choice(seated.token, workshop).status == "geannuleerd"  # twice is harmless


def test_session_choices_of_a_waitlisted_registration_wait_until_it_gets_an_event_seat(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    workshop = SessionFactory(event=event, capacity=5)
    seated = register(event, 1)
    waiting = register(event, 2, sessions=[workshop])
    assert waiting.status == "wachtlijst" and waiting.session_choices.get().status == "wachtlijst"
    workshop.refresh_from_db()
    assert workshop.seats_taken == 0  # no session place without an event seat
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(seated.token)
    waiting.refresh_from_db()
    assert waiting.status == "aangemeld" and waiting.session_choices.get().status == "aangemeld"
    told = [m for m in mailoutbox if m.to == ["d2@voorbeeld.nl"]]
    assert [m.subject for m in told] == [f"Er is een plaats voor u: {event.title}"]  # one mail, not one per session
    assert f"- {workshop.title}: aangemeld" in told[0].body


def test_overlapping_sessions_cannot_both_be_chosen():
    event = EventFactory(capacity=10)
    start = event.starts_at
    a = SessionFactory(event=event, title="A", starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    b = SessionFactory(event=event, title="B", starts_at=start + datetime.timedelta(hours=1))
    c = SessionFactory(event=event, title="C", starts_at=start + datetime.timedelta(hours=2))
    floor = SessionFactory(event=event, title="Beursvloer", starts_at=None, capacity=None)
    with pytest.raises(services.RegistrationRefused, match="tegelijk plaats"):
        register(event, 1, sessions=[a, b])
    assert register(event, 1, sessions=[a, c, floor]).session_choices.count() == 3  # back to back is fine


def test_cancelling_the_registration_frees_every_session_place():
    event = EventFactory(capacity=10)
    a = SessionFactory(event=event, capacity=1)
    b = SessionFactory(event=event, capacity=1, starts_at=event.starts_at + datetime.timedelta(hours=3))
    first = register(event, 1, sessions=[a, b])
    second = register(event, 2, sessions=[b])
    services.cancel_registration(first.token)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.seats_taken, b.seats_taken) == (0, 1)
    assert set(first.session_choices.values_list("status", flat=True)) == {"geannuleerd"}
    assert second.session_choices.get().status == "aangemeld"


def test_a_session_of_another_event_is_refused():
    session = SessionFactory()
    with pytest.raises(services.RegistrationRefused, match="hoort niet bij"):
        register(EventFactory(), 1, sessions=[session])


def test_registration_is_closed_outside_the_window_and_for_cancelled_events():
    with pytest.raises(services.RegistrationClosed):
        register(PastEventFactory(), 1)
    later = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(services.RegistrationClosed):
        register(later, 1)
    cancelled = EventFactory()
    services.cancel_event(cancelled, reason="corona")
    with pytest.raises(services.RegistrationClosed, match="geannuleerd"):
        register(cancelled, 1)


def test_raising_capacity_lets_the_waiting_list_in_and_lowering_below_taken_is_refused():
    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    with pytest.raises(services.ChangeRefused):
        services.update_event(event, capacity=0)
    services.update_event(event, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == "aangemeld"


def test_the_database_refuses_an_overbooked_counter():
    from django.db import IntegrityError, transaction

    event = EventFactory(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(seats_taken=2)


def test_cancelling_after_the_event_is_refused():
    event = EventFactory()
    registration = register(event, 1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=2), ends_at=timezone.now() - datetime.timedelta(days=1)
    )
    with pytest.raises(services.ChangeRefused):
        services.cancel_registration(registration.token)
    assert Registration.objects.get(pk=registration.pk).status == "aangemeld"


def test_a_stale_copy_of_the_event_cannot_take_a_seat_that_is_gone():
    event = EventFactory(capacity=1)
    stale = Event.objects.get(pk=event.pk)
    register(event, 1)
    assert stale.seats_taken == 0  # this copy still believes there is room
    assert registrations._take_event_seat(stale) is False
    assert Event.objects.get(pk=event.pk).seats_taken == 1


def test_a_stale_copy_of_a_session_cannot_take_a_place_that_is_gone():
    session = SessionFactory(capacity=1)
    stale = type(session).objects.get(pk=session.pk)
    register(session.event, 1, sessions=[session])
    assert registrations._take_session_seat(stale) is False
    session.refresh_from_db()
    assert session.seats_taken == 1


def test_unconfirmed_registrations_expire_and_their_seat_goes_to_the_waiting_list(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    unconfirmed = register(event, 1)
    waiting = register(event, 2)
    services.confirm_registration(waiting.confirm_token)
    Registration.objects.filter(pk=unconfirmed.pk).update(created_at=timezone.now() - datetime.timedelta(days=4))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_unconfirmed() == 1
    assert Registration.objects.get(pk=unconfirmed.pk).status == "geannuleerd"
    assert Registration.objects.get(pk=waiting.pk).status == "aangemeld"
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects[0].startswith("Aanmelding vervallen") and subjects[1].startswith("Er is een plaats voor u")
    assert services.expire_unconfirmed() == 0


def test_confirmed_or_recent_registrations_do_not_expire():
    event = EventFactory()
    recent = register(event, 1)
    old_but_confirmed = register(event, 2)
    services.confirm_registration(old_but_confirmed.confirm_token)
    Registration.objects.filter(pk=old_but_confirmed.pk).update(created_at=timezone.now() - datetime.timedelta(days=9))
    assert services.expire_unconfirmed() == 0
    assert Registration.objects.get(pk=recent.pk).status == "aangemeld"


def test_a_registration_and_its_session_choices_reach_the_audit_trail_with_their_places():
    event = EventFactory(capacity=5)
    workshop = SessionFactory(event=event, capacity=1)
    floor = SessionFactory(event=event, capacity=None)
    register(event, 1, sessions=[workshop])
    with CaptureQueriesContext(connection) as queries:
        registration = register(event, 2, sessions=[workshop, floor])
    assert not [q for q in queries if "connect_evaluation" in q["sql"]]  # no reverse relation read for the diff

    def created(obj):
        return LogEntry.objects.get_for_object(obj).get(action=LogEntry.Action.CREATE)

    assert created(registration).changes["status"] == ["None", "aangemeld"]
    choices = {c.session_id: c for c in registration.session_choices.all()}
    assert created(choices[workshop.pk]).changes["status"] == ["None", "wachtlijst"]
    assert created(choices[floor.pk]).changes["status"] == ["None", "aangemeld"]
    assert created(choices[floor.pk]).object_repr == f"Deelnemer 2 — {floor.title}"
    services.cancel_registration(registration.token)
    for choice, was in ((choices[workshop.pk], "wachtlijst"), (choices[floor.pk], "aangemeld")):
        cancelled = LogEntry.objects.get_for_object(choice).get(action=LogEntry.Action.UPDATE)
        assert cancelled.changes["status"] == [was, "geannuleerd"]


def test_the_audit_entries_of_a_registration_name_who_made_it(client, make_account, login):
    account = make_account(gemeente="GM0363")
    login(account)
    event = EventFactory()
    client.post(f"/evenementen/{event.pk}/aanmelden/", {"name": "Anna", "email": "anna@voorbeeld.nl"})
    entry = LogEntry.objects.get_for_object(Registration.objects.get(email="anna@voorbeeld.nl")).get()
    assert entry.actor == account and entry.remote_addr == "127.0.0.1"


def test_a_registrant_can_cancel_until_the_event_is_over_unless_checked_in():
    event = EventFactory(capacity=1)
    seated, waiting = register(event, 1), register(event, 2)
    assert services.can_cancel(seated) and services.can_cancel(waiting)
    assert not services.can_cancel(seated, now=event.ends_at + datetime.timedelta(minutes=1))
    present = services.set_attendance(seated, attended=True)
    present.event = event
    assert not services.can_cancel(present)
    with pytest.raises(services.ChangeRefused):
        services.cancel_registration(present.token)
    cancelled = services.cancel_registration(waiting.token)
    assert not services.can_cancel(cancelled)
