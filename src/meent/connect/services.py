"""Writes of Connect. Seat counters only move through conditional UPDATEs (``… SET seats_taken = seats_taken + 1
WHERE seats_taken < capacity``), so two writers never take the same seat, and the check constraints refuse any
other write that would overbook. A registration holds the event's row only for its seat statements (see
:func:`register`); every other change to seats and waiting lists — cancelling, promoting, changing an event —
takes the event's row lock (``select_for_update``) first and the sessions' after it in ascending id order, so
those changes queue per event and never see a registration half-way."""

import copy
import csv
import datetime
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from meent.connect import tasks
from meent.connect.models import (
    Assignment,
    Cohort,
    Course,
    Edition,
    Employment,
    Evaluation,
    Event,
    EventChange,
    Registration,
    Session,
    SessionChoice,
    Trainee,
    Trainer,
    TrainingDay,
)
from meent.core.audit import log_changed, log_created
from meent.core.refusals import ImportRefused, Refused
from meent.core.tasks import enqueue_on_commit
from meent.leden.models import Organisation

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


class RegistrationRefused(Refused):
    """A registration that cannot be taken; the message is Dutch and fit for the user."""


class RegistrationClosed(RegistrationRefused):
    pass


class AlreadyRegistered(RegistrationRefused):
    pass


class ChangeRefused(Refused):
    """An organiser's change that does not fit the event's state."""


# Events -------------------------------------------------------------------------------------------------------


# What organisers may set on an event, in the order the event form asks it.
EVENT_FIELDS = (
    "title",
    "description",
    "kind",
    "format",
    "starts_at",
    "ends_at",
    "venue",
    "stream_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
)


@transaction.atomic
def create_event(*, commissioners: list[Organisation] | None = None, **fields) -> Event:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    event = Event(**fields)
    event.full_clean(exclude=["commissioners"])
    event.save()
    if commissioners:
        event.commissioners.set(commissioners)
    return event


