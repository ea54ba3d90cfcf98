"""The Academie: courses, editions with their training days and trainers, and the trainee programme."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.connect.models import (
    Assignment,
    Cohort,
    Course,
    Edition,
    Employment,
    Event,
    Trainee,
    Trainer,
    TrainingDay,
)
from meent.connect.services.events import create_event
from meent.connect.services.refusals import ChangeRefused
from meent.core.refusals import ImportRefused
from meent.leden.models import Organisation

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
