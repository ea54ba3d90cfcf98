"""Demo data of the incident desk: 175 fictitious incidents reported in 2020 by many gemeenten (Utrecht among
them, so ``utrecht-iso`` sees its own), the one response-network deployment of that year (Hof van Twente,
December), a pool of experts, advisories with acknowledgements, and a few open incidents of this week so the
analysts' queue shows its service levels. Every person, address, domain and hash is made up; addresses and
domains come from the documentation ranges (RFC 5737, ``.example``). Loading twice duplicates nothing."""

import datetime
import random
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from meent.core import business_hours
from meent.core.roles import Role
from meent.leden.models import Account, Gemeente, Person
from meent.realisatie.ibd import services, sla
from meent.realisatie.ibd.models import (
    TLP,
    Advisory,
    Category,
    CorrelationExclusion,
    Expert,
    Impact,
    Incident,
    RequestType,
    Severity,
    Status,
    TimelineEntry,
)
from meent.realisatie.ibd.observables import extract

AMS = ZoneInfo("Europe/Amsterdam")
YEAR = 2020
TOTAL = 175
HOF_VAN_TWENTE = "GM1735"
UTRECHT = "GM0344"

# (category, title, description) — the description names the fictitious indicators the analyst is offered.
STORIES = {
    Category.PHISHING: [
        (
            "Phishingmail uit naam van de salarisadministratie",
            "Medewerkers ontvingen mail van {email} met een link naar "
            "{url}. Twee medewerkers hebben hun wachtwoord ingevuld.",
        ),
        (
            "Nepfactuur met kwaadaardige bijlage",
            "Een factuur van {email} bevatte een macrodocument (hash {hash}); het document maakte verbinding met {ip}.",
        ),
    ],
    Category.RANSOMWARE: [
        (
            "Versleutelde bestanden op een afdelingsschijf",
            "Op een netwerkschijf zijn bestanden versleuteld; een "
            "losgeldbrief verwijst naar {domain}. Verkeer naar {ip} gezien.",
        ),
    ],
    Category.DATALEK: [
        (
            "Persoonsgegevens per abuis gemaild",
            "Een overzicht met gegevens van inwoners is naar een verkeerd adres "
            "gestuurd ({email}). Melding bij de AP wordt overwogen.",
        ),
        ("Open gedeelde map met dossiers", "Een gedeelde map bleek via {url} zonder inloggen bereikbaar."),
    ],
    Category.DDOS: [
        (
            "Website onbereikbaar door overbelasting",
            "De website en het digitale loket waren een uur onbereikbaar; veel verkeer vanaf {ip}.",
        ),
    ],
    Category.ACCOUNT: [
        (
            "Overgenomen mailaccount verstuurt spam",
            "Een mailaccount verstuurde spam naar contacten; inloggen vanaf "
            "{ip}. Doorstuurregel naar {email} aangetroffen.",
        ),
    ],
    Category.KWETSBAARHEID: [
        (
            "Kwetsbare VPN-server",
            "De leverancier meldt dat onze VPN-server kwetsbaar is voor {cve}; scans vanaf {ip} gezien.",
        ),
        (
            "Verouderde versie van het zaaksysteem",
            "Het zaaksysteem draait een versie met {cve}. Vraag om advies over de prioriteit.",
        ),
    ],
    Category.APPARAAT: [
        (
            "Laptop van een wethouder gestolen",
            "Uit een auto is een laptop gestolen; de schijf is versleuteld. Vraag of wissen op afstand nodig is.",
        ),
    ],
    Category.OVERIG: [
        (
            "Verdachte telefoontjes naar de servicedesk",
            "Een beller deed zich voor als leverancier en vroeg om wachtwoorden; terugbelnummer leidt naar {domain}.",
        ),
    ],
}
CATEGORY_WEIGHTS = {
    Category.PHISHING: 34,
    Category.ACCOUNT: 14,
    Category.DATALEK: 16,
    Category.KWETSBAARHEID: 14,
    Category.RANSOMWARE: 5,
    Category.DDOS: 6,
    Category.APPARAAT: 6,
    Category.OVERIG: 5,
}
REQUEST_WEIGHTS = {
    RequestType.HULPVRAAG: 45,
    RequestType.ONDERSTEUNINGSVRAAG: 25,
    RequestType.COORDINATIEVRAAG: 15,
    RequestType.MELDING: 15,
}
TLP_WEIGHTS = {TLP.GREEN: 10, TLP.AMBER: 75, TLP.AMBER_STRICT: 12, TLP.RED: 3}
EXPERTS = [
    ("Bram", "Bosman", "GM0153", "forensisch onderzoek, ransomware"),
    ("Carla", "Claassen", "GM0599", "netwerkbeheer, herstel"),
    ("Dirk", "Dekker", "GM0518", "crisiscommunicatie"),
    ("Esra", "Erdem", "GM0363", "Active Directory, herstel"),
    ("Gijs", "Groen", "GM0014", "forensisch onderzoek, logging"),
    ("Hanna", "Hoekstra", "GM0080", "privacy, datalekken"),
    ("Ivo", "IJzerman", "GM0202", "werkplekbeheer, herstel"),
    ("Jet", "Jonker", "GM0772", "ransomware, back-ups"),
]
ADVISORIES = [
    ("Kritieke kwetsbaarheid in Netlogon (Zerologon)", "Domeincontrollers", Severity.KRITIEK, 9, 15),
    ("Kwetsbaarheid in VPN-appliances", "VPN-appliance (voorbeeldleverancier) 9.x", Severity.HOOG, 1, 20),
    ("Phishingcampagne uit naam van de Belastingdienst", "E-mail", Severity.MIDDEL, 3, 10),
    ("Beveiligingsupdates voor kantoorsoftware", "Kantoorpakket 2016\nKantoorpakket 2019", Severity.HOOG, 4, 14),
    ("Misbruik van thuiswerkvoorzieningen", "Remote desktop gateways", Severity.HOOG, 3, 24),
    ("Kwetsbaarheid in webservers", "Webserver 2.4.x", Severity.MIDDEL, 6, 2),
    ("Ransomware via gekaapte leveranciersaccounts", "Beheertools van leveranciers", Severity.KRITIEK, 11, 12),
    ("Kwetsbaarheid in mailservers", "Mailserver 2013\nMailserver 2016", Severity.KRITIEK, 12, 3),
]


