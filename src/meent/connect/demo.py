"""Demo data for Connect: the 2020 programme at the scale of the annual report — 107 congresses held (99 online), 28
cancelled, 40 webinars, 1 government-wide cyber exercise, 230 training days of which 256 trainings were moved more
than once and 70 cancelled, the trainee pool growing from 40 to 51 — plus a few upcoming events to register for.

Nothing here stores a figure: every number of the report comes out of Connect's registered figures (``figures.py``)
counting these records the way it counts real ones (held events by the year they start, participants as
registrations that held a seat, moves from the events' history). Named events, their dates and commissioning
ministries follow the report; the other titles and every participant, trainee and trainer are fictitious (names from
a fixed list, addresses under demo.meent.example), generated from a fixed random seed so every machine gets the same
demo.
Records are written in bulk and without mail: the demo must load in seconds and send nothing."""

import datetime
import itertools
import random
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

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
from meent.leden import services as leden
from meent.leden.models import Gemeente, Organisation

TZ = zoneinfo.ZoneInfo("Europe/Amsterdam")
FIRST = [
    "Anna",
    "Bram",
    "Carmen",
    "Daan",
    "Esra",
    "Floor",
    "Gijs",
    "Hanna",
    "Ilias",
    "Jet",
    "Koen",
    "Lieke",
    "Mo",
    "Nina",
    "Otto",
    "Puck",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
    "Umar",
    "Vera",
    "Wout",
    "Yara",
    "Zeno",
]
LAST = [
    "Aalbers",
    "Brouwer",
    "Claassen",
    "Dekker",
    "Ekker",
    "Franssen",
    "Goossens",
    "Hendriks",
    "IJzerman",
    "Jacobs",
    "Kok",
    "Laan",
    "Meijer",
    "Nijland",
    "Oosterhuis",
    "Postma",
    "Quist",
    "Romijn",
    "Schouten",
    "Terpstra",
    "Uittenbogaard",
    "Verbeek",
    "Wolters",
    "Zijlstra",
]


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TZ)


def _people():
    """Fictitious names: first × last name, then with a middle initial, 15,600 in all."""
    initials = ["", *(f"{letter}. " for letter in "ABCDEFGHJKLMNOPRSTUVWXYZ")]
    for n, (initial, last, first) in enumerate(itertools.product(initials, LAST, FIRST)):
        yield n, f"{first} {initial}{last}"


def _grades(n: int, average: float, spread: int = 1) -> list[int]:
    """``n`` grades 1–10 whose mean is ``average`` to one decimal, with a little spread around it."""
    base = int(average)
    high = round((average - base) * n)
    grades = [base + 1] * high + [base] * (n - high)
    for i in range(0, n - 1, 7):  # move a point from one to another: same mean, a less flat distribution
        if grades[i] - spread >= 1 and grades[i + 1] + spread <= 10:
            grades[i] -= spread
            grades[i + 1] += spread
    return grades


SEED = 2020
STREAM = "https://stream.demo.meent.example"


@dataclass
class Plan:
    """One event to write, with what happened to it in 2020."""

    title: str
    kind: str
    format: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    participants: int
    capacity: int = 0  # 0: a little more than the participants
    venue: str = ""
    commissioners: tuple[str, ...] = ()
    cancelled: bool = False
    history: list[tuple] = field(default_factory=list)  # (kind, changed_at, reason, value)
    sessions: list[tuple[str, datetime.datetime | None, datetime.datetime | None]] = field(default_factory=list)
    sessions_per_person: int = 0  # sessions each participant picks, never two at the same time
    grade: float | None = None
    organisation_grade: float | None = None
    responses: int = 0
    # Academie editions
    course: Course | None = None
    client: Organisation | None = None
    trainer: Trainer | None = None
    days: list[tuple[datetime.date, str]] = field(default_factory=list)


def _workdays(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]


