"""Moving, converting and cancelling events: history kept, registrants told."""

import datetime

import pytest

from meent.connect import services
from meent.connect.models import EventChange, SentMail
from meent.connect.tests.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


def registered(event, count):
    return [services.register(event=event, name=f"P{n}", email=f"p{n}@voorbeeld.nl") for n in range(count)]


def test_rescheduling_keeps_old_and_new_date_and_reason_and_mails_everyone(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    registered(event, 2)  # one seated, one waiting
    old = event.starts_at
    mailoutbox.clear()
    new_start = in_days(60)
    with django_capture_on_commit_callbacks(execute=True):
        change = services.reschedule_event(
            event, starts_at=new_start, ends_at=new_start + datetime.timedelta(hours=4), reason="corona"
        )
    assert (change.old_starts_at, change.new_starts_at, change.reason) == (old, new_start, "corona")
    event.refresh_from_db()
    assert event.starts_at == new_start
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@voorbeeld.nl", "p1@voorbeeld.nl"]
    assert "corona" in mailoutbox[0].body and "verplaatst" in mailoutbox[0].body
    assert SentMail.objects.filter(event=event, kind="verplaatst").count() == 2


def test_rescheduling_to_the_same_date_or_backwards_is_refused():
    event = EventFactory()
    with pytest.raises(services.ChangeRefused):
        services.reschedule_event(event, starts_at=event.starts_at, ends_at=event.ends_at, reason="x")
    with pytest.raises(services.ChangeRefused):
        services.reschedule_event(
            event, starts_at=event.ends_at, ends_at=event.starts_at - datetime.timedelta(hours=1), reason="x"
        )


def test_converting_to_digital_keeps_registrations_and_tells_them(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    people = registered(event, 3)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.convert_event(event, new_format="digitaal", reason="corona", stream_url="https://stream.example/x")
    event.refresh_from_db()
    assert event.format == "digitaal" and event.stream_url == "https://stream.example/x"
    assert event.registrations.filter(status="aangemeld").count() == len(people)
    assert len(mailoutbox) == 3 and "digitaal" in mailoutbox[0].subject
    change = event.changes.get()
    assert (change.old_format, change.new_format) == ("fysiek", "digitaal")


def test_digital_without_a_stream_link_is_refused():
    with pytest.raises(services.ChangeRefused, match="streamlink"):
        services.convert_event(EventFactory(), new_format="digitaal", reason="corona")


def test_cancelling_offers_the_replacement_and_cannot_happen_twice(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory()
    registered(event, 2)
    replacement = EventFactory(title="Jaarcongres 2021")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(event, reason="corona", replacement=replacement)
    event.refresh_from_db()
    assert event.is_cancelled
    assert len(mailoutbox) == 2
    assert (
        "Jaarcongres 2021" in mailoutbox[0].body and f"/evenementen/{replacement.pk}/aanmelden/" in mailoutbox[0].body
    )
    with pytest.raises(services.ChangeRefused):
        services.cancel_event(event, reason="nogmaals")
    with pytest.raises(services.ChangeRefused):
        services.reschedule_event(event, starts_at=in_days(90), ends_at=in_days(90, 16), reason="x")


def test_cancelled_registrants_are_not_mailed_about_changes(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory()
    gone, stays = registered(event, 2)
    services.cancel_registration(gone.token)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_event(event, starts_at=in_days(40), ends_at=in_days(40, 16), reason="zaal niet beschikbaar")
    assert [m.to[0] for m in mailoutbox] == [stays.email]


def test_history_is_ordered_and_counts_moves():
    event = EventFactory()
    for days in (40, 50, 60):
        services.reschedule_event(event, starts_at=in_days(days), ends_at=in_days(days, 16), reason="corona")
    assert event.changes.filter(kind=EventChange.Kind.VERPLAATST).count() == 3
    moves = list(event.changes.values_list("new_starts_at", flat=True))
    assert moves == sorted(moves)