def _fill(template: str, rng: random.Random, n: int) -> str:
    return template.format(
        email=f"{rng.choice(['factuur', 'salaris', 'helpdesk', 'noreply'])}@{rng.choice(['betaal', 'loon', 'portaal'])}"
        f"-{n % 17}.example",
        url=f"hxxps://inlog-{rng.choice(['gemeente', 'portaal', 'office'])}-{n % 23}[.]example/login",
        domain=f"losgeld-{n % 11}.example",
        ip=f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}",
        hash="".join(rng.choice("0123456789abcdef") for _ in range(64)),
        cve=rng.choice(["CVE-2020-1472", "CVE-2019-19781", "CVE-2020-0688", "CVE-2018-13379"]),
    )


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _business_moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(rng.randint(8, 16), rng.choice([0, 15, 30, 45])), tzinfo=AMS)


def _reporter(gemeente: Gemeente) -> Account:
    """The demo account of ``utrecht-iso`` for Utrecht; elsewhere a fictitious security officer who cannot log
    in (no usable password)."""
    if gemeente.code == UTRECHT and Account.objects.filter(username="utrecht-iso").exists():
        return Account.objects.get(username="utrecht-iso")
    account, created = Account.objects.get_or_create(
        username=f"demo-iso-{gemeente.code.lower()}",
        defaults={
            "organisation": gemeente.organisation,
            "first_name": "ISO",
            "last_name": f"{gemeente.name} (fictief)",
        },
    )
    if created:
        account.set_unusable_password()
        account.save()
        account.groups.set(Group.objects.filter(name__in=[Role.GEMEENTE.value, Role.GEMEENTE_ISO.value]))
    return account


def _analysts() -> list[Account]:
    analysts = list(Account.objects.filter(groups__name=Role.IBD_ANALIST.value).order_by("pk"))
    if not analysts:
        raise RuntimeError("De demo-accounts (met de analist 'ibd') moeten eerst geladen zijn.")
    return analysts


