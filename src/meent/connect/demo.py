"""Demo data for Connect: the 2020 programme as the annual report tells it — congresses moved online overnight,
the Jaarcongres cancelled, trainings moved again and again, the trainee pool growing — plus a few upcoming events
to register for. Event names and commissioning ministries follow the report; every participant, trainee and
trainer is fictitious (names generated from a fixed list, addresses under demo.meent.example). Registrations are
written in bulk, without mail, since the demo should not send thousands of messages."""

import datetime
import itertools
import random
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from meent.connect import services
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


def _registrations(event: Event, count: int, *, attended: bool, sessions: list[Session] = ()) -> list[Registration]:
    people = _people()
    gemeenten = list(Gemeente.objects.in_year(2020).order_by("code").values_list("name", flat=True)[:120])
    rows = []
    per_session = {s.pk: 0 for s in sessions}
    chosen: list[Session | None] = []
    for i in range(count):
        _, name = next(people)
        session = None
        if sessions:
            candidate = sessions[i % len(sessions)]
            if candidate.capacity is None or per_session[candidate.pk] < candidate.capacity:
                session = candidate
                per_session[candidate.pk] += 1
        chosen.append(session)
        registered_at = event.starts_at - datetime.timedelta(days=30 - i % 25, hours=i % 9)
        rows.append(
            Registration(
                event=event,
                name=name,
                email=f"deelnemer{i + 1}.evenement{event.pk}@demo.meent.example",
                organisation_name=f"Gemeente {gemeenten[i % len(gemeenten)]}" if gemeenten else "",
                status=Registration.Status.AANWEZIG if attended else Registration.Status.AANGEMELD,
                confirmed_at=registered_at + datetime.timedelta(minutes=5),
                created_at=registered_at,
            )
        )
    Registration.objects.bulk_create(rows, batch_size=500)
    SessionChoice.objects.bulk_create(
        [
            SessionChoice(registration=r, session=s, status=SessionChoice.Status.AANGEMELD, created_at=r.created_at)
            for r, s in zip(rows, chosen, strict=True)
            if s is not None
        ],
        batch_size=500,
    )
    Event.objects.filter(pk=event.pk).update(seats_taken=count)
    for session in sessions:
        Session.objects.filter(pk=session.pk).update(seats_taken=per_session[session.pk])
    return list(event.registrations.order_by("pk"))


def _evaluations(registrations: list[Registration], n: int, overall: float, organisation: float | None = None) -> None:
    chosen = registrations[:n]
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
    Evaluation.objects.bulk_create(
        [
            Evaluation(
                registration=r,
                overall=aspects["overall"][i],
                content=aspects["content"][i],
                speakers=aspects["speakers"][i],
                organisation=aspects["organisation"][i],
                comment=comments[i % len(comments)],
                submitted_at=r.event.ends_at + datetime.timedelta(days=1, hours=i % 12),
            )
            for i, r in enumerate(chosen)
        ],
        batch_size=500,
    )


def _history(event: Event, *steps: tuple) -> None:
    """Write past moves, conversions and cancellations directly: they happened in 2020 and were mailed then."""
    for kind, changed_at, reason, value in steps:
        change = EventChange(event=event, kind=kind, reason=reason, changed_at=changed_at)
        if kind == EventChange.Kind.VERPLAATST:
            change.old_starts_at, change.new_starts_at = value
        elif kind == EventChange.Kind.OMGEZET:
            change.old_format, change.new_format = value
        else:
            change.old_starts_at = event.starts_at
        change.save()


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


CONGRESSES = [
    # title, start, end, format (final), converted from, capacity, participants, grade, organisation grade,
    # commissioners, sessions, venue
    (
        "Congres Aardgasvrije wijken",
        at(2020, 2, 13),
        at(2020, 2, 13, 17),
        "fysiek",
        None,
        1600,
        1540,
        7.9,
        None,
        ["BZK"],
        6,
        "Beatrixgebouw, Utrecht",
    ),
    (
        "Voor de Jeugd Dag 2020",
        at(2020, 10, 1),
        at(2020, 10, 1, 16),
        "digitaal",
        "fysiek",
        2500,
        2300,
        8.2,
        None,
        ["VWS", "JenV"],
        8,
        "Westergasfabriek, Amsterdam",
    ),
    (
        "Dag van de Stad 2020",
        at(2020, 10, 8),
        at(2020, 10, 8, 16),
        "digitaal",
        "fysiek",
        1000,
        800,
        7.7,
        None,
        ["BZK"],
        4,
        "Rotterdam Ahoy",
    ),
    (
        "Dag van Zorg en Veiligheid",
        at(2020, 6, 29),
        at(2020, 6, 29, 16),
        "digitaal",
        "fysiek",
        1500,
        1200,
        7.8,
        None,
        ["VWS", "SZW", "JenV"],
        6,
        "Jaarbeurs, Utrecht",
    ),
    (
        "Juridische 2-daagse",
        at(2020, 11, 18),
        at(2020, 11, 19, 17),
        "digitaal",
        "fysiek",
        400,
        321,
        7.6,
        8.0,
        ["JenV"],
        6,
        "De Doelen, Rotterdam",
    ),
]