@transaction.atomic
def update_event(event: Event, *, commissioners: list[Organisation] | None = None, **fields) -> Event:
    """Edit the description of an event. Dates and format change through :func:`reschedule_event` and
    :func:`convert_event` so that their history is kept; a larger capacity lets the waiting list in."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    for name in ("starts_at", "ends_at", "format"):
        if name in fields and fields[name] != getattr(locked, name):
            raise ChangeRefused(_("Datum en vorm wijzigt u via verplaatsen of omzetten, zodat de historie klopt."))
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    if fields.get("capacity", locked.capacity) < locked.seats_taken:
        raise ChangeRefused(
            _("De capaciteit kan niet lager dan het aantal bezette plaatsen (%(n)d).") % {"n": locked.seats_taken}
        )
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean(exclude=["commissioners"])
    locked.save(update_fields=list(fields))  # never the seat counter: that moves only by conditional UPDATEs
    if commissioners is not None:
        locked.commissioners.set(commissioners)
    _promote_waiting(locked)
    return locked


def add_session(
    *,
    event: Event,
    title: str,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    capacity: int | None = None,
) -> Session:
    session = Session(event=event, title=title, starts_at=starts_at, ends_at=ends_at, capacity=capacity)
    session.full_clean()
    check_session_within_event(session)
    session.save()
    return session


@transaction.atomic
def update_session(
    session: Session,
    *,
    title: str,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    capacity: int | None = None,
) -> Session:
    """Edit a session. A larger capacity lets its waiting list in; a new time is mailed to everyone who chose it."""
    Event.objects.select_for_update().get(pk=session.event_id)  # the event's lock first, as registering takes it
    locked = Session.objects.select_for_update().select_related("event").get(pk=session.pk)
    if capacity is not None and capacity < locked.seats_taken:
        raise ValidationError(
            {
                "capacity": _("De capaciteit kan niet lager dan het aantal bezette plaatsen (%(n)d).")
                % {"n": locked.seats_taken}
            }
        )
    moved = (starts_at, ends_at) != (locked.starts_at, locked.ends_at)
    locked.title, locked.starts_at, locked.ends_at, locked.capacity = title, starts_at, ends_at, capacity
    locked.full_clean()
    check_session_within_event(locked)
    locked.save(update_fields=["title", "starts_at", "ends_at", "capacity"])
    promoted = {choice.registration_id for choice in _promote_session_waiting(locked)}
    if moved:
        for registration_id in _choosers(locked).exclude(pk__in=promoted):
            enqueue_on_commit(
                tasks.send_session_change_mail, registration_id, "sessie_gewijzigd", locked.pk, locked.title
            )
    return locked


@transaction.atomic
def delete_session(session: Session) -> int:
    """Remove a session from the programme: the choices made for it go (the event seats stay) and whoever had
    chosen it is told. Returns how many were told."""
    Event.objects.select_for_update().get(pk=session.event_id)
    locked = Session.objects.select_for_update().get(pk=session.pk)
    told = list(_choosers(locked))
    for registration_id in told:
        enqueue_on_commit(tasks.send_session_change_mail, registration_id, "sessie_vervallen", None, locked.title)
    locked.choices.all().delete()
    locked.delete()
    return len(told)


def _choosers(session: Session):
    """The registrations (ids) still holding or waiting for a place in the session."""
    return (
        Registration.objects.filter(session_choices__session=session)
        .exclude(session_choices__status=SessionChoice.Status.GEANNULEERD)
        .exclude(status=Registration.Status.GEANNULEERD)
        .values_list("pk", flat=True)
        .distinct()
    )


def check_session_within_event(session: Session) -> None:
    """A session takes place during its event: a start or end outside the event's period is a field error."""
    event = session.event
    period = _("%(start)s tot %(end)s") % {
        "start": formats.date_format(timezone.localtime(event.starts_at), "j F Y H:i"),
        "end": formats.date_format(timezone.localtime(event.ends_at), "j F Y H:i"),
    }
    errors = {}
    for name in ("starts_at", "ends_at"):
        moment = getattr(session, name)
        if moment is not None and not event.starts_at <= moment <= event.ends_at:
            errors[name] = _("Dit valt buiten het evenement (%(period)s).") % {"period": period}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def reschedule_event(
    event: Event, *, starts_at: datetime.datetime, ends_at: datetime.datetime, reason: str, by=None
) -> EventChange:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.is_cancelled:
        raise ChangeRefused(_("Een geannuleerd evenement kan niet meer worden verplaatst."))
    if ends_at < starts_at:
        raise ChangeRefused(_("Het einde ligt vóór het begin."))
    if starts_at == locked.starts_at and ends_at == locked.ends_at:
        raise ChangeRefused(_("De nieuwe datum is gelijk aan de huidige."))
    change = EventChange.objects.create(
        event=locked,
        kind=EventChange.Kind.VERPLAATST,
        old_starts_at=locked.starts_at,
        new_starts_at=starts_at,
        reason=reason,
        changed_by=by,
    )
    shift = starts_at - locked.starts_at
    locked.starts_at, locked.ends_at = starts_at, ends_at
    if locked.registration_closes_at is not None:
        locked.registration_closes_at += shift
    locked.save(update_fields=["starts_at", "ends_at", "registration_closes_at"])
    for session in locked.sessions.filter(starts_at__isnull=False):
        session.starts_at += shift
        session.ends_at = session.ends_at + shift if session.ends_at else None
        session.save(update_fields=["starts_at", "ends_at"])
    day_shift = timezone.localdate(starts_at) - timezone.localdate(change.old_starts_at)
    for day in TrainingDay.objects.filter(edition__event=locked).order_by("-date" if day_shift.days > 0 else "date"):
        day.date += day_shift
        day.save(update_fields=["date"])
    enqueue_on_commit(tasks.send_event_change_mails, change.pk)
    return change


