"""A rush of registrations on PostgreSQL: parallel requests never take the same seat. A registration holds no lock
while it checks and prepares, so the tests below force the worst interleavings, each also with the protection
switched off to show that the check catches what the protection prevents."""

import datetime
import threading

import pytest
from django.db import OperationalError, connection

from meent.connect import services
from meent.connect.models import Event, Registration, SessionChoice
from meent.connect.services import registrations
from meent.connect.tests.factories import EventFactory, SessionFactory

CLIENTS = 50


def rush(event_id: int, session_ids: list[int] = ()) -> tuple[list[str], list[Exception]]:
    """Every client registers at once; odd clients name the sessions in reverse order, so lock order cannot come
    from the request."""
    barrier = threading.Barrier(CLIENTS)
    statuses: list[str] = []
    errors: list[Exception] = []

    def client(n: int) -> None:
        try:
            barrier.wait()
            chosen = list(session_ids)[:: -1 if n % 2 else 1]
            registration = services.register(
                event=event_id, name=f"Haastige {n}", email=f"haast{n}@voorbeeld.nl", sessions=chosen
            )
            statuses.append(registration.status)
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, errors


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_exceed_capacity():
    event = EventFactory(capacity=10)
    statuses, errors = rush(event.pk)
    assert not errors
    assert statuses.count("aangemeld") == 10
    assert statuses.count("wachtlijst") == CLIENTS - 10
    event.refresh_from_db()
    assert event.seats_taken == 10
    assert Registration.objects.filter(event=event, status="aangemeld").count() == 10


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_exceed_session_capacities_and_keep_their_event_seat():
    event = EventFactory(capacity=100)
    first = SessionFactory(event=event, capacity=7)
    second = SessionFactory(event=event, capacity=4, starts_at=event.starts_at + datetime.timedelta(hours=2))
    statuses, errors = rush(event.pk, [first.pk, second.pk])
    assert not errors
    assert statuses.count("aangemeld") == CLIENTS  # a full session never costs the event seat
    for session, capacity in ((first, 7), (second, 4)):
        session.refresh_from_db()
        places = SessionChoice.objects.filter(session=session)
        assert session.seats_taken == places.filter(status="aangemeld").count() == capacity
        assert places.filter(status="wachtlijst").count() == CLIENTS - capacity
    assert Event.objects.get(pk=event.pk).seats_taken == CLIENTS


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_and_registrations_keep_the_counter_exact():
    event = EventFactory(capacity=10)
    seated = [services.register(event=event.pk, name=f"Vroeg {n}", email=f"vroeg{n}@voorbeeld.nl") for n in range(10)]
    for n in range(5):
        services.register(event=event.pk, name=f"Wacht {n}", email=f"wacht{n}@voorbeeld.nl")
    barrier = threading.Barrier(20)
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            if n < 10:
                services.cancel_registration(seated[n].token)
            else:
                services.register(event=event.pk, name=f"Laat {n}", email=f"laat{n}@voorbeeld.nl")
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    event.refresh_from_db()
    holding = Registration.objects.filter(event=event, status__in=Registration.HOLDS_SEAT).count()
    assert event.seats_taken == holding == 10  # 10 freed seats, 15 candidates: the house is full again
    assert Registration.objects.filter(event=event, status="wachtlijst").count() == 5


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_session_drops_and_registrations_keep_the_session_counter_exact():
    event = EventFactory(capacity=100)
    workshop = SessionFactory(event=event, capacity=5)
    seated = [
        services.register(event=event.pk, name=f"In {n}", email=f"in{n}@voorbeeld.nl", sessions=[workshop.pk])
        for n in range(5)
    ]
    for n in range(5):
        services.register(event=event.pk, name=f"Wacht {n}", email=f"wacht{n}@voorbeeld.nl", sessions=[workshop.pk])
    barrier = threading.Barrier(10)
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            if n < 5:
                services.cancel_session_choice(seated[n].token, workshop.pk)
            else:
                services.register(
                    event=event.pk, name=f"Laat {n}", email=f"laat{n}@voorbeeld.nl", sessions=[workshop.pk]
                )
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    workshop.refresh_from_db()
    places = SessionChoice.objects.filter(session=workshop)
    assert workshop.seats_taken == places.filter(status="aangemeld").count() == 5
    # the freed places went to those already waiting; the late registrations wait in their turn
    assert set(places.filter(status="aangemeld").values_list("registration__name", flat=True)) == {
        f"Wacht {n}" for n in range(5)
    }
    assert places.filter(status="wachtlijst").count() == 5
    assert Event.objects.get(pk=event.pk).seats_taken == 15  # dropping a session never costs the event seat