def _work(incident: Incident, rng: random.Random, analyst: Account, *, close: bool, late: bool) -> None:
    start = incident.reported_at
    response_hours = (
        rng.uniform(6, 30) if late else rng.uniform(0.2, 0.9) * {"kritiek": 1, "hoog": 4}.get(incident.severity, 8)
    )
    responded = business_hours.add_business_hours(start, response_hours)
    # Taken in hand at the moment of the first response, then assigned (which would otherwise take it in hand now).
    services.transition(incident, by=analyst, to=Status.IN_BEHANDELING, at=responded)
    services.triage(
        incident,
        by=analyst,
        severity=incident.severity,
        category=incident.category,
        assignee=analyst,
    )
    services.add_entry(
        incident,
        author=analyst,
        kind=TimelineEntry.Kind.CONTACT,
        text="Telefonisch contact gehad met de melder; vervolgstappen afgesproken.",
        tlp=incident.tlp,
        occurred_at=business_hours.add_business_hours(responded, 0.5),
    )
    if rng.random() < 0.3:
        services.add_entry(
            incident,
            author=analyst,
            kind=TimelineEntry.Kind.ACTIE,
            text="Indicatoren gedeeld met andere gemeenten via het community-kanaal.",
            tlp=TLP.GREEN,
            occurred_at=business_hours.add_business_hours(responded, 2),
        )
    for type_, value in extract(incident.description)[:3]:
        services.add_observable(incident, type=type_, value=value, by=analyst, tlp=incident.tlp, source="demo")
    if close:
        target = sla.TARGETS[incident.severity].closure
        closed = business_hours.add_business_hours(
            start, target * (rng.uniform(1.1, 2.0) if late else rng.uniform(0.2, 0.9))
        )
        services.transition(
            incident,
            by=analyst,
            to=Status.AFGESLOTEN,
            summary="Maatregelen genomen en gecontroleerd; de gemeente heeft geen verdere vragen.",
            at=closed,
        )


def _hof_van_twente(analyst: Account, rng: random.Random) -> None:
    gemeente = Gemeente.objects.get(code=HOF_VAN_TWENTE)
    reported = datetime.datetime(YEAR, 12, 1, 8, 45, tzinfo=AMS)
    incident = services.report_incident(
        notify=False,
        reporter=_reporter(gemeente),
        title="Ransomware: systemen versleuteld, dienstverlening ligt stil (fictieve demo)",
        description="Een groot deel van de servers is versleuteld. Losgeldbrief verwijst naar losgeld-7.example; "
        "verdacht verkeer naar 203.0.113.66. Hulp ter plaatse gevraagd.",
        detected_at=reported - datetime.timedelta(hours=3),
        category=Category.RANSOMWARE,
        request_type=RequestType.HULPVRAAG,
        impact=Impact.ZEER_ERNSTIG,
        tlp=TLP.AMBER,
        reported_at=reported,
    )
    _work(incident, rng, analyst, close=False, late=False)
    activation = services.activate_network(
        incident,
        by=analyst,
        reason="Herstel en forensisch onderzoek vragen meer handen dan de gemeente en de IBD hebben.",
        at=reported + datetime.timedelta(hours=5),
    )
    for index, (last_name, location, hours) in enumerate(
        [("Bosman", "Gemeentehuis Goor", 32), ("Jonker", "Gemeentehuis Goor", 24), ("Claassen", "Rekencentrum", 16)]
    ):
        expert = Expert.objects.get(person__last_name=last_name, person__first_name__in=[e[0] for e in EXPERTS])
        starts = datetime.datetime(YEAR, 12, 2 + index, 8, 0, tzinfo=AMS)
        services.deploy_expert(
            activation,
            expert=expert,
            location=location,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(days=4, hours=9),
            hours=hours,
        )
    services.transition(incident, by=analyst, to=Status.OPGESCHAALD, at=reported + datetime.timedelta(hours=6))
    services.add_entry(
        incident,
        author=analyst,
        kind=TimelineEntry.Kind.ACTIE,
        text="Experts van het responsnetwerk ter plaatse; herstelplan opgesteld met de gemeente.",
        tlp=TLP.AMBER,
        occurred_at=datetime.datetime(YEAR, 12, 4, 16, 0, tzinfo=AMS),
    )
    services.transition(
        incident, by=analyst, to=Status.IN_BEHANDELING, at=datetime.datetime(YEAR, 12, 9, 9, 0, tzinfo=AMS)
    )
    services.transition(
        incident,
        by=analyst,
        to=Status.AFGESLOTEN,
        summary="Kernsystemen hersteld met hulp van het responsnetwerk; nazorg en evaluatie belegd bij de gemeente.",
        at=datetime.datetime(YEAR, 12, 22, 16, 0, tzinfo=AMS),
    )


