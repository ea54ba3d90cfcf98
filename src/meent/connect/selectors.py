"""Reads of Connect: the catalogue, an event's participants and results, and the figures of a year for the annual
report. An event counts in the year it starts; participants are registrations that held a seat (aangemeld or
aanwezig)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from meent.connect.models import (
    Assignment,
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
    TrainingDay,
)
from meent.leden.models import Gemeente

SEAT = Q(registrations__status__in=Registration.HOLDS_SEAT)


def catalogue(
    *,
    search: str | None = None,
    kind: str | None = None,
    format: str | None = None,
    year: int | None = None,
    upcoming: bool = False,
    past: bool = False,
    include_cancelled: bool = True,
    registered_from: Gemeente | None = None,
) -> QuerySet:
    """Events soonest first; past events (``past``) most recent first. ``registered_from``: only events that
    people of that gemeente registered for."""
    qs = Event.objects.prefetch_related("commissioners").select_related("edition")
    if registered_from is not None:
        qs = qs.filter(pk__in=registrations_of(registered_from).values("event_id"))
    if search:
        qs = qs.filter(Q(title__icontains=search) | Q(description__icontains=search) | Q(venue__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    if format:
        qs = qs.filter(format=format)
    if year:
        qs = qs.filter(starts_at__year=year)
    if upcoming:
        qs = qs.filter(ends_at__gte=timezone.now())
    if past:
        qs = qs.filter(ends_at__lt=timezone.now())
    if not include_cancelled:
        qs = qs.exclude(status=Event.Status.GEANNULEERD)
    return qs.order_by("-starts_at", "title") if past else qs.order_by("starts_at", "title")


def registrations_of(gemeente: Gemeente) -> QuerySet:
    """Registrations of a gemeente's people, cancelled ones included: made with one of its accounts, or naming it
    as the organisation (the form's free text, "Gemeente Utrecht" or "Utrecht")."""
    names = {gemeente.name, f"Gemeente {gemeente.name}", gemeente.cbs_label} - {""}
    named = Q()
    for name in names:
        named |= Q(organisation_name__iexact=name)
    return Registration.objects.filter(Q(account__organisation__gemeente=gemeente) | named)


@dataclass(frozen=True)
class GemeenteActivity:
    """A gemeente at Connect: its people's registrations and evaluations, the events they went to, its trainees."""

    registrations: int  # not cancelled
    events: int
    evaluations: int
    average_grade: Decimal | None
    recent_events: list[Event]  # with ``from_gemeente``: the gemeente's registrations holding a seat
    assignments: list[Assignment]


def gemeente_activity(gemeente: Gemeente, *, recent: int = 5) -> GemeenteActivity:
    registrations = registrations_of(gemeente).exclude(status=Registration.Status.GEANNULEERD)
    evaluations = Evaluation.objects.filter(registration__in=registrations.values("pk")).aggregate(
        n=Count("pk"), overall=Avg("overall")
    )
    events = (
        Event.objects.filter(pk__in=registrations.values("event_id"))
        .annotate(from_gemeente=Count("registrations", filter=Q(registrations__in=registrations.values("pk"))))
        .order_by("-starts_at", "title")
    )
    return GemeenteActivity(
        registrations=registrations.count(),
        events=events.count(),
        evaluations=evaluations["n"],
        average_grade=_dec(evaluations["overall"]),
        recent_events=list(events[:recent]),
        assignments=list(assignments_at(gemeente)),
    )


def assignments_at(gemeente: Gemeente) -> QuerySet:
    """Trainee assignments placed at the gemeente, the latest first."""
    return (
        Assignment.objects.filter(organisation__gemeente=gemeente)
        .select_related("trainee")
        .order_by("-start_date", "title")
    )


def event_years() -> list[int]:
    return sorted({d.year for d in Event.objects.dates("starts_at", "year")}, reverse=True)


def active_choices() -> Prefetch:
    """A registration's session choices that are not cancelled, as ``registration.active_choices``."""
    choices = (
        SessionChoice.objects.exclude(status=SessionChoice.Status.GEANNULEERD)
        .select_related("session")
        .order_by("session__starts_at", "session__title", "pk")
    )
    return Prefetch("session_choices", queryset=choices, to_attr="active_choices")


def participants(event: Event) -> QuerySet:
    return event.registrations.prefetch_related(active_choices()).order_by("status", "name", "pk")


def named(registrations: QuerySet, search: str | None) -> QuerySet:
    """Registrations whose name, e-mail address or organisation contains ``search`` (any case)."""
    if not search:
        return registrations
    return registrations.filter(
        Q(name__icontains=search) | Q(email__icontains=search) | Q(organisation_name__icontains=search)
    )


def session_counts(event: Event) -> list[Session]:
    """The event's sessions with ``waiting``: the session choices on each session's own waiting list."""
    return list(
        event.sessions.annotate(
            waiting=Count("choices", filter=Q(choices__status=SessionChoice.Status.WACHTLIJST))
        ).order_by("starts_at", "title")
    )


def waiting_list(event: Event) -> QuerySet:
    return event.registrations.filter(status=Registration.Status.WACHTLIJST).order_by("created_at", "pk")


def status_counts(event: Event) -> dict[str, int]:
    counts = dict(event.registrations.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Registration.Status.values}


@dataclass(frozen=True)
class Results:
    responses: int
    overall: Decimal | None
    content: Decimal | None
    speakers: Decimal | None
    organisation: Decimal | None
    distribution: list[tuple[int, int]]  # (grade, count) for 1..10


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def evaluations(event: Event) -> QuerySet:
    return Evaluation.objects.filter(registration__event=event).select_related("registration")


def results(event: Event) -> Results:
    qs = evaluations(event)
    agg = qs.aggregate(
        n=Count("pk"), overall=Avg("overall"), content=Avg("content"), speakers=Avg("speakers"), org=Avg("organisation")
    )
    counts = dict(qs.values_list("overall").annotate(n=Count("pk")).order_by())
    return Results(
        responses=agg["n"],
        overall=_dec(agg["overall"]),
        content=_dec(agg["content"]),
        speakers=_dec(agg["speakers"]),
        organisation=_dec(agg["org"]),
        distribution=[(grade, counts.get(grade, 0)) for grade in range(1, 11)],
    )


def courses() -> QuerySet:
    return Course.objects.prefetch_related(
        Prefetch(
            "editions",
            queryset=Edition.objects.select_related("event", "client").prefetch_related("trainers", "days"),
        )
    ).order_by("title")


def editions_with_satisfaction(course: Course) -> list[Edition]:
    editions = list(
        course.editions.select_related("event", "client")
        .prefetch_related("trainers", "days")
        .annotate(
            satisfaction=Avg("event__registrations__evaluation__overall"),
            responses=Count("event__registrations__evaluation"),
            participants=Count(
                "event__registrations", filter=Q(event__registrations__status__in=Registration.HOLDS_SEAT)
            ),
        )
        .order_by("event__starts_at")
    )
    return editions


# Figures for the annual report --------------------------------------------------------------------------------


def _in_year(year: int) -> QuerySet:
    return Event.objects.filter(starts_at__year=year)


def events_by_kind_and_format(year: int) -> dict[str, dict[str, int]]:
    """Events held (not cancelled) per kind and format: ``{"congres": {"fysiek": 8, "digitaal": 99, ...}}``."""
    rows = (
        _in_year(year)
        .exclude(status=Event.Status.GEANNULEERD)
        .values_list("kind", "format")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table = {kind: dict.fromkeys(Event.Format.values, 0) for kind in Event.Kind.values}
    for kind, fmt, n in rows:
        table[kind][fmt] = n
    return table


def held_events(year: int, *, kinds, format: str | None = None, theme: str | None = None) -> QuerySet:
    """The events of :func:`events_by_kind_and_format`'s cells: held (not cancelled) in the year, of ``kinds``
    (and ``format``); ``theme``: only those with it in their title, any case (a programme such as "cyber")."""
    qs = _in_year(year).exclude(status=Event.Status.GEANNULEERD).filter(kind__in=kinds)
    if theme:
        qs = qs.filter(title__icontains=theme)
    return qs.filter(format=format) if format else qs


def cancelled_event_list(year: int, *, kinds=None) -> QuerySet:
    qs = _in_year(year).filter(status=Event.Status.GEANNULEERD)
    return qs.filter(kind__in=kinds) if kinds else qs


def cancelled_events(year: int, *, kinds=None) -> int:
    return cancelled_event_list(year, kinds=kinds).count()


def participants_per_event(year: int) -> QuerySet:
    """Held events of the year with ``participant_count``, most participants first."""
    return (
        _in_year(year)
        .exclude(status=Event.Status.GEANNULEERD)
        .annotate(participant_count=Count("registrations", filter=SEAT))
        .order_by("-participant_count", "starts_at")
    )


def top_events(
    year: int,
    *,
    kinds=(Event.Kind.CONGRES, Event.Kind.WEBINAR, Event.Kind.WEBINARREEKS),
    n: int = 5,
    commissioned: bool | None = None,
) -> list[Event]:
    """The ``n`` held events with most participants. ``commissioned=False`` keeps VNG's own events (no
    opdrachtgever), ``True`` only those organised on commission (a ministry's congress), ``None`` all."""
    qs = participants_per_event(year).filter(kind__in=kinds)
    if commissioned is not None:
        has_commissioner = Exists(Event.commissioners.through.objects.filter(event_id=OuterRef("pk")))
        qs = qs.filter(has_commissioner) if commissioned else qs.exclude(has_commissioner)
    return list(qs[:n])


def top_trainings(year: int, n: int = 5) -> list[Event]:
    return list(participants_per_event(year).filter(kind__in=Event.TRAINING_KINDS)[:n])


def grades_per_event(year: int) -> QuerySet:
    """Held events of the year that have evaluations, with their average grade overall and per aspect."""
    grade = "registrations__evaluation__"
    return (
        _in_year(year)
        .annotate(
            responses=Count(f"{grade}pk"),
            avg_overall=Avg(f"{grade}overall"),
            avg_content=Avg(f"{grade}content"),
            avg_speakers=Avg(f"{grade}speakers"),
            avg_organisation=Avg(f"{grade}organisation"),
        )
        .filter(responses__gt=0)
        .order_by("starts_at")
    )


def average_grades(year: int) -> dict[str, Decimal | None]:
    agg = Evaluation.objects.filter(registration__event__starts_at__year=year).aggregate(
        overall=Avg("overall"), content=Avg("content"), speakers=Avg("speakers"), organisation=Avg("organisation")
    )
    return {key: _dec(value) for key, value in agg.items()}


def training_days(year: int) -> dict[str, int]:
    """Training days given in the year, physical and online; days of cancelled editions do not count."""
    rows = (
        TrainingDay.objects.filter(date__year=year)
        .exclude(edition__event__status=Event.Status.GEANNULEERD)
        .values_list("format")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict(rows)
    physical, online = counts.get(Event.Format.FYSIEK, 0), counts.get(Event.Format.DIGITAAL, 0)
    return {"fysiek": physical, "online": online, "totaal": physical + online}


def rescheduled_events(year: int, *, min_times: int = 1, kinds=None) -> QuerySet:
    """Events of the year moved at least ``min_times`` times, from their history."""
    qs = (
        _in_year(year)
        .annotate(moves=Count("changes", filter=Q(changes__kind=EventChange.Kind.VERPLAATST)))
        .filter(moves__gte=min_times)
    )
    return qs.filter(kind__in=kinds) if kinds else qs


def rescheduled(year: int, *, min_times: int = 1, kinds=None) -> int:
    return rescheduled_events(year, min_times=min_times, kinds=kinds).count()


def converted_events(year: int, *, to_format: str = Event.Format.DIGITAAL) -> QuerySet:
    changed = EventChange.objects.filter(event=OuterRef("pk"), kind=EventChange.Kind.OMGEZET, new_format=to_format)
    return _in_year(year).filter(Exists(changed))


def converted(year: int, *, to_format: str = Event.Format.DIGITAAL) -> int:
    return converted_events(year, to_format=to_format).count()


def _overlap_days(start: datetime.date, end: datetime.date | None, year: int) -> int:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start, end = max(start, first), min(end or last, last)
    return max((end - start).days + 1, 0)


def employments_in_year(year: int) -> QuerySet:
    """Employment periods with at least one day in the year."""
    return Employment.objects.filter(start_date__year__lte=year).filter(
        Q(end_date__isnull=True) | Q(end_date__year__gte=year)
    )


def trainees_in_year(year: int) -> QuerySet:
    """Trainees in service on at least one day of the year, with their periods and assignments."""
    return (
        Trainee.objects.filter(pk__in=employments_in_year(year).values("trainee_id"))
        .select_related("cohort")
        .prefetch_related("employments", "assignments__organisation")
        .order_by("cohort__start_date", "last_name")
    )


def average_trainees(year: int) -> Decimal:
    """Trainees in service on an average day of the year (employment periods, first and last day included)."""
    days_in_year = (datetime.date(year, 12, 31) - datetime.date(year, 1, 1)).days + 1
    total = sum(_overlap_days(p.start_date, p.end_date, year) for p in employments_in_year(year))
    return (Decimal(total) / days_in_year).quantize(Decimal("0.1"))


def trainee_years() -> list[int]:
    """Years in which some trainee was in service, oldest first."""
    this_year = timezone.localdate().year
    years: set[int] = set()
    for start, end in Employment.objects.values_list("start_date", "end_date"):
        years.update(range(start.year, (end.year if end else this_year) + 1))
    return sorted(years)


def assignments_running(year: int) -> QuerySet:
    """Assignments running at some point in the year."""
    return Assignment.objects.filter(start_date__year__lte=year).filter(
        Q(end_date__isnull=True) | Q(end_date__year__gte=year)
    )


def assignments_in_year(year: int) -> int:
    return assignments_running(year).count()


def assignments_growth(year: int) -> Decimal | None:
    """Growth of the number of assignments against the year before, in percent (27.5 for +27,5%)."""
    before, now = assignments_in_year(year - 1), assignments_in_year(year)
    if before == 0:
        return None
    return (Decimal(now - before) * 100 / before).quantize(Decimal("0.1"))
