"""Demo data of Naleving: the 2020 noodopvang campaign. On Monday 16 March 2020 schools and childcare closed; the
association asked every gemeente of the 2020 division (355) for its coordinator noodopvang. The demo gives each
a fictitious coordinator, answering on a two-day curve (most on the first working day, the last after 46 hours),
with a reminder round the next morning for those still missing; and the routekaart zorgfraude in progress. Loading
twice duplicates nothing. And 100 Global Goals gemeenten at the end of 2020."""

import datetime
import random
import unicodedata
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from meent.leden.models import Gemeente, Membership
from meent.naleving import programmes, services
from meent.naleving.models import Campaign, Decision, Delivery, Field, GlobalGoalsMember, Programme, Target

AMS = ZoneInfo("Europe/Amsterdam")
SENT = datetime.datetime(2020, 3, 16, 9, 0, tzinfo=AMS)
LAST_ANSWER_HOURS = 45.6  # the 355th coordinator came in between 45 and 46 hours after sending
REMINDER_AT = SENT + datetime.timedelta(hours=24)
TITLE = "Coördinator noodopvang (maart 2020)"
FIRST = [
    "Anouk",
    "Bram",
    "Charlotte",
    "Daan",
    "Esra",
    "Femke",
    "Gijs",
    "Hanna",
    "Imran",
    "Joost",
    "Karin",
    "Lars",
    "Mila",
    "Nadia",
    "Olaf",
    "Petra",
    "Quinten",
    "Rosa",
    "Sven",
    "Tess",
    "Umar",
    "Vera",
    "Willem",
    "Yara",
]
LAST = [
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Çelik",
    "Jansen",
    "El Idrissi",
    "Hoekstra",
]
FIELDS = [
    ("naam", "Naam", Field.Kind.TEXT, Field.Purpose.NAME, {}),
    ("functie", "Functie", Field.Kind.TEXT, "", {}),
    ("email", "E-mailadres", Field.Kind.EMAIL, Field.Purpose.EMAIL, {}),
    ("telefoon", "Telefoonnummer", Field.Kind.PHONE, Field.Purpose.PHONE, {}),
    ("bereikbaar", "Bereikbaarheid", Field.Kind.CHOICE, "", {"choices": "kantooruren\n7 dagen per week\n24/7"}),
    ("plaatsen", "Plaatsen noodopvang", Field.Kind.NUMBER, "", {"min_value": 0, "max_value": 10000, "required": False}),
]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def answer_hours(count: int) -> list[float]:
    """Hours after sending of each first answer: fast on the first day, a slow night, the rest the next day."""
    rng = random.Random(2020)
    hours = sorted(LAST_ANSWER_HOURS * ((i + 1) / count) ** 2.4 + rng.uniform(-0.3, 0.3) for i in range(count))
    hours = [min(max(h, 0.2), LAST_ANSWER_HOURS) for h in hours]
    hours[-1] = LAST_ANSWER_HOURS
    return hours


def load_demo() -> None:
    load_campaign()
    load_roadmap()
    load_global_goals()
    load_programme()


GLOBAL_GOALS_2020 = 100
# Two that merged into Eemsdelta on 1 January 2021: the successor carries one membership from the older date.
GLOBAL_GOALS_MERGED = ["GM0003", "GM0010"]


@transaction.atomic
def load_global_goals() -> None:
    """100 Global Goals gemeenten at the end of 2020, joined between 2017 and 2020 (a fictitious selection of
    real gemeenten of the 2020 division)."""
    if GlobalGoalsMember.objects.exists():
        return
    division = list(Gemeente.objects.municipalities().in_year(2020).order_by("code"))
    chosen = [g for g in division if g.code in GLOBAL_GOALS_MERGED]
    rng = random.Random(2030)
    chosen += rng.sample([g for g in division if g not in chosen], GLOBAL_GOALS_2020 - len(chosen))
    start, days = datetime.date(2017, 1, 1), (datetime.date(2020, 12, 31) - datetime.date(2017, 1, 1)).days
    GlobalGoalsMember.objects.bulk_create(
        GlobalGoalsMember(gemeente=g, joined=start + datetime.timedelta(days=rng.randint(0, days))) for g in chosen
    )


