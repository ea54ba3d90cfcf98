"""Registrations and seats. Seat counters only move through conditional UPDATEs (``… SET seats_taken =
seats_taken + 1 WHERE seats_taken < capacity``), so two writers never take the same seat, and the check constraints
refuse any other write that would overbook. A registration holds the event's row only for its seat statements (see
:func:`register`); cancelling and promoting from the waiting list take the event's row lock first."""

import copy
import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.connect import tasks
from meent.connect.models import (
    Event,
    Registration,
    Session,
    SessionChoice,
)
from meent.connect.services.refusals import AlreadyRegistered, ChangeRefused, RegistrationClosed, RegistrationRefused
from meent.core.audit import log_changed, log_created
from meent.core.tasks import enqueue_on_commit

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


# Registrations ------------------------------------------------------------------------------------------------


def _session_ids(sessions) -> list[int]:
    return sorted({s.pk if isinstance(s, Session) else int(s) for s in sessions or ()})


def check_session_choice(sessions: list[Session]) -> None:
    """Refuse (in Dutch) a set of sessions that one person cannot attend because two of them overlap."""
    ordered = sorted(sessions, key=lambda s: (s.starts_at is None, s.starts_at or 0, s.pk or 0))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if first.overlaps(second):
                raise RegistrationRefused(
                    _("De sessies '%(first)s' en '%(second)s' vinden tegelijk plaats; kies er één van.")
                    % {"first": first.title, "second": second.title}
                )


def _lock_sessions(event: Event, ids: list[int]) -> list[Session]:
    """Lock the event's sessions with these ids in ascending id order, the one order every writer uses, so two
    transactions never wait on each other's session rows crosswise."""
    return list(Session.objects.select_for_update().filter(event=event, pk__in=ids).order_by("pk"))


def _event_for_registration(event_id: int) -> Event:
    """The event row under a KEY SHARE lock. Registrations share it, and it does not conflict with the seat UPDATE
    (a row lock of the weaker NO KEY UPDATE kind), so registrations do not queue for each other. Every writer that
    moves seats in another way — cancelling, promoting the waiting list, changing or cancelling the event — takes
    the event's FOR UPDATE lock first, which waits for the registrations in flight (and they for it): no
    registration lands on the waiting list just after a cancellation freed a seat and found nobody waiting, and
    none is taken for an event cancelled in the meantime. Other databases (SQLite) lock the whole file anyway."""
    if connection.vendor != "postgresql":
        return Event.objects.get(pk=event_id)
    table = connection.ops.quote_name(Event._meta.db_table)
    rows = list(Event.objects.raw(f"SELECT * FROM {table} WHERE id = %s FOR KEY SHARE", [event_id]))  # noqa: S608
    if not rows:
        raise Event.DoesNotExist(f"Event {event_id} does not exist.")
    return rows[0]


def register(
    *,
    event: Event | int,
    name: str,
    email: str,
    organisation_name: str = "",
    sessions: list[Session | int] | None = None,
    account: "AbstractBaseUser | AnonymousUser | None" = None,
) -> Registration:
    """Take a seat when the event has one, else a place on its waiting list; then, per chosen session, a place
    in the session when it has one, else a place on that session's own waiting list (the event seat is kept).

    Every check and every object is ready before the seats are taken: from the first seat statement (a
    conditional UPDATE of the event's counter, then of each chosen session's, in ascending id order) the
    counter rows stay locked until commit, so only the INSERTs of the prepared rows (the registration, its session
    choices, their audit entries) follow. A registration for a full event takes no row lock at all. An address
    already registered is refused by the unique index on the INSERT (one query less for everyone else), which
    rolls its seat back. The mail is queued after commit.
    """
    email = email.strip().lower()
    event_id = event.pk if isinstance(event, Event) else event
    session_ids = _session_ids(sessions)
    try:
        with transaction.atomic():
            current = _event_for_registration(event_id)
            if current.is_cancelled:
                raise RegistrationClosed(_("Dit evenement is geannuleerd; aanmelden kan niet meer."))
            if not current.registration_open():
                raise RegistrationClosed(_("De aanmelding voor dit evenement is gesloten."))
            chosen = list(Session.objects.filter(event=current, pk__in=session_ids).order_by("pk"))
            if len(chosen) != len(session_ids):
                raise RegistrationRefused(_("Deze sessie hoort niet bij dit evenement."))
            check_session_choice(chosen)
            now = timezone.now()
            registration = Registration(
                event=current,
                name=name.strip(),
                email=email,
                organisation_name=organisation_name.strip(),
                account=account if getattr(account, "is_authenticated", False) else None,
                created_at=now,
            )
            choices = [SessionChoice(registration=registration, session=session, created_at=now) for session in chosen]
            # The seat statements; the counters they take stay locked until commit.
            has_seat = _take_event_seat(current)
            registration.status = Registration.Status.AANGEMELD if has_seat else Registration.Status.WACHTLIJST
            for choice in choices:
                seated = has_seat and _take_session_seat(choice.session)
                choice.status = SessionChoice.Status.AANGEMELD if seated else SessionChoice.Status.WACHTLIJST
            Registration.objects.bulk_create([registration])
            SessionChoice.objects.bulk_create(choices)
            log_created([registration, *choices])
            enqueue_on_commit(tasks.send_registration_mail, registration.pk, "aanmelding")
    except IntegrityError as exc:  # the partial unique index on (event, email): the seat taken is rolled back
        raise AlreadyRegistered(_("Met dit e-mailadres bent u al aangemeld voor dit evenement.")) from exc
    return registration