@transaction.atomic
def cancel_event(event: Event, *, reason: str, replacement: Event | None = None, by=None) -> EventChange:
    """Cancel for good. Registrations stay as they were (for the figures); everyone is told, and offered the
    replacement event if there is one."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.is_cancelled:
        raise ChangeRefused(_("Dit evenement is al geannuleerd."))
    if replacement is not None and (replacement.pk == locked.pk or replacement.is_cancelled):
        raise ChangeRefused(_("Kies als vervanging een ander, niet geannuleerd evenement."))
    change = EventChange.objects.create(
        event=locked,
        kind=EventChange.Kind.GEANNULEERD,
        old_starts_at=locked.starts_at,
        reason=reason,
        replacement=replacement,
        changed_by=by,
    )
    locked.status = Event.Status.GEANNULEERD
    locked.save(update_fields=["status"])
    enqueue_on_commit(tasks.send_event_change_mails, change.pk)
    return change


@transaction.atomic
def convert_event(
    event: Event, *, new_format: str, reason: str, stream_url: str = "", venue: str = "", by=None
) -> EventChange:
    """Change the format (a physical congress goes digital overnight); registrations are kept and told."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.is_cancelled:
        raise ChangeRefused(_("Een geannuleerd evenement kan niet meer worden omgezet."))
    if new_format == locked.format:
        raise ChangeRefused(_("Het evenement heeft deze vorm al."))
    if new_format in (Event.Format.DIGITAAL, Event.Format.HYBRIDE) and not (stream_url or locked.stream_url):
        raise ChangeRefused(_("Een digitaal of hybride evenement heeft een streamlink nodig."))
    if new_format in (Event.Format.FYSIEK, Event.Format.HYBRIDE) and not (venue or locked.venue):
        raise ChangeRefused(_("Een fysiek of hybride evenement heeft een locatie nodig."))
    change = EventChange.objects.create(
        event=locked,
        kind=EventChange.Kind.OMGEZET,
        old_format=locked.format,
        new_format=new_format,
        reason=reason,
        changed_by=by,
    )
    locked.format = new_format
    locked.stream_url = stream_url or locked.stream_url
    locked.venue = venue or locked.venue
    locked.save(update_fields=["format", "stream_url", "venue"])
    enqueue_on_commit(tasks.send_event_change_mails, change.pk)
    return change


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


def _promote_waiting(event: Event) -> list[Registration]:
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
        _promote_session_waiting(session, already_told=told)
    for registration in promoted:
        enqueue_on_commit(tasks.send_registration_mail, registration.pk, "doorgeschoven")
    return promoted


def _promote_session_waiting(session: Session, *, already_told: set[int] = frozenset()) -> list[SessionChoice]:
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
            _promote_waiting(event)
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
                _promote_session_waiting(locked_session)
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


@transaction.atomic
def set_attendance(registration: Registration, *, attended: bool) -> Registration:
    """Check-in at the door (or undo it); only registrations holding a seat can attend."""
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if not locked.holds_seat:
        raise ChangeRefused(_("Alleen aangemelde deelnemers kunnen aanwezig worden gemeld."))
    locked.status = Registration.Status.AANWEZIG if attended else Registration.Status.AANGEMELD
    locked.save(update_fields=["status"])
    return locked


ATTENDANCE_EMAIL_COLUMNS = ("e-mailadres", "email", "e-mail")


