"""Organisers' writes on events and their sessions: create, change, reschedule, cancel, convert. A change to
seats takes the event's row lock first and the sessions' after it in ascending id order."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from meent.connect import tasks
from meent.connect.models import (
    Event,
    EventChange,
    Registration,
    Session,
    SessionChoice,
    TrainingDay,
)
from meent.connect.services.refusals import ChangeRefused
from meent.connect.services.registrations import promote_session_waiting, promote_waiting
from meent.core.tasks import enqueue_on_commit
from meent.leden.models import Account, Organisation

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
    promote_waiting(locked)
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
    promoted = {choice.registration_id for choice in promote_session_waiting(locked)}
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
    event: Event, *, starts_at: datetime.datetime, ends_at: datetime.datetime, reason: str, by: Account | None = None
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
def cancel_event(
    event: Event, *, reason: str, replacement: Event | None = None, by: Account | None = None
) -> EventChange:
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
    event: Event, *, new_format: str, reason: str, stream_url: str = "", venue: str = "", by: Account | None = None
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
