"""Participants' evaluations of an event (grades 1–10) and the invitations to give them."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.connect import tasks
from meent.connect.models import (
    Evaluation,
    Event,
    Registration,
)
from meent.connect.services.refusals import ChangeRefused
from meent.core.tasks import enqueue_on_commit

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