def _recent(analysts: list[Account], rng: random.Random, gemeenten: list[Gemeente]) -> None:
    """A few open incidents of this week, so the queue has something to warn about."""
    now = timezone.now()
    for index, (hours_ago, impact) in enumerate(
        [(1, "zeer_ernstig"), (3, "ernstig"), (26, "aanzienlijk"), (50, "beperkt"), (5, "aanzienlijk"), (80, "ernstig")]
    ):
        gemeente = Gemeente.objects.get(code=UTRECHT) if index in (1, 3) else rng.choice(gemeenten)
        category = _weighted(rng, CATEGORY_WEIGHTS)
        title, template = rng.choice(STORIES[category])
        incident = services.report_incident(
            notify=False,
            reporter=_reporter(gemeente),
            title=title,
            description=_fill(template, rng, 500 + index),
            detected_at=now - datetime.timedelta(hours=hours_ago + 2),
            category=category,
            request_type=_weighted(rng, REQUEST_WEIGHTS),
            impact=impact,
            tlp=TLP.AMBER,
            reported_at=now - datetime.timedelta(hours=hours_ago),
        )
        if index >= 3:
            services.transition(incident, by=analysts[0], to=Status.IN_BEHANDELING)


@transaction.atomic
def load_demo() -> None:
    if Incident.unscoped.filter(year=YEAR).exists():
        return
    rng = random.Random(YEAR)
    analysts = _analysts()
    for first_name, last_name, code, expertise in EXPERTS:
        person, _ = Person.objects.get_or_create(
            first_name=first_name, last_name=last_name, defaults={"email": f"{first_name.lower()}@demo.meent.example"}
        )
        Expert.objects.get_or_create(
            person=person, defaults={"gemeente": Gemeente.objects.get(code=code), "expertise": expertise}
        )
    CorrelationExclusion.objects.get_or_create(type="domain", value="gmail.com", defaults={"reason": "Webmail"})
    gemeenten = list(Gemeente.objects.municipalities().in_year(YEAR).exclude(code=HOF_VAN_TWENTE).order_by("code"))
    utrecht = Gemeente.objects.get(code=UTRECHT)
    start = datetime.date(YEAR, 1, 2)
    for n in range(TOTAL - 1):
        day = start + datetime.timedelta(days=int(n * 362 / TOTAL) + rng.randint(0, 1))
        reported = _business_moment(rng, day)
        gemeente = utrecht if n % 19 == 4 else rng.choice(gemeenten)
        category = _weighted(rng, CATEGORY_WEIGHTS)
        title, template = rng.choice(STORIES[category])
        tlp = _weighted(rng, TLP_WEIGHTS)
        incident = services.report_incident(
            notify=False,
            reporter=_reporter(gemeente),
            title=title,
            description=_fill(template, rng, n),
            detected_at=reported - datetime.timedelta(hours=rng.randint(1, 30)),
            category=category,
            request_type=_weighted(rng, REQUEST_WEIGHTS),
            impact=rng.choice(Impact.values),
            tlp=tlp,
            recipients=[analysts[0]] if tlp == TLP.RED else [],
            reported_at=reported,
        )
        _work(incident, rng, analysts[0], close=True, late=rng.random() < 0.08)
    _hof_van_twente(analysts[0], rng)
    if not Advisory.objects.exists():
        members = list(Gemeente.objects.municipalities().in_year(YEAR))
        for title, products, severity, month, day in ADVISORIES:
            advisory = services.publish_advisory(
                by=analysts[0],
                title=title,
                body="Installeer de beschikbare updates met voorrang en controleer de logbestanden op misbruik.",
                severity=severity,
                affected_products=products,
                tlp=TLP.GREEN,
                published_at=datetime.datetime(YEAR, month, day, 10, tzinfo=AMS),
            )
            for gemeente in rng.sample(members, k=rng.randint(200, 320)):
                services.acknowledge(advisory, account=_reporter(gemeente), at=advisory.published_at)
    _recent(analysts, rng, gemeenten)
