"""Demo data of Risicobeheer: the corona scenarios gemeenten exchanged in 2020 (Amsterdam's three financial
scenarios among them), reused in the registers of eight gemeenten, the association and a veiligheidsregio; the
insurance pool of the 25 veiligheidsregio's with its 2019 and 2020 contributions (from the registry's inhabitants)
and claims; the Risico Platform Overheden with members and journal articles. People are fictitious. Loading twice
duplicates nothing: every record is found by its natural key first."""

import datetime
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from meent.leden import services as leden
from meent.leden.models import Account, Gemeente, Organisation, Person, Veiligheidsregio
from meent.risicobeheer import selectors, services
from meent.risicobeheer.models import (
    Article,
    Claim,
    Measure,
    PlatformMember,
    Risk,
    Scenario,
    Theme,
    Variable,
)

AMS = ZoneInfo("Europe/Amsterdam")
AMSTERDAM, UTRECHT, ROTTERDAM, DEN_HAAG = "GM0363", "GM0344", "GM0599", "GM0518"
EINDHOVEN, GRONINGEN, TILBURG, ALMERE = "GM0772", "GM0014", "GM0855", "GM0034"
REGISTER_GEMEENTEN = (AMSTERDAM, UTRECHT, ROTTERDAM, DEN_HAAG, EINDHOVEN, GRONINGEN, TILBURG, ALMERE)
MILD_MIDDEN_ZWAAR = ["Mild", "Midden", "Zwaar"]

# (author, title, theme, visibility, tags, published, description, assumptions, variants, variables)
SCENARIOS = [
    (
        AMSTERDAM,
        "Corona: financiële effecten, drie scenario's",
        Theme.FINANCIEN,
        Scenario.Visibility.LEDEN,
        ["corona", "financiën", "begroting"],
        datetime.date(2020, 5, 12),
        "De financiële gevolgen van de coronacrisis voor de gemeentebegroting in drie scenario's: een snel herstel, "
        "een herstel in de loop van 2021 en een langdurige crisis met een tweede golf.",
        "Rijkscompensatie dekt de helft van de gederfde inkomsten; de lockdown duurt in het zware scenario tot de "
        "zomer van 2021.",
        MILD_MIDDEN_ZWAAR,
        [
            ("Derving parkeerinkomsten", "%", ["15", "30", "50"]),
            ("Derving toeristenbelasting", "%", ["40", "65", "85"]),
            ("Extra uitgaven bijstand", "€ mln", ["12", "28", "55"]),
            ("Steun aan verbonden partijen", "€ mln", ["3", "8", "15"]),
        ],
    ),
    (
        UTRECHT,
        "Corona: sociaal domein, drie scenario's",
        Theme.SOCIAAL,
        Scenario.Visibility.LEDEN,
        ["corona", "sociaal domein", "jeugdzorg"],
        datetime.date(2020, 6, 3),
        "Gevolgen van corona voor bijstand, schuldhulp en jeugdzorg: meer aanvragen, uitgestelde zorg die later "
        "zwaarder terugkomt.",
        "De werkloosheid stijgt naar 5, 7 of 9 procent.",
        MILD_MIDDEN_ZWAAR,
        [
            ("Bijstandsaanvragen", "% meer", ["10", "25", "40"]),
            ("Aanmeldingen schuldhulp", "% meer", ["15", "35", "60"]),
        ],
    ),
    (
        ROTTERDAM,
        "Corona: lokale economie en werkgelegenheid",
        Theme.FINANCIEN,
        Scenario.Visibility.LEDEN,
        ["corona", "economie"],
        datetime.date(2020, 6, 17),
        "Faillissementen in horeca, detailhandel en cultuur, en wat dat betekent voor de inkomsten van de gemeente.",
        "Steunmaatregelen van het Rijk lopen af in het midden- en het zware scenario.",
        MILD_MIDDEN_ZWAAR,
        [("Faillissementen horeca", "aantal", ["80", "190", "350"])],
    ),
    (
        DEN_HAAG,
        "Corona: evenementen en openbare orde",
        Theme.VEILIGHEID,
        Scenario.Visibility.VEILIGHEIDSREGIOS,
        ["corona", "openbare orde", "evenementen"],
        datetime.date(2020, 9, 1),
        "Handhaving van de coronamaatregelen bij evenementen en demonstraties, met de inzet van boa's en politie.",
        "",
        [],
        [],
    ),
    (
        EINDHOVEN,
        "Corona: begroting 2021, drie scenario's",
        Theme.FINANCIEN,
        Scenario.Visibility.LEDEN,
        ["corona", "begroting", "financiën"],
        datetime.date(2020, 9, 22),
        "De doorwerking van corona in de begroting 2021 en de meerjarenraming.",
        "Het gemeentefonds groeit niet mee in het zware scenario.",
        MILD_MIDDEN_ZWAAR,
        [("Tekort 2021", "€ mln", ["4", "11", "23"])],
    ),
    (
        GRONINGEN,
        "Corona: uitstel van belastingen en oninbaarheid",
        Theme.FINANCIEN,
        Scenario.Visibility.AUTEUR,
        ["corona", "belastingen"],
        datetime.date(2020, 10, 6),
        "Werkdocument: uitstel van betaling van gemeentelijke belastingen en de kans dat vorderingen oninbaar worden.",
        "",
        [],
        [],
    ),
]

