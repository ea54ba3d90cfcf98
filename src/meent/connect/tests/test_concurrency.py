"""A rush of registrations on PostgreSQL: parallel requests never take the same seat."""

import threading

import pytest
from django.db import connection

from meent.connect import services
from meent.connect.models import Event, Registration
from meent.connect.tests.factories import EventFactory, SessionFactory

CLIENTS = 50


def rush(event_id: int, session_id: int | None = None) -> tuple[list[str], list[Exception]]:
    barrier = threading.Barrier(CLIENTS)
    statuses: list[str] = []
    errors: list[Exception] = []

    def client(n: int) -> None:
        try:
            barrier.wait()
            registration = services.register(
                event=event_id, name=f"Haastige {n}", email=f"haast{n}@voorbeeld.nl", session=session_id
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
def test_parallel_registrations_never_exceed_a_session_capacity():
    event = EventFactory(capacity=100)
    session = SessionFactory(event=event, capacity=7)
    statuses, errors = rush(event.pk, session.pk)
    assert not errors
    assert statuses.count("aangemeld") == 7
    session.refresh_from_db()
    assert session.seats_taken == 7
    assert Event.objects.get(pk=event.pk).seats_taken == 7


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