@transaction.atomic
def load_campaign() -> None:
    if Campaign.objects.filter(title=TITLE).exists():
        return
    campaign = Campaign.objects.create(
        title=TITLE,
        question="Scholen en kinderopvang zijn dicht. Wilt u binnen twee dagen de coördinator noodopvang van uw "
        "gemeente doorgeven? Het Rijk en de vereniging bellen deze persoon voor de noodopvang van kinderen van "
        "ouders in cruciale beroepen.",
        target_kind=Campaign.TargetKind.DIVISION,
        division_year=2020,
        fallback_email="naleving@vereniging.example",
        answer_role=Membership.Role.COORDINATOR,
        answer_role_label="coördinator noodopvang",
        deadline=SENT + datetime.timedelta(hours=48),
        grace_days=2,
        sent_at=SENT,
    )
    for order, (key, label, kind, purpose, extra) in enumerate(FIELDS):
        Field.objects.create(campaign=campaign, key=key, label=label, kind=kind, purpose=purpose, order=order, **extra)
    gemeenten = list(services.target_gemeenten(campaign))
    targets = Target.unscoped.bulk_create(Target(campaign=campaign, gemeente=g) for g in gemeenten)
    rng = random.Random(355)
    order = list(range(len(targets)))
    rng.shuffle(order)
    hours = answer_hours(len(targets))
    deliveries = []
    for position, index in enumerate(order):
        target = targets[index]
        addresses = services.recipients_for(target.gemeente, campaign.recipient_role) or [
            (campaign.fallback_email, True)
        ]
        answered = SENT + datetime.timedelta(hours=hours[position])
        for email, fallback in addresses:
            deliveries.append(_sent(target, Delivery.Kind.INVITATION, email, fallback, SENT))
            if answered > REMINDER_AT:
                deliveries.append(_sent(target, Delivery.Kind.REMINDER, email, fallback, REMINDER_AT))
        if answered > REMINDER_AT:
            target.reminders, target.last_reminded_at = 1, REMINDER_AT
            target.save(update_fields=["reminders", "last_reminded_at"])
        target.opened_at = answered - datetime.timedelta(minutes=rng.randint(3, 40))
        target.save(update_fields=["opened_at"])
        services.submit_answer(target, _answer(target.gemeente, rng), now=answered)
    Delivery.unscoped.bulk_create(deliveries)


def _sent(target: Target, kind: str, email: str, fallback: bool, at: datetime.datetime) -> Delivery:
    return Delivery(
        target=target,
        kind=kind,
        email=email,
        is_fallback=fallback,
        status=Delivery.Status.SENT,
        attempts=1,
        queued_at=at,
        sent_at=at + datetime.timedelta(seconds=30),
    )


def _answer(gemeente: Gemeente, rng: random.Random) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    domain = slugify(_ascii(gemeente.name)) or gemeente.code.lower()
    local = slugify(_ascii(f"{first[0]} {last}")).replace("-", ".")
    return {
        "naam": f"{first} {last}",
        "functie": rng.choice(
            ["Teamleider onderwijs", "Beleidsadviseur jeugd", "Coördinator OOV", "Manager sociaal domein"]
        ),
        "email": f"{local}@{domain}.gemeente.example",
        "telefoon": f"06{rng.randint(1, 5)}{rng.randint(1000000, 9999999)}",
        "bereikbaar": rng.choice(["kantooruren", "7 dagen per week", "24/7"]),
        "plaatsen": str(rng.randint(10, 400)),
    }


ROADMAP_TITLE = "Routekaart aanpak zorgfraude"
ROADMAP_STEPS = [
    ("Bestuurlijk commitment", "Leg de aanpak van zorgfraude vast in het college en wijs een portefeuillehouder aan."),
    ("Risicoanalyse", "Breng in kaart waar de risico's liggen: Wmo, Jeugdwet, pgb en zorg in natura."),
    ("Contractering", "Neem controle- en informatiebepalingen op in de contracten met zorgaanbieders."),
    ("Signalen en meldpunt", "Richt een meldpunt in en spreek af hoe signalen worden gewogen en gedeeld."),
    ("Samenwerking", "Werk samen met zorgkantoor, Inspectie, Informatieknooppunt Zorgfraude en OM."),
    ("Toezicht en handhaving", "Houd toezicht op rechtmatigheid en kwaliteit en handhaaf waar nodig."),
]