def read_then_write(event: Event) -> bool:
    """What the conditional UPDATE replaces: compare the counter as read, then write it back plus one."""
    if event.seats_taken >= event.capacity:
        return False
    Event.objects.filter(pk=event.pk).update(seats_taken=event.seats_taken + 1)
    event.seats_taken += 1
    return True


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("conditional", [True, False], ids=["conditional-update", "read-then-write"])
def test_only_the_conditional_update_keeps_capacity_when_every_client_read_a_free_seat(monkeypatch, conditional):
    event = EventFactory(capacity=10)
    take = registrations._take_event_seat if conditional else read_then_write
    everyone_has_read = threading.Barrier(CLIENTS, timeout=120)

    def take_once_everyone_has_read(current: Event) -> bool:
        everyone_has_read.wait()  # every client saw 10 free seats before anyone takes one
        return take(current)

    monkeypatch.setattr(registrations, "_take_event_seat", take_once_everyone_has_read)
    statuses, errors = rush(event.pk)
    assert not errors
    accepted = Registration.objects.filter(event=event, status="aangemeld").count()
    if conditional:
        assert accepted == statuses.count("aangemeld") == Event.objects.get(pk=event.pk).seats_taken == 10
        assert statuses.count("wachtlijst") == CLIENTS - 10
    else:
        assert accepted > 10  # overbooked: the assertion above would fail


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("share_lock", [True, False], ids=["key-share-lock", "no-lock"])
def test_a_cancellation_cannot_slip_between_a_refused_seat_and_the_waiting_list(monkeypatch, share_lock):
    """The event is full; a late registration is refused the seat and is about to join the waiting list, when the
    only seated registrant cancels. Without the registration's KEY SHARE lock the cancellation frees the seat,
    finds nobody waiting, and the late registrant then waits for a seat that is free."""
    event = EventFactory(capacity=1)
    seated = services.register(event=event.pk, name="Vroeg", email="vroeg@voorbeeld.nl")
    if not share_lock:
        monkeypatch.setattr(registrations, "_event_for_registration", lambda pk: Event.objects.get(pk=pk))
    refused, cancellation_tried = threading.Event(), threading.Event()
    take = registrations._take_event_seat

    def take_then_let_the_cancellation_try(current: Event) -> bool:
        got = take(current)
        refused.set()
        cancellation_tried.wait(timeout=120)
        return got

    monkeypatch.setattr(registrations, "_take_event_seat", take_then_let_the_cancellation_try)
    outcome: dict[str, str] = {}

    def late() -> None:
        try:
            outcome["late"] = services.register(event=event.pk, name="Laat", email="laat@voorbeeld.nl").status
        finally:
            connection.close()

    def cancel() -> None:
        try:
            refused.wait(timeout=120)
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '1ms'")  # a lock that is free is taken at once
            services.cancel_registration(seated.token)
            outcome["cancel"] = "done"
        except OperationalError:
            outcome["cancel"] = "had to wait"
        finally:
            cancellation_tried.set()
            connection.close()

    threads = [threading.Thread(target=late), threading.Thread(target=cancel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome["late"] == "wachtlijst"
    if share_lock:
        assert outcome["cancel"] == "had to wait"
        services.cancel_registration(seated.token)  # once the registration is in, the cancellation promotes it
        assert Registration.objects.get(email="laat@voorbeeld.nl").status == "aangemeld"
        assert Event.objects.get(pk=event.pk).seats_taken == 1
    else:
        assert outcome["cancel"] == "done"
        assert Event.objects.get(pk=event.pk).seats_taken == 0  # a free seat ...
        assert Registration.objects.get(email="laat@voorbeeld.nl").status == "wachtlijst"  # ... and someone waiting