def _take_event_seat(event: Event) -> bool:
    """Take one seat of the event if the database still has one, whatever this copy of the event believes. A
    taken seat keeps the event's row locked until commit; a refused one locks nothing."""
    if not Event.objects.filter(pk=event.pk, seats_taken__lt=F("capacity")).update(seats_taken=F("seats_taken") + 1):
        return False
    event.seats_taken += 1
    return True


def _take_session_seat(session: Session) -> bool:
    """Take one place in the session if the database still has one (or the session has no limit of its own)."""
    room = Q(capacity__isnull=True) | Q(seats_taken__lt=F("capacity"))
    if not Session.objects.filter(room, pk=session.pk).update(seats_taken=F("seats_taken") + 1):
        return False
    session.seats_taken += 1
    return True


def _free_event_seat(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(seats_taken=F("seats_taken") - 1)
    event.seats_taken -= 1


def _free_session_seat(session: Session) -> None:
    Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") - 1)
    session.seats_taken -= 1


def promote_waiting(event: Event) -> list[Registration]:
    """Let the event's waiting list in, first come first served, then fill every session with room from its own
    waiting list. Runs under the event's lock; the sessions are locked here in ascending id order."""
    if event.is_cancelled:
        return []
    promoted = []
    waiting = Registration.objects.filter(event=event, status=Registration.Status.WACHTLIJST).order_by(
        "created_at", "pk"
    )
    for registration in waiting:
        if event.seats_taken >= event.capacity or not _take_event_seat(event):
            break
        registration.status = Registration.Status.AANGEMELD
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        promoted.append(registration)
    told = {r.pk for r in promoted}  # their mail, sent below, lists the sessions they got
    for session in Session.objects.select_for_update().filter(event=event).order_by("pk"):
        promote_session_waiting(session, already_told=told)
    for registration in promoted:
        enqueue_on_commit(tasks.send_registration_mail, registration.pk, "doorgeschoven")
    return promoted


def promote_session_waiting(session: Session, *, already_told: set[int] = frozenset()) -> list[SessionChoice]:
    """Give a session's free places to its waiting list, in the order the choices were made; only registrations
    that hold an event seat can take a session place. Runs under the event's and the session's lock."""
    promoted = []
    if not session.has_room:
        return promoted
    waiting = (
        SessionChoice.objects.filter(
            session=session,
            status=SessionChoice.Status.WACHTLIJST,
            registration__status__in=Registration.HOLDS_SEAT,
        )
        .select_related("registration")
        .order_by("created_at", "pk")
    )
    for choice in waiting:
        if not session.has_room or not _take_session_seat(session):
            break
        choice.status = SessionChoice.Status.AANGEMELD
        choice.promoted_at = timezone.now()
        choice.save(update_fields=["status", "promoted_at"])
        promoted.append(choice)
        if choice.registration_id not in already_told:
            enqueue_on_commit(tasks.send_session_mail, choice.pk, "sessie_doorgeschoven")
    return promoted


def confirm_registration(confirm_token: str) -> Registration:
    """The double opt-in: following the link in the mail proves the address is the registrant's."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(confirm_token=confirm_token)
        if registration.confirmed_at is None:
            registration.confirmed_at = timezone.now()
            registration.save(update_fields=["confirmed_at"])
    return registration


def can_cancel(registration: Registration, now: datetime.datetime | None = None) -> bool:
    """A registrant can cancel (or leave the waiting list) until the event is over, unless already checked in."""
    now = now or timezone.now()
    return (
        registration.status in (Registration.Status.AANGEMELD, Registration.Status.WACHTLIJST)
        and registration.event.ends_at >= now
    )


def cancel_registration(token: str, *, expired: bool = False) -> Registration:
    """The registrant cancels through the personal link (or, with ``expired``, never confirmed the address); the
    freed event seat and session places go to the first in line."""
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(token=token)
        event = Event.objects.select_for_update().get(pk=event_id)
        registration = Registration.objects.select_for_update().get(token=token)
        if registration.status == Registration.Status.GEANNULEERD or (expired and registration.is_confirmed):
            return registration
        registration.event = event
        if not can_cancel(registration):
            raise ChangeRefused(_("Dit evenement is al voorbij; afmelden kan niet meer."))
        held_seat = registration.holds_seat
        choices = list(
            registration.session_choices.exclude(status=SessionChoice.Status.GEANNULEERD).select_related("session")
        )
        sessions = {s.pk: s for s in _lock_sessions(event, sorted(c.session_id for c in choices))}
        now = timezone.now()
        before = [copy.copy(choice) for choice in choices]
        for choice in choices:
            if choice.status == SessionChoice.Status.AANGEMELD:
                _free_session_seat(sessions[choice.session_id])
            choice.status, choice.cancelled_at = SessionChoice.Status.GEANNULEERD, now
        SessionChoice.objects.bulk_update(choices, ["status", "cancelled_at"])
        log_changed(zip(before, choices, strict=True), ["status", "cancelled_at"])
        registration.status = Registration.Status.GEANNULEERD
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if held_seat:
            _free_event_seat(event)
            promote_waiting(event)
        enqueue_on_commit(tasks.send_registration_mail, registration.pk, "verlopen" if expired else "afmelding")
    return registration


def cancel_session_choice(token: str, session: Session | int) -> SessionChoice:
    """The registrant drops one session but keeps the event seat; the freed session place goes to the first on
    that session's waiting list."""
    session_id = session.pk if isinstance(session, Session) else session
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(token=token)
        event = Event.objects.select_for_update().get(pk=event_id)
        if event.ends_at < timezone.now():
            raise ChangeRefused(_("Dit evenement is al voorbij; afmelden kan niet meer."))
        locked_session = Session.objects.select_for_update().get(pk=session_id, event=event)
        choice = SessionChoice.objects.select_for_update().get(registration__token=token, session=locked_session)
        if choice.status == SessionChoice.Status.GEANNULEERD:
            return choice
        held_place = choice.status == SessionChoice.Status.AANGEMELD
        choice.status, choice.cancelled_at = SessionChoice.Status.GEANNULEERD, timezone.now()
        choice.save(update_fields=["status", "cancelled_at"])
        if held_place:
            _free_session_seat(locked_session)
            if not event.is_cancelled:
                promote_session_waiting(locked_session)
    return choice


def expire_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Cancel registrations whose address was not confirmed within ``Registration.CONFIRMATION_DAYS``, so an
    unconfirmed (or mistyped) address does not keep a seat from the waiting list. Run daily
    (``manage connect_opruimen``)."""
    now = now or timezone.now()
    stale = Registration.objects.filter(
        confirmed_at__isnull=True,
        status__in=[Registration.Status.AANGEMELD, Registration.Status.WACHTLIJST],
        created_at__lt=now - datetime.timedelta(days=Registration.CONFIRMATION_DAYS),
        event__ends_at__gt=now,
        event__status=Event.Status.GEPLAND,
    ).values_list("token", flat=True)
    count = 0
    for token in list(stale):
        if cancel_registration(token, expired=True).status == Registration.Status.GEANNULEERD:
            count += 1
    return count


def received_message(email: str) -> str:
    """The answer of the form and the API to a registration, whether or not the address was registered already."""
    return _(
        "Dank u. Wij hebben een mail gestuurd naar %(email)s. Daarin staat of u bent aangemeld of op de "
        "wachtlijst staat, en de link naar uw persoonlijke pagina."
    ) % {"email": email.strip().lower()}


def register_or_remind(*, event: Event | int, email: str, **fields) -> Registration | None:
    """:func:`register`, except that an address already registered for the event is not refused but gets a mail
    with its personal link. The form then answers the same whether or not the address was registered, so it tells
    nobody whose address is on a participant list; the mail, which only the address's owner reads, says the rest.
    Returns the new registration, or ``None`` for an address already registered."""
    try:
        return register(event=event, email=email, **fields)
    except AlreadyRegistered:
        existing = (
            Registration.objects.filter(event=event, email=email.strip().lower())
            .exclude(status=Registration.Status.GEANNULEERD)
            .first()
        )
        if existing is not None:
            enqueue_on_commit(tasks.send_registration_mail, existing.pk, "al-aangemeld")
        return None