@transaction.atomic
def load_roadmap() -> None:
    """The roadmap in progress: most gemeenten committed in 2020, fewer got further, in the order of the steps."""
    from meent.naleving.models import Progress, Roadmap, Step

    roadmap, created = Roadmap.objects.get_or_create(
        title=ROADMAP_TITLE,
        defaults={
            "division_year": 2020,
            "description": "Zes stappen die gemeenten helpen zorgfraude te voorkomen en aan te pakken.",
        },
    )
    if not created:
        return
    steps = [
        Step.objects.create(roadmap=roadmap, number=n, title=title, guidance=guidance)
        for n, (title, guidance) in enumerate(ROADMAP_STEPS, start=1)
    ]
    rng = random.Random(6)
    start = datetime.date(2020, 1, 15)
    progress = []
    for gemeente in Gemeente.objects.in_year(2020).municipalities():
        reached = min(len(steps), int(rng.betavariate(2, 2.5) * (len(steps) + 1)))
        day = start
        for index, step in enumerate(steps):
            if index < reached:
                day += datetime.timedelta(days=rng.randint(20, 120))
                status = Progress.Status.DONE
            elif index == reached:
                status = Progress.Status.BUSY
            else:
                break
            progress.append(
                Progress(step=step, gemeente=gemeente, status=status, date=min(day, datetime.date(2021, 12, 31)))
            )
    Progress.unscoped.bulk_create(progress)


PROGRAMME = "Bescherming arbeidsmigranten"
# Fictitious administrators of gemeenten where many labour migrants work and live.
BOARD = [
    ("GM0758", "Marloes", "Hendriks", "wethouder"),
    ("GM0599", "Ahmed", "El Amrani", "wethouder"),
    ("GM1783", "Ingrid", "van Dalen", "wethouder"),
    ("GM0983", "Jeroen", "Kuipers", "burgemeester"),
    ("GM0193", "Sanne", "Veldman", "wethouder"),
    ("GM0268", "Pieter", "Schouten", "burgemeester"),
    ("GM0855", "Fatima", "Ouali", "wethouder"),
    ("GM1621", "Ruud", "Brouwer", "wethouder"),
]
MEETINGS = [
    (
        datetime.date(2021, 3, 11),
        "1. Kennismaking\n2. Aanbevelingen Aanjaagteam Bescherming Arbeidsmigranten\n3. Werkplan 2021",
        "De klankbordgroep onderschrijft het werkplan en vraagt aandacht voor huisvesting en registratie.",
        [
            ("Werkplan 2021 vastgesteld", Decision.Status.DONE),
            ("Handreiking huisvesting arbeidsmigranten opstellen", Decision.Status.IN_PROGRESS),
        ],
    ),
    (
        datetime.date(2021, 6, 24),
        "1. Stand van zaken handreiking huisvesting\n2. Registratie in de BRP (RNI)\n3. Rondvraag",
        "Eerste versie van de handreiking besproken; gemeenten delen voorbeelden van registratie bij aankomst.",
        [
            ("Voorbeelden registratie bij aankomst bundelen", Decision.Status.OPEN),
            ("Brief aan het ministerie over handhaving huisvesting", Decision.Status.DONE),
        ],
    ),
]


@transaction.atomic
def load_programme() -> None:
    """The programme Bescherming arbeidsmigranten (from 2021) with its sounding board, two meetings and decisions."""
    if Programme.objects.filter(title=PROGRAMME).exists():
        return
    programme = programmes.create_programme(
        title=PROGRAMME,
        start=datetime.date(2021, 1, 1),
        description="Naleving coördineert met gemeenten het plan voor de bescherming van arbeidsmigranten: "
        "huisvesting, registratie en handhaving.",
        by=None,
    )
    for code, first, last, function in BOARD:
        email = f"{slugify(first)}.{slugify(last)}@gemeente.example"
        programmes.add_board_member(
            programme,
            gemeente=Gemeente.objects.get(code=code),
            first_name=first,
            last_name=last,
            email=email,
            function=function,
            since=datetime.date(2021, 2, 1),
        )
    for date, agenda, minutes, decisions in MEETINGS:
        meeting = programmes.add_meeting(programme, date=date, agenda=agenda, minutes=minutes)
        for text, status in decisions:
            programmes.add_decision(meeting, text=text, status=status)