def _programme(start: datetime.datetime, count: int, slots: int, *, minutes: int = 60, floor: bool = False):
    """``count`` sessions spread over ``slots`` consecutive time slots (so sessions in different slots never
    overlap), optionally with an exhibition floor open all day (no time: it overlaps nothing)."""
    sessions = []
    for n in range(count):
        slot = n % slots
        begins = start + datetime.timedelta(minutes=(minutes + 15) * slot)
        sessions.append((f"Sessie {slot + 1}.{n // slots + 1}", begins, begins + datetime.timedelta(minutes=minutes)))
    if floor:
        sessions.append(("Digitale beursvloer", None, None))
    return sessions


def _choices(plan: Plan) -> list[list[int]]:
    """Per participant, the indexes of the sessions they picked: one per time slot, at most
    ``sessions_per_person`` slots, plus the exhibition floor for every second participant."""
    if not plan.sessions or not plan.sessions_per_person:
        return [[] for _ in range(plan.participants)]
    slots: dict[datetime.datetime, list[int]] = {}
    floor = []
    for index, (_title, begins, _ends) in enumerate(plan.sessions):
        if begins is None:
            floor.append(index)
        else:
            slots.setdefault(begins, []).append(index)
    ordered = [slots[key] for key in sorted(slots)]
    per_person = min(plan.sessions_per_person, len(ordered))
    picks = []
    for person in range(plan.participants):
        chosen = []
        for step in range(per_person):
            slot = ordered[(person + step) % len(ordered)]
            chosen.append(slot[(person // len(ordered) + step) % len(slot)])
        if floor and person % 2 == 0:
            chosen.extend(floor)
        picks.append(chosen)
    return picks


def _write(plans: list[Plan], ministries: dict[str, Organisation]) -> None:
    """Write the plans in bulk: a few dozen queries for thousands of records. Counters (seats taken per event and
    per session) are set to exactly the places the written registrations and session choices hold."""
    rng = random.Random(SEED)
    events = Event.objects.bulk_create(
        [
            Event(
                title=p.title,
                description=p.course.description if p.course else "",
                kind=p.kind,
                format=p.format,
                status=Event.Status.GEANNULEERD if p.cancelled else Event.Status.GEPLAND,
                starts_at=p.starts_at,
                ends_at=p.ends_at,
                venue=p.venue,
                stream_url="" if p.format == Event.Format.FYSIEK else f"{STREAM}/{slugify(p.title)[:60]}",
                capacity=p.capacity or p.participants + 10 + p.participants // 10,
                seats_taken=p.participants,
                evaluation_invited_at=None if p.cancelled or not p.grade else p.ends_at + datetime.timedelta(days=1),
            )
            for p in plans
        ],
        batch_size=500,
    )
    Event.commissioners.through.objects.bulk_create(
        [
            Event.commissioners.through(event_id=e.pk, organisation_id=ministries[c].pk)
            for e, p in zip(events, plans, strict=True)
            for c in p.commissioners
        ]
        + [
            Event.commissioners.through(event_id=e.pk, organisation_id=p.client.pk)
            for e, p in zip(events, plans, strict=True)
            if p.client is not None
        ]
    )
    EventChange.objects.bulk_create(
        [_change(e, *step) for e, p in zip(events, plans, strict=True) for step in p.history]
    )
    picks = [_choices(p) for p in plans]
    sessions = []
    for e, p, chosen in zip(events, plans, picks, strict=True):
        taken = [0] * len(p.sessions)
        for person in chosen:
            for index in person:
                taken[index] += 1
        sessions.append(
            [
                Session(
                    event=e,
                    title=title,
                    starts_at=begins,
                    ends_at=ends,
                    capacity=None if begins is None else taken[index] + 5,
                    seats_taken=taken[index],
                )
                for index, (title, begins, ends) in enumerate(p.sessions)
            ]
        )
    Session.objects.bulk_create([s for group in sessions for s in group], batch_size=500)
    gemeenten = list(Gemeente.objects.in_year(2020).order_by("code").values_list("name", flat=True)[:120])
    registrations = []
    for e, p in zip(events, plans, strict=True):
        people = _people()
        status = Registration.Status.AANGEMELD if p.cancelled else Registration.Status.AANWEZIG
        for i in range(p.participants):
            _, name = next(people)
            registered_at = p.starts_at - datetime.timedelta(days=40 - i % 30, hours=i % 9, minutes=i % 60)
            registrations.append(
                Registration(
                    event=e,
                    name=name,
                    email=f"deelnemer{i + 1}.evenement{e.pk}@demo.meent.example",
                    organisation_name=f"Gemeente {gemeenten[i % len(gemeenten)]}" if gemeenten else "",
                    status=status,
                    confirmed_at=registered_at + datetime.timedelta(minutes=5),
                    created_at=registered_at,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=1000)
    choices, evaluations, offset = [], [], 0
    for p, group, chosen in zip(plans, sessions, picks, strict=True):
        mine = registrations[offset : offset + p.participants]
        offset += p.participants
        for registration, indexes in zip(mine, chosen, strict=True):
            choices.extend(
                SessionChoice(
                    registration=registration,
                    session=group[index],
                    status=SessionChoice.Status.AANGEMELD,
                    created_at=registration.created_at,
                )
                for index in indexes
            )
        if p.grade and p.responses and not p.cancelled:
            evaluations.extend(_evaluations(mine[: p.responses], p.grade, p.organisation_grade, p.ends_at, rng))
    SessionChoice.objects.bulk_create(choices, batch_size=1000)
    Evaluation.objects.bulk_create(evaluations, batch_size=1000)
    _write_editions(events, plans)


def _write_editions(events: list[Event], plans: list[Plan]) -> None:
    pairs = [(e, p) for e, p in zip(events, plans, strict=True) if p.course is not None]
    editions = Edition.objects.bulk_create(
        [
            Edition(
                course=p.course,
                kind=Edition.Kind.MAATWERK if p.client else Edition.Kind.OPEN,
                client=p.client,
                event=e,
            )
            for e, p in pairs
        ],
        batch_size=500,
    )
    Edition.trainers.through.objects.bulk_create(
        [
            Edition.trainers.through(edition_id=edition.pk, trainer_id=p.trainer.pk)
            for edition, (_e, p) in zip(editions, pairs, strict=True)
            if p.trainer is not None
        ]
    )
    TrainingDay.objects.bulk_create(
        [
            TrainingDay(edition=edition, date=day, format=fmt)
            for edition, (_e, p) in zip(editions, pairs, strict=True)
            for day, fmt in p.days
        ],
        batch_size=1000,
    )


def _change(event: Event, kind: str, changed_at: datetime.datetime, reason: str, value) -> EventChange:
    change = EventChange(event=event, kind=kind, reason=reason, changed_at=changed_at)
    if kind == EventChange.Kind.VERPLAATST:
        change.old_starts_at, change.new_starts_at = value
    elif kind == EventChange.Kind.OMGEZET:
        change.old_format, change.new_format = value
    else:
        change.old_starts_at = event.starts_at
    return change


def _evaluations(registrations, overall: float, organisation: float | None, ends_at, rng) -> list[Evaluation]:
    n = len(registrations)
    aspects = {
        "overall": _grades(n, overall),
        "content": _grades(n, min(overall + 0.2, 9.5)),
        "speakers": _grades(n, max(overall - 0.3, 1)),
        "organisation": _grades(n, organisation or overall),
    }
    comments = [
        "Goed georganiseerd, ondanks alles digitaal.",
        "Interactie in de workshops kan beter.",
        "Sterke sprekers.",
        "",
        "",
        "Graag volgend jaar weer fysiek.",
    ]
    return [
        Evaluation(
            registration=r,
            overall=aspects["overall"][i],
            content=aspects["content"][i],
            speakers=aspects["speakers"][i],
            organisation=aspects["organisation"][i],
            comment=comments[rng.randrange(len(comments))],
            submitted_at=ends_at + datetime.timedelta(days=1, hours=i % 12),
        )
        for i, r in enumerate(registrations)
    ]


CONVERTED = (EventChange.Kind.OMGEZET, at(2020, 4, 2), "corona: geen grote bijeenkomsten", ("fysiek", "digitaal"))
TOPICS = [
    "Omgevingswet",
    "Energietransitie",
    "Schuldhulpverlening",
    "Inburgering",
    "Wonen en zorg",
    "Informatieveiligheid",
    "Participatie",
    "Dienstverlening",
    "Armoedebeleid",
    "Huisvesting statushouders",
    "Klimaatadaptatie",
    "Mobiliteit",
    "Jeugdzorg",
    "Wmo",
    "Arbeidsmarkt",
    "Ondermijning",
    "Digitale inclusie",
    "Openbare orde",
    "Sport en bewegen",
    "Cultuur",
    "Onderwijshuisvesting",
    "Gemeentefinanciën",
    "Raadswerk",
    "Privacy",
    "Data en algoritmen",
    "Circulaire economie",
    "Regionale samenwerking",
    "Bestuurlijke vernieuwing",
    "Laaggeletterdheid",
    "Vergunningverlening",
    "Dak- en thuislozen",
    "Erfgoed",
    "Zorg en veiligheid",
    "Grondbeleid",
]


def _named_congresses() -> list[Plan]:
    """The report's own events, with the participants, programme and grades it gives."""
    return [
        Plan(
            "Congres Aardgasvrije wijken",
            Event.Kind.CONGRES,
            Event.Format.FYSIEK,
            at(2020, 2, 13, 9, 30),
            at(2020, 2, 13, 17),
            2412,
            venue="Beatrixgebouw, Utrecht",
            sessions=_programme(at(2020, 2, 13, 11), 12, 3, minutes=75),
            sessions_per_person=2,
            grade=7.9,
            responses=300,
        ),
        Plan(
            "Voor de Jeugd Dag 2020",
            Event.Kind.CONGRES,
            Event.Format.DIGITAAL,
            at(2020, 10, 1, 9, 30),
            at(2020, 10, 1, 16),
            2300,
            venue="Westergasfabriek, Amsterdam (studio)",
            history=[CONVERTED],
            sessions=_programme(at(2020, 10, 1, 10), 51, 6, minutes=45, floor=True),
            sessions_per_person=3,
            grade=8.2,
            responses=400,
        ),
        Plan(
            "Webinars Cyber",
            Event.Kind.WEBINARREEKS,
            Event.Format.DIGITAAL,
            at(2020, 9, 3, 15),
            at(2020, 11, 12, 16),
            1194,
            sessions=[
                (f"Cyberwebinar {n + 1}", begins, begins + datetime.timedelta(hours=1))
                for n, begins in enumerate(at(2020, 9, 3, 15) + datetime.timedelta(weeks=w) for w in range(11))
            ],
            sessions_per_person=4,
            grade=7.5,
            responses=150,
        ),
        Plan(
            "Dag van de Stad 2020",
            Event.Kind.CONGRES,
            Event.Format.DIGITAAL,
            at(2020, 10, 8, 9, 30),
            at(2020, 10, 8, 16),
            800,
            venue="Rotterdam Ahoy (studio)",
            history=[CONVERTED],
            sessions=_programme(at(2020, 10, 8, 10), 12, 3),
            sessions_per_person=2,
            grade=7.7,
            responses=160,
        ),
        Plan(
            "Juridische 2-daagse",
            Event.Kind.CONGRES,
            Event.Format.DIGITAAL,
            at(2020, 11, 18, 9, 30),
            at(2020, 11, 19, 17),
            321,
            history=[CONVERTED],
            sessions=_programme(at(2020, 11, 18, 10), 15, 3) + _programme(at(2020, 11, 19, 10), 15, 3),
            sessions_per_person=4,
            grade=7.6,
            organisation_grade=8.0,
            responses=90,
        ),
        Plan(
            "Dag van Zorg en Veiligheid",
            Event.Kind.CONGRES,
            Event.Format.DIGITAAL,
            at(2020, 6, 29, 9, 30),
            at(2020, 6, 29, 16),
            1200,
            commissioners=("VWS", "SZW", "JenV"),
            history=[CONVERTED],
            sessions=_programme(at(2020, 6, 29, 10), 24, 4),
            sessions_per_person=2,
            grade=7.8,
            responses=200,
        ),
    ]


def _other_events(rng: random.Random) -> list[Plan]:
    """The rest of the year: 102 more congresses (six on site before the lockdown, one hybrid in September, the rest
    online),
    39 webinars, and 28 congresses cancelled for good — the Jaarcongres and the launch of the new name among them.
    Each has fewer participants than the Juridische 2-daagse, the smallest of the report's top 5."""
    plans = []
    spring = _workdays(datetime.date(2020, 1, 7), datetime.date(2020, 3, 11))
    online = _workdays(datetime.date(2020, 4, 1), datetime.date(2020, 12, 17))
    ministries = ["VWS", "SZW", "JenV", "BZK", None, None, None]
    titles = [f"{prefix} {topic}" for prefix in ("Congres", "Regiodag", "Netwerkdag") for topic in TOPICS]
    for n, title in enumerate(titles):
        if n < 6:
            day, fmt, venue = spring[n * 7], Event.Format.FYSIEK, "Jaarbeurs, Utrecht"
        elif n == 6:
            day, fmt, venue = datetime.date(2020, 9, 17), Event.Format.HYBRIDE, "Nieuwspoort, Den Haag"
        else:
            day, fmt, venue = online[(n * 7) % len(online)], Event.Format.DIGITAAL, ""
        start = at(day.year, day.month, day.day, 9, 30)
        commissioner = ministries[n % len(ministries)]
        plans.append(
            Plan(
                title,
                Event.Kind.CONGRES,
                fmt,
                start,
                start + datetime.timedelta(hours=6),
                rng.randint(40, 290),
                venue=venue,
                commissioners=(commissioner,) if commissioner else (),
                history=[CONVERTED] if fmt == Event.Format.DIGITAAL and day < datetime.date(2020, 7, 1) else [],
                grade=rng.choice([7.1, 7.4, 7.6, 7.9]) if n % 3 == 0 else None,
                responses=20,
            )
        )
    webinar_titles = [f"Webinar {topic}" for topic in TOPICS] + [f"Webinar {t}: vervolg" for t in TOPICS[:5]]
    for n, title in enumerate(webinar_titles):
        day = online[(n * 5 + 2) % len(online)]
        start = at(day.year, day.month, day.day, 14)
        plans.append(
            Plan(
                title,
                Event.Kind.WEBINAR,
                Event.Format.DIGITAAL,
                start,
                start + datetime.timedelta(minutes=90),
                rng.randint(60, 300),
                grade=rng.choice([7.0, 7.3, 7.6]) if n % 4 == 0 else None,
                responses=15,
            )
        )
    plans.append(
        _cancelled_plan("VNG Jaarcongres 2020", at(2020, 6, 9), 2, 640, "Regio West-Friesland", at(2020, 3, 20))
    )
    plans.append(_cancelled_plan("Lancering VNG Connect", at(2020, 3, 26, 16), 0, 150, "Nieuwspoort", at(2020, 3, 12)))
    later = _workdays(datetime.date(2020, 3, 16), datetime.date(2020, 12, 11))
    for n, topic in enumerate(TOPICS[:26]):
        day = later[(n * 7 + 3) % len(later)]
        plans.append(
            _cancelled_plan(
                f"Themadag {topic}",
                at(day.year, day.month, day.day, 10),
                0,
                rng.randint(15, 120),
                "Jaarbeurs, Utrecht",
                at(day.year, day.month, day.day, 10) - datetime.timedelta(days=21),
            )
        )
    return plans


def _cancelled_plan(title, start, extra_days, registered, venue, cancelled_at) -> Plan:
    return Plan(
        title,
        Event.Kind.CONGRES,
        Event.Format.FYSIEK,
        start,
        start + datetime.timedelta(days=extra_days, hours=7),
        registered,
        venue=venue,
        cancelled=True,
        history=[(EventChange.Kind.GEANNULEERD, cancelled_at, "corona: bijeenkomsten verboden", None)],
    )


TRAINERS = [
    ("Drs. M. de Leeuw (fictief)", "Omgevingsrecht"),
    ("J. van Dam MSc (fictief)", "Gemeentefinanciën"),
    ("Mr. S. Bakker (fictief)", "Bestuursrecht"),
    ("Dr. R. Yilmaz (fictief)", "Zorg en veiligheid"),
    ("Ir. P. Janssen (fictief)", "Informatievoorziening"),
    ("Drs. L. Visser (fictief)", "Sociaal domein"),
]
# The report's top 5 trainings (title, days, participants of the edition that tops the list), then the rest of the
# portfolio.
TOP_COURSES = [
    ("Leergang het maken van een Omgevingsplan", 4, 48),
    ("5-daagse MC De Strategische Financial", 5, 44),
    ("Rechtmatigheidsverantwoording", 1, 40),
    ("Wet normalisering rechtspositie ambtenaren (WNRA)", 1, 36),
    ("Wet verplichte ggz (WVGGZ)", 2, 32),
]
OTHER_COURSES = [
    "Basiscursus Omgevingswet",
    "Schrijven voor de raad",
    "Privacy in het sociaal domein",
    "Wet open overheid in de praktijk",
    "Inkopen en aanbesteden",
    "Handhaving van de APV",
    "Bezwaar en beroep",
    "Integriteit in het openbaar bestuur",
    "De gemeentebegroting lezen",
    "Subsidierecht",
    "Informatiebeveiliging en de BIO",
    "Participatiewet voor consulenten",
    "Jeugdwet en gesloten jeugdhulp",
    "Wmo-indicatiestelling",
    "Adviseren aan het college",
]


def _trainings(rng: random.Random) -> list[Plan]:
    """The Academie's 2020: 36 one-day trainings given on site before the lockdown (6 of them moved once), 186
    trainings moved twice and then given — 31 on site in June and July, the rest online from August, the top 5
    among them — and 70 moved twice and then cancelled for good. That is 230 training days (67 on site, 163
    online), 256 trainings moved more than once and 70 cancelled."""
    trainers = [Trainer.objects.get_or_create(name=name, defaults={"expertise": field})[0] for name, field in TRAINERS]
    courses = {}
    for title, days, _participants in TOP_COURSES:
        courses[title] = Course.objects.get_or_create(
            title=title,
            defaults={"days": days, "description": f"{title}: een training van de Academie voor gemeenten."},
        )[0]
    for title in OTHER_COURSES:
        courses[title] = Course.objects.get_or_create(
            title=title, defaults={"days": 1, "description": f"{title}: een training van de Academie voor gemeenten."}
        )[0]
    clients = list(Organisation.objects.filter(gemeente__code__in=["GM0344", "GM0363", "GM0599", "GM0518"]))
    others = [courses[t] for t in OTHER_COURSES]
    plans = []

    def edition(course, days, participants, *, moves=0, cancelled=False, maatwerk=False, final_format=None):
        client = clients[len(plans) % len(clients)] if maatwerk and clients else None
        first, last = days[0][0], days[-1][0]
        start = at(first.year, first.month, first.day, 9, 30)
        history = []
        planned = start
        for move in range(moves):  # from the original spring date, in steps, to the date kept
            old = start - datetime.timedelta(weeks=6 * (moves - move))
            new = start - datetime.timedelta(weeks=6 * (moves - move - 1))
            reason = "corona" if move == 0 else "corona: nog geen bijeenkomsten mogelijk"
            history.append((EventChange.Kind.VERPLAATST, old - datetime.timedelta(days=10), reason, (old, new)))
            planned = new
        formats = {fmt for _day, fmt in days}
        fmt = formats.pop() if len(formats) == 1 else Event.Format.HYBRIDE
        if final_format == Event.Format.DIGITAAL and moves:
            history.append((EventChange.Kind.OMGEZET, at(2020, 7, 15), "vanaf augustus alles online", ("fysiek", fmt)))
        if cancelled:
            history.append(
                (
                    EventChange.Kind.GEANNULEERD,
                    planned - datetime.timedelta(days=14),
                    "corona: opdrachtgever ziet af",
                    None,
                )
            )
        plans.append(
            Plan(
                course.title if client is None else f"{course.title} — {client.name}",
                Event.Kind.CURSUS if len(days) > 1 else Event.Kind.TRAININGSDAG,
                fmt,
                start,
                at(last.year, last.month, last.day, 16, 30),
                participants,
                capacity=max(participants + 4, 20),
                venue="VNG, Nassaulaan 12, Den Haag",
                cancelled=cancelled,
                history=history,
                grade=None if cancelled else rng.choice([7.8, 8.1, 8.4, 8.6]),
                responses=participants // 2,
                course=course,
                client=client,
                trainer=trainers[len(plans) % len(trainers)],
                days=days,
            )
        )

    fysiek, online = Event.Format.FYSIEK, Event.Format.DIGITAAL
    for n, day in enumerate(_workdays(datetime.date(2020, 1, 7), datetime.date(2020, 3, 12))[:36]):
        edition(others[n % len(others)], [(day, fysiek)], rng.randint(8, 25), moves=1 if n % 6 == 5 else 0)
    autumn = _workdays(datetime.date(2020, 9, 7), datetime.date(2020, 12, 18))
    for index, (title, days, participants) in enumerate(TOP_COURSES):
        weekly = [autumn[index * 2 + 5 * week] for week in range(days)]
        edition(courses[title], [(d, online) for d in weekly], participants, moves=2, final_format=online)
    summer = _workdays(datetime.date(2020, 6, 2), datetime.date(2020, 7, 14))
    for n in range(31):
        course = others[n % len(others)]
        edition(course, [(summer[n % len(summer)], fysiek)], rng.randint(8, 25), moves=2, maatwerk=n % 3 == 0)
    later = _workdays(datetime.date(2020, 8, 17), datetime.date(2020, 12, 18))
    all_courses = others + [courses[t] for t, _d, _p in TOP_COURSES]
    for n in range(150):
        course = all_courses[n % len(all_courses)]
        day = later[(n * 3) % len(later)]
        edition(course, [(day, online)], rng.randint(8, 25), moves=2, maatwerk=n % 3 == 0, final_format=online)
    for n in range(70):
        day = later[(n * 5 + 1) % len(later)]
        edition(others[n % len(others)], [(day, online)], rng.randint(5, 15), moves=2, cancelled=True)
    return plans


def _ministries() -> dict[str, Organisation]:
    names = {
        "VWS": "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)",
        "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid (SZW)",
        "JenV": "Ministerie van Justitie en Veiligheid (JenV)",
        "BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)",
        "NCSC": "Nationaal Cyber Security Centrum (NCSC)",
    }
    kinds = {"NCSC": Organisation.Kind.OVERHEID}
    return {
        short: leden.create_organisation(name=name, kind=kinds.get(short, Organisation.Kind.MINISTERIE))
        for short, name in names.items()
    }


def _event(title: str, **fields) -> tuple[Event, bool]:
    existing = Event.objects.filter(title=title).first()
    if existing:
        return existing, False
    commissioners = fields.pop("commissioners", [])
    event = Event.objects.create(title=title, **fields)
    event.commissioners.set(commissioners)
    return event, True


def _trainees() -> None:
    if Cohort.objects.filter(name__startswith="Traineeship").exists():
        return
    # Cohorts and periods give an average of 40 trainees in 2019 and 51 in 2020, and assignments grow from 40 to
    # 51 (27,5 %), the figures of the annual report.
    # (name, start, trainees, end of employment, how many got an assignment in 2020)
    cohorts = [
        ("Traineeship 2018-II", datetime.date(2018, 9, 1), 20, datetime.date(2020, 8, 31), 20),
        ("Traineeship 2019-I", datetime.date(2019, 1, 1), 20, datetime.date(2020, 12, 31), 20),
        ("Traineeship 2020-I", datetime.date(2020, 3, 1), 16, None, 11),
        ("Traineeship 2020-II", datetime.date(2020, 9, 1), 13, None, 0),
    ]
    hosts = list(
        Organisation.objects.filter(gemeente__code__in=["GM0363", "GM0344", "GM0599", "GM0518", "GM0796", "GM0855"])
    )
    hosts.append(leden.create_organisation(name="Vereniging van Gemeenten (demo)", kind=Organisation.Kind.VERENIGING))
    topics = ["Omgevingswet", "Sociaal domein", "Informatieveiligheid", "Dienstverlening", "Energietransitie"]
    people = _people()
    host_cycle = itertools.cycle(hosts)
    for name, start, size, end, assignments_2020 in cohorts:
        cohort = Cohort.objects.create(name=name, start_date=start)
        for index in range(size):
            n, full_name = next(people)
            first, last = full_name.split(" ", 1)
            trainee = Trainee.objects.create(
                first_name=first, last_name=last, email=f"trainee{n}@demo.meent.example", cohort=cohort
            )
            Employment.objects.create(trainee=trainee, start_date=start, end_date=end)
            if start.year < 2020:
                Assignment.objects.create(
                    trainee=trainee,
                    organisation=next(host_cycle),
                    title=f"{topics[n % len(topics)]}: verkenning",
                    start_date=datetime.date(2019, 1, 1) if start.year == 2019 else datetime.date(2019, 2, 1),
                    end_date=datetime.date(2019, 12, 31),
                )
            if index < assignments_2020:
                Assignment.objects.create(
                    trainee=trainee,
                    organisation=next(host_cycle),
                    title=f"{topics[(n + 1) % len(topics)]}: uitvoering",
                    start_date=max(start, datetime.date(2020, 1, 6)),
                    end_date=end,
                )


def _upcoming() -> None:
    """Events ahead of today, so a visitor can register, cancel and see the waiting list at work."""
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    plans = [
        ("Webinar Digitale weerbaarheid voor raadsleden", Event.Kind.WEBINAR, "digitaal", 21, 150, 0),
        ("Trainingsdag Participatie in de Omgevingswet", Event.Kind.TRAININGSDAG, "fysiek", 35, 12, 12),
        ("Congres Samen sterk in het sociaal domein", Event.Kind.CONGRES, "hybride", 60, 300, 120),
    ]
    for title, kind, fmt, days, capacity, taken in plans:
        start = (now + datetime.timedelta(days=days)).replace(hour=10)
        event, created = _event(
            title,
            kind=kind,
            format=fmt,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=6),
            venue="" if fmt == "digitaal" else "Jaarbeurs, Utrecht",
            stream_url="" if fmt == "fysiek" else "https://stream.demo.meent.example/live",
            capacity=capacity,
            description="Een voorbeeldevenement in de demo. Meld u gerust aan: mails verschijnen in de console.",
        )
        if created and fmt == "hybride":
            Session.objects.create(event=event, title="Workshop Schuldhulpverlening", capacity=25)
            Session.objects.create(event=event, title="Workshop Jeugdzorg", capacity=25)
        if created and taken:
            _seat(event, taken)


def _seat(event: Event, count: int) -> None:
    """``count`` fictitious registrations holding a seat, so the waiting list is close."""
    people = _people()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                name=next(people)[1],
                email=f"deelnemer{i + 1}.evenement{event.pk}@demo.meent.example",
                status=Registration.Status.AANGEMELD,
                confirmed_at=timezone.now(),
            )
            for i in range(count)
        ]
    )
    Event.objects.filter(pk=event.pk).update(seats_taken=count)


def _programme_2020(ministries: dict[str, Organisation]) -> None:
    if Event.objects.filter(title="Dag van Zorg en Veiligheid").exists():
        return
    rng = random.Random(SEED)
    _write(_named_congresses() + _other_events(rng) + _trainings(rng), ministries)


CYBER_EXERCISE = "Overheidsbrede cyberoefening 2020"


def _cyber_exercise(ministries: dict[str, Organisation]) -> None:
    """The cyber programme's one government-wide exercise of 2020, next to the 11 Webinars Cyber: gemeenten
    practising a cyber crisis together with the NCSC. Its own step, so a demo loaded before it existed gets it too;
    without evaluations, so the year's average grades stay those of the report."""
    if Event.objects.filter(title=CYBER_EXERCISE).exists():
        return
    plan = Plan(
        CYBER_EXERCISE,
        Event.Kind.OEFENING,
        Event.Format.DIGITAAL,
        at(2020, 11, 26, 9),
        at(2020, 11, 26, 17),
        240,
        commissioners=("NCSC",),
    )
    _write([plan], ministries)


@transaction.atomic
def load_demo() -> None:
    ministries = _ministries()
    _programme_2020(ministries)
    _cyber_exercise(ministries)
    _trainees()
    _upcoming()