OWN_RISKS = [
    ("Cyberaanval legt dienstverlening plat", Theme.ICT, "Phishing en ransomware", "Balies en systemen dagen dicht"),
    ("Hoog ziekteverzuim door werkdruk", Theme.PERSONEEL, "Werkdruk en thuiswerken", "Achterstanden in vergunningen"),
    ("Wateroverlast na extreme buien", Theme.KLIMAAT, "Riolering niet berekend op piekbuien", "Schade aan woningen"),
]


def _organisation(code: str) -> Organisation:
    return Gemeente.objects.get(code=code).organisation


def _association() -> Organisation:
    return leden.create_organisation(name="Vereniging van Gemeenten (demo)", kind=Organisation.Kind.VERENIGING)


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=AMS)


def _scenarios() -> dict[str, Scenario]:
    made = {}
    for author, title, theme, visibility, tags, published, description, assumptions, variants, variables in SCENARIOS:
        scenario, created = Scenario.objects.get_or_create(
            title=title,
            author=_organisation(author),
            defaults={
                "theme": theme,
                "visibility": visibility,
                "published_on": published,
                "description": description,
                "assumptions": assumptions,
                "variants": variants,
            },
        )
        if created:
            scenario.tags.set(services._tags(tags))
            for name, unit, values in variables:
                Variable.objects.create(
                    scenario=scenario, name=name, unit=unit, values=dict(zip(variants, values, strict=True))
                )
            scenario.documents.create(title="Rekenmodel (voorbeeld)", url="https://example.org/rekenmodel.xlsx")
        made[title] = scenario
    return made


def _risk(register, rng: random.Random, day: datetime.date, **values) -> Risk:
    gross_likelihood, gross_impact = rng.randint(3, 5), rng.randint(3, 5)
    defaults = {
        "gross_likelihood": gross_likelihood,
        "gross_impact": gross_impact,
        "net_likelihood": max(1, gross_likelihood - rng.randint(0, 2)),
        "net_impact": max(1, gross_impact - rng.randint(0, 1)),
        "review_on": day + datetime.timedelta(days=rng.choice([90, 180, 365])),
        "owner": "Concerncontroller",
        "created_at": _moment(day),
    }
    defaults.update({k: v for k, v in values.items() if k not in ("title", "scenario")})
    risk, created = Risk.objects.get_or_create(
        register=register, title=values["title"], scenario=values.get("scenario"), defaults=defaults
    )
    if created:
        Measure.objects.create(
            risk=risk,
            description="Maatregel vastleggen in het beleidsplan",
            owner=defaults["owner"],
            due_on=day + datetime.timedelta(days=60),
            done=day.year < 2021,
        )
    return risk


def _registers(scenarios: dict[str, Scenario]) -> None:
    rng = random.Random(18)
    financial = scenarios["Corona: financiële effecten, drie scenario's"]
    social = scenarios["Corona: sociaal domein, drie scenario's"]
    for index, code in enumerate(REGISTER_GEMEENTEN):
        register = services.register_of(_organisation(code))
        day = datetime.date(2020, 6, 1) + datetime.timedelta(days=9 * index)
        # Seven of eight gemeenten reuse Amsterdam's financial scenarios (Amsterdam wrote it), five Utrecht's.
        if code != AMSTERDAM:
            _risk(register, rng, day, title=financial.title, theme=financial.theme, scenario=financial,
                  cause=financial.assumptions, effect=financial.description)  # fmt: skip
        if code in (ROTTERDAM, DEN_HAAG, EINDHOVEN, TILBURG, ALMERE):
            _risk(register, rng, day, title=social.title, theme=social.theme, scenario=social,
                  cause=social.assumptions, effect=social.description)  # fmt: skip
        for title, theme, cause, effect in OWN_RISKS[: 1 + index % 3]:
            _risk(register, rng, day + datetime.timedelta(days=3), title=title, theme=theme, cause=cause, effect=effect)
    association = services.register_of(_association())
    _risk(association, rng, datetime.date(2020, 4, 1), title="Uitval van fysieke congressen", theme=Theme.FINANCIEN,
          cause="Coronamaatregelen", effect="Gemiste inkomsten Connect", owner="Directie")  # fmt: skip
    region, _created = Organisation.objects.get_or_create(
        name="Veiligheidsregio Utrecht", kind=Organisation.Kind.VEILIGHEIDSREGIO
    )
    _risk(services.register_of(region), rng, datetime.date(2020, 3, 20), title="Ongeval tijdens brandweerinzet",
          theme=Theme.VEILIGHEID, cause="Inzet onder zware omstandigheden", effect="Letsel en aansprakelijkheid",
          owner="Commandant brandweer")  # fmt: skip