def _congresses(ministries: dict[str, Organisation]) -> None:
    for (
        title,
        start,
        end,
        fmt,
        converted_from,
        capacity,
        participants,
        grade,
        organisation_grade,
        commissioners,
        session_count,
        venue,
    ) in CONGRESSES:
        event, created = _event(
            title,
            description="",
            kind=Event.Kind.CONGRES,
            format=fmt,
            starts_at=start,
            ends_at=end,
            venue=venue,
            stream_url=f"https://stream.demo.meent.example/{slugify(title)}" if fmt != "fysiek" else "",
            capacity=capacity,
            commissioners=[ministries[c] for c in commissioners],
            evaluation_invited_at=end + datetime.timedelta(days=1),
        )
        if not created:
            continue
        sessions = [
            Session.objects.create(
                event=event,
                title=("Digitale beursvloer" if i == 0 else f"Workshop {i}"),
                starts_at=start + datetime.timedelta(hours=1 + i % 5),
                capacity=None if i == 0 else max(participants // session_count, 20),
            )
            for i in range(session_count)
        ]
        if converted_from:
            _history(event, (EventChange.Kind.OMGEZET, at(2020, 4, 2), "corona", (converted_from, fmt)))
        registrations = _registrations(event, participants, attended=True, sessions=sessions)
        _evaluations(registrations, max(participants // 8, 20), grade, organisation_grade)


def _cancelled(ministries: dict[str, Organisation]) -> None:
    jaarcongres, created = _event(
        "VNG Jaarcongres 2020",
        kind=Event.Kind.CONGRES,
        format=Event.Format.FYSIEK,
        status=Event.Status.GEANNULEERD,
        starts_at=at(2020, 6, 9),
        ends_at=at(2020, 6, 10, 17),
        venue="Regio West-Friesland",
        capacity=2500,
    )
    if created:
        _registrations(jaarcongres, 640, attended=False)
        _history(jaarcongres, (EventChange.Kind.GEANNULEERD, at(2020, 3, 20), "corona: bijeenkomsten verboden", None))
    launch, created = _event(
        "Lancering VNG Connect",
        kind=Event.Kind.CONGRES,
        format=Event.Format.FYSIEK,
        status=Event.Status.GEANNULEERD,
        starts_at=at(2020, 3, 26, 16),
        ends_at=at(2020, 3, 26, 19),
        venue="Nieuwspoort, Den Haag",
        capacity=200,
    )
    if created:
        _registrations(launch, 150, attended=False)
        _history(launch, (EventChange.Kind.GEANNULEERD, at(2020, 3, 12), "corona", None))


WEBINARS = [
    ("Webinars Cyber", Event.Kind.WEBINARREEKS, at(2020, 9, 3, 15), 1300, 1194, 7.5, ["NCSC"]),
    ("Webinar Wet inburgering: stand van zaken", Event.Kind.WEBINAR, at(2020, 5, 14, 10), 400, 312, 7.4, ["SZW"]),
    ("Webinar Thuiswerken en informatiebeveiliging", Event.Kind.WEBINAR, at(2020, 4, 16, 14), 600, 544, 7.2, []),
    ("Webinar Coronamaatregelen en handhaving", Event.Kind.WEBINAR, at(2020, 4, 7, 11), 800, 763, 7.0, ["JenV"]),
    ("Webinar Omgevingswet: het omgevingsplan", Event.Kind.WEBINAR, at(2020, 11, 24, 13), 500, 431, 7.9, ["BZK"]),
]


def _webinars(ministries: dict[str, Organisation]) -> None:
    for title, kind, start, capacity, participants, grade, commissioners in WEBINARS:
        event, created = _event(
            title,
            kind=kind,
            format=Event.Format.DIGITAAL,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1, minutes=30),
            stream_url="https://stream.demo.meent.example/webinar",
            capacity=capacity,
            commissioners=[ministries[c] for c in commissioners],
            evaluation_invited_at=start + datetime.timedelta(days=1),
        )
        if created:
            registrations = _registrations(event, participants, attended=True)
            _evaluations(registrations, max(participants // 10, 10), grade)


TRAINERS = [
    ("Drs. M. de Leeuw (fictief)", "Omgevingsrecht"),
    ("J. van Dam MSc (fictief)", "Gemeentefinanciën"),
    ("Mr. S. Bakker (fictief)", "Bestuursrecht"),
    ("Dr. R. Yilmaz (fictief)", "Zorg en veiligheid"),
]
COURSES = [
    ("Leergang het maken van een Omgevingsplan", 4, 0),
    ("5-daagse MC De Strategische Financial", 5, 1),
    ("Rechtmatigheidsverantwoording", 1, 1),
    ("Wet normalisering rechtspositie ambtenaren (WNRA)", 1, 2),
    ("Wet verplichte ggz (WVGGZ)", 2, 3),
]


def _academie() -> None:
    trainers = [Trainer.objects.get_or_create(name=name, defaults={"expertise": field})[0] for name, field in TRAINERS]
    clients = list(Organisation.objects.filter(gemeente__code__in=["GM0344", "GM0363", "GM0599", "GM0518"]))
    rng = random.Random(2020)  # a fixed seed: the same demo on every machine
    for title, days, trainer_index in COURSES:
        course, created = Course.objects.get_or_create(title=title, defaults={"days": days})
        if not created:
            continue
        course.description = f"{title}: een training van de Academie voor gemeenteprofessionals."
        course.save(update_fields=["description"])
        # Editions 0-3 were planned for the spring: 0 went ahead on site, 1 and 2 were moved and given online,
        # 3 was cancelled. Editions 4 and 5 were planned online for the autumn from the start.
        for number in range(6):
            if number < 4:
                planned = datetime.date(2020, 3, 16) + datetime.timedelta(weeks=3 * number + trainer_index)
            else:
                planned = datetime.date(2020, 9, 7) + datetime.timedelta(weeks=4 * (number - 4) + trainer_index)
            client = clients[number % len(clients)] if number % 2 else None
            day_format = "digitaal" if number >= 4 else "fysiek"
            edition = services.create_edition(
                course=course,
                kind=Edition.Kind.MAATWERK if client else Edition.Kind.OPEN,
                client=client,
                capacity=20,
                venue="VNG, Nassaulaan 12, Den Haag",
                stream_url="https://stream.demo.meent.example/academie",
                trainers=[trainers[trainer_index]],
                days=[services.DayPlan(planned + datetime.timedelta(days=7 * d), day_format) for d in range(days)],
            )
            event = edition.event
            if number == 3:  # the spring's last edition never happened
                Event.objects.filter(pk=event.pk).update(status=Event.Status.GEANNULEERD)
                _history(event, (EventChange.Kind.GEANNULEERD, at(2020, 5, 1), "corona: opdrachtgever ziet af", None))
                continue
            if number in (1, 2):  # moved in April, edition 2 again in June; both then given online
                moves = number
                start = event.starts_at
                for move in range(moves):
                    new_start = start + datetime.timedelta(weeks=8 if move == 0 else 12)
                    _history(
                        event,
                        (EventChange.Kind.VERPLAATST, at(2020, 4 + 2 * move, 2), "corona", (start, new_start)),
                    )
                    start = new_start
                shift = start - event.starts_at
                Event.objects.filter(pk=event.pk).update(starts_at=start, ends_at=event.ends_at + shift)
                for day in TrainingDay.objects.filter(edition=edition).order_by("-date"):
                    day.date += datetime.timedelta(days=shift.days)
                    day.save(update_fields=["date"])
                event.refresh_from_db()
            if number in (1, 2):
                TrainingDay.objects.filter(edition=edition).update(format="digitaal")
                Event.objects.filter(pk=event.pk).update(format=Event.Format.DIGITAAL)
                _history(
                    event,
                    (EventChange.Kind.OMGEZET, at(2020, 7, 15), "vanaf augustus alles online", ("fysiek", "digitaal")),
                )
                event.refresh_from_db()
            Event.objects.filter(pk=event.pk).update(evaluation_invited_at=event.ends_at + datetime.timedelta(days=1))
            registrations = _registrations(event, rng.randint(12, 20), attended=True)
            _evaluations(registrations, len(registrations) // 2, rng.choice([7.8, 8.1, 8.4, 8.6]))


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
            _registrations(event, taken, attended=False)


@transaction.atomic
def load_demo() -> None:
    ministries = _ministries()
    _congresses(ministries)
    _cancelled(ministries)
    _webinars(ministries)
    _academie()
    _trainees()
    _upcoming()