def import_attendance(event: Event, text: str) -> int:
    """Mark the registrants listed in a CSV (a column ``e-mailadres``; comma or semicolon separated) as attended.
    All or nothing: any bad line refuses the whole file. Returns the number of registrations marked."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportRefused([_("Het bestand is leeg.")])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    column = next((columns[c] for c in ATTENDANCE_EMAIL_COLUMNS if c in columns), None)
    if column is None:
        raise ImportRefused([_("De kolom 'e-mailadres' ontbreekt in de eerste regel.")])
    registrations = {
        r.email: r for r in Registration.objects.filter(event=event).exclude(status=Registration.Status.GEANNULEERD)
    }
    errors: list[str] = []
    marked: dict[str, Registration] = {}
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportRefused(
            [_("Regel %(line)d: het bestand is geen geldige CSV.") % {"line": reader.line_num}]
        ) from exc
    for line_number, row in rows:
        email = (row.get(column) or "").strip().lower()
        if not email:
            errors.append(_("Regel %(line)d: het e-mailadres is leeg.") % {"line": line_number})
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Regel %(line)d: '%(email)s' is geen geldig e-mailadres.") % {"line": line_number, "email": email}
            )
            continue
        registration = registrations.get(email)
        if registration is None:
            errors.append(
                _("Regel %(line)d: %(email)s is niet aangemeld voor dit evenement.")
                % {"line": line_number, "email": email}
            )
        elif registration.status == Registration.Status.WACHTLIJST:
            errors.append(
                _("Regel %(line)d: %(email)s staat op de wachtlijst en had geen plaats.")
                % {"line": line_number, "email": email}
            )
        else:
            marked[email] = registration
    if errors:
        raise ImportRefused(errors)
    if not marked:
        raise ImportRefused([_("Het bestand bevat geen deelnemers.")])
    with transaction.atomic():
        Registration.objects.filter(pk__in=[r.pk for r in marked.values()]).update(status=Registration.Status.AANWEZIG)
    return len(marked)


# Evaluations --------------------------------------------------------------------------------------------------


def can_evaluate(registration: Registration, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        registration.holds_seat
        and not registration.event.is_cancelled
        and registration.event.starts_at <= now
        and not Evaluation.objects.filter(registration=registration).exists()
    )


def submit_evaluation(
    registration: Registration, *, overall: int, content: int, speakers: int, organisation: int, comment: str = ""
) -> Evaluation:
    if not can_evaluate(registration):
        raise ChangeRefused(_("Voor deze aanmelding kan (nog) geen evaluatie worden ingevuld."))
    evaluation = Evaluation(
        registration=registration,
        overall=overall,
        content=content,
        speakers=speakers,
        organisation=organisation,
        comment=comment.strip(),
    )
    evaluation.full_clean()
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError as exc:
        raise ChangeRefused(_("Deze evaluatie is al ingevuld.")) from exc
    return evaluation


def can_invite_evaluations(event: Event, now: datetime.datetime | None = None) -> bool:
    """The participants are invited once, after the event, unless it was cancelled."""
    now = now or timezone.now()
    return event.evaluation_invited_at is None and not event.is_cancelled and event.ends_at <= now


@transaction.atomic
def invite_evaluations(event: Event) -> None:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not can_invite_evaluations(locked):
        if locked.evaluation_invited_at is not None:
            raise ChangeRefused(_("De uitnodigingen voor de evaluatie zijn al verstuurd."))
        raise ChangeRefused(_("Evaluaties gaan pas uit als het evenement voorbij is."))
    locked.evaluation_invited_at = timezone.now()
    locked.save(update_fields=["evaluation_invited_at"])
    enqueue_on_commit(tasks.send_evaluation_invitations, locked.pk)


def invite_due_evaluations(*, now: datetime.datetime | None = None, window: datetime.timedelta | None = None) -> int:
    """Invite the participants of every event that ended within ``window`` (default two weeks) and was not yet
    invited; run daily (``manage connect_evaluaties``). Returns the number of events."""
    now = now or timezone.now()
    window = window or datetime.timedelta(days=14)
    due = Event.objects.filter(
        status=Event.Status.GEPLAND, evaluation_invited_at__isnull=True, ends_at__lte=now, ends_at__gt=now - window
    )
    count = 0
    for event in due:
        try:
            invite_evaluations(event)
        except ChangeRefused:  # invited or cancelled in the meantime
            continue
        count += 1
    return count


# Academie -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayPlan:
    date: datetime.date
    format: str


@transaction.atomic
def create_edition(
    *,
    course: Course,
    kind: str,
    days: list[DayPlan],
    capacity: int,
    client: Organisation | None = None,
    trainers: list[Trainer] = (),
    venue: str = "",
    stream_url: str = "",
) -> Edition:
    """An edition with its training days; its event spans the days and carries registrations and evaluations."""
    if not days:
        raise ChangeRefused(_("Een editie heeft minstens één trainingsdag."))
    days = sorted(days, key=lambda d: d.date)
    formats = {d.format for d in days}
    tz = timezone.get_current_timezone()
    event = create_event(
        title=course.title if client is None else f"{course.title} — {client.name}",
        description=course.description,
        kind=Event.Kind.CURSUS if len(days) > 1 else Event.Kind.TRAININGSDAG,
        format=formats.pop() if len(formats) == 1 else Event.Format.HYBRIDE,
        starts_at=datetime.datetime.combine(days[0].date, datetime.time(9, 30), tz),
        ends_at=datetime.datetime.combine(days[-1].date, datetime.time(16, 30), tz),
        venue=venue,
        stream_url=stream_url,
        capacity=capacity,
    )
    if client is not None:
        event.commissioners.set([client])
    edition = Edition(course=course, kind=kind, client=client, event=event)
    edition.full_clean()
    edition.save()
    edition.trainers.set(trainers)
    TrainingDay.objects.bulk_create([TrainingDay(edition=edition, date=d.date, format=d.format) for d in days])
    return edition


def add_trainer(*, name: str, email: str = "", expertise: str = "") -> Trainer:
    trainer = Trainer(name=name.strip(), email=email.strip().lower(), expertise=expertise.strip())
    trainer.full_clean()
    trainer.save()
    return trainer


def create_course(*, title: str, days: int, description: str = "") -> Course:
    course = Course(title=title.strip(), days=days, description=description.strip())
    course.full_clean()
    course.save()
    return course


def parse_day_plans(text: str) -> list[DayPlan]:
    """Training days from lines like ``12-10-2026 fysiek`` or ``13-10-2026 online``; Dutch errors per line."""
    plans, errors = [], []
    formats = {"fysiek": Event.Format.FYSIEK, "online": Event.Format.DIGITAAL, "digitaal": Event.Format.DIGITAAL}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split()
        try:
            day = datetime.datetime.strptime(parts[0], "%d-%m-%Y").date()
        except ValueError:
            errors.append(
                _("Regel %(line)d: '%(value)s' is geen datum (dd-mm-jjjj).") % {"line": number, "value": parts[0]}
            )
            continue
        fmt = formats.get(parts[1].lower() if len(parts) > 1 else "fysiek")
        if fmt is None or len(parts) > 2:
            errors.append(_("Regel %(line)d: kies 'fysiek' of 'online'.") % {"line": number})
            continue
        plans.append(DayPlan(day, fmt))
    if errors:
        raise ImportRefused(errors)
    if not plans:
        raise ImportRefused([_("Geef minstens één trainingsdag op.")])
    if len({p.date for p in plans}) != len(plans):
        raise ImportRefused([_("Elke datum mag maar één keer voorkomen.")])
    return plans


@transaction.atomic
def add_trainee(
    *,
    first_name: str,
    last_name: str,
    email: str,
    cohort: Cohort | str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
) -> Trainee:
    """A trainee with their first employment period; ``cohort`` may be the name of a new cohort."""
    if isinstance(cohort, str):
        cohort, _created = Cohort.objects.get_or_create(name=cohort.strip(), defaults={"start_date": start_date})
    trainee = Trainee(first_name=first_name, last_name=last_name, email=email.strip().lower(), cohort=cohort)
    trainee.full_clean()
    trainee.save()
    employment = Employment(trainee=trainee, start_date=start_date, end_date=end_date)
    employment.full_clean()
    employment.save()
    return trainee


def add_assignment(
    *,
    trainee: Trainee,
    organisation: Organisation,
    title: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
) -> Assignment:
    assignment = Assignment(
        trainee=trainee, organisation=organisation, title=title, start_date=start_date, end_date=end_date
    )
    assignment.full_clean()
    assignment.save()
    return assignment


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