# (year, base per member, share by inhabitants, reinsurance premium)
POOL_YEARS = [
    (2019, Decimal("20000.00"), Decimal("1500000.00"), Decimal("380000.00")),
    (2020, Decimal("20000.00"), Decimal("1650000.00"), Decimal("420000.00")),
]
CLAIMS = [
    ("Val van ladder bij oefening, enkelletsel", Decimal("18500.00"), Decimal("16250.00")),
    ("Brandwonden bij binnenaanval woningbrand", Decimal("65000.00"), Decimal("48000.00")),
    ("Aanrijding tankautospuit op weg naar melding", Decimal("42000.00"), Decimal("39500.50")),
    ("Rugletsel bij tillen slachtoffer", Decimal("22000.00"), Decimal("12000.00")),
    ("Gehoorschade na explosie", Decimal("30000.00"), Decimal("0.00")),
    ("Beschadigde beschermende kleding na chemisch incident", Decimal("9500.00"), Decimal("9500.00")),
]


def _pool() -> None:
    manager = Account.objects.filter(username="risicobeheer").first()
    for region in Veiligheidsregio.objects.order_by("code"):
        services.join_pool(region, joined_on=datetime.date(2019, 1, 1))
    if manager is None:
        return
    for year, base, share, premium in POOL_YEARS:
        services.set_pool_year(by=manager, year=year, base=base, share_total=share, premium=premium)
    members = list(selectors.pool_members())
    rng = random.Random(25)
    for year in (2019, 2020):
        for index, (description, reserve, paid) in enumerate(CLAIMS if year == 2020 else CLAIMS[:3]):
            member = members[(index * 7 + year) % len(members)]
            day = datetime.date(year, 2 + index * 2, 1 + rng.randint(0, 20))
            claim, created = Claim.objects.get_or_create(
                member=member, incident_on=day, description=description, defaults={"reserve": reserve}
            )
            if not created:
                continue
            if paid:
                services.pay_claim(claim, by=manager, amount=paid, paid_on=day + datetime.timedelta(days=30))
            if index == 4:
                services.close_claim(claim, by=manager, status=Claim.Status.AFGEWEZEN)
            elif paid == reserve or year == 2019:
                services.close_claim(claim, by=manager, status=Claim.Status.AFGEWIKKELD)


ARTICLES = [
    ("RPO Journaal: risicomanagement is keuzes maken", "Waarom risicomanagement niet alleen de risicomanager raakt.",
     "Leden van het platform vertellen hoe zij het bestuur bij risico's betrekken.", datetime.date(2020, 6, 25)),
    ("Publieke waarde in de knel: lessen van het congres", "Hoe gemeenten zo werken dat doelen worden bereikt.",
     "Een samenvatting van het eerste congres van het RPO over publieke waarde.", datetime.date(2020, 10, 8)),
    ("Scenariodenken in onzekere tijden", "De methode achter de coronascenario's.",
     "Over de training scenariodenken die in 2021 van start gaat.", datetime.date(2020, 12, 3)),
]  # fmt: skip


def _platform() -> None:
    # The platform is an organisation of the registry: the Connect events it commissions show on its page.
    Organisation.objects.get_or_create(name=selectors.PLATFORM_NAME, kind=Organisation.Kind.PARTNER)
    hogeschool, _created = Organisation.objects.get_or_create(
        name="Hogeschool voor Bestuur (demo)", kind=Organisation.Kind.OVERIG
    )
    for code in REGISTER_GEMEENTEN:
        PlatformMember.objects.get_or_create(
            organisation=_organisation(code), person=None, defaults={"joined_on": datetime.date(2018, 1, 1)}
        )
    PlatformMember.objects.get_or_create(
        organisation=hogeschool, person=None, defaults={"joined_on": datetime.date(2019, 9, 1)}
    )
    person, _created = Person.objects.get_or_create(first_name="Noor", last_name="van Dalen (fictief)")
    PlatformMember.objects.get_or_create(
        organisation=_organisation(UTRECHT), person=person, defaults={"joined_on": datetime.date(2019, 3, 1)}
    )
    for title, summary, body, day in ARTICLES:
        Article.objects.get_or_create(
            title=title, defaults={"summary": summary, "body": body, "author": "Redactie RPO", "published_on": day}
        )


@transaction.atomic
def load_demo() -> None:
    scenarios = _scenarios()
    _registers(scenarios)
    _pool()
    _platform()
