"""A fictitious 2020–2021 portfolio of VNG International. Only records are written here — projects with their
spending per year, donors, status history and employments — and the annual report's figures (32 and 39 countries,
€ 23,4 million turnover in 2020, 51 % international donors and 43 % the ministry, 54 staff in the Netherlands and
130 abroad …) come out of them through the selectors. All people and most organisations are fictitious."""

import datetime
from decimal import Decimal

from django.db import transaction

from meent.international.portfolio import services
from meent.international.portfolio.models import DeliveryMode, Office, Programme, Project, Reason, Status, Theme
from meent.leden import services as leden
from meent.leden.models import Account, Gemeente, Organisation, Person

D = datetime.date
K = Decimal(1000)

THEMES = [
    # code, nl, en, fr, DAC purpose code
    ("veiligheid", "Veiligheid en rechtsorde", "Security and rule of law", "Sécurité et État de droit", "15130"),
    ("migratie", "Migratie", "Migration", "Migration", "15190"),
    ("economie", "Economische ontwikkeling", "Economic development", "Développement économique", "25010"),
    ("water", "Watermanagement", "Water management", "Gestion de l'eau", "14010"),
    (
        "bestuur",
        "Lokaal bestuur en decentralisatie",
        "Local governance and decentralisation",
        "Gouvernance locale et décentralisation",
        "15112",
    ),
    ("jeugd", "Jeugdbeleid", "Youth policy", "Politique de la jeunesse", "15150"),
]

DONORS = {
    # key: (name, registry kind, country, currency, rate to euro at signing)
    "bz": ("Ministerie van Buitenlandse Zaken", Organisation.Kind.MINISTERIE, "NL", "EUR", Decimal(1)),
    "eu": ("Europese Unie", Organisation.Kind.DONOR, "BE", "EUR", Decimal(1)),
    "wb": ("Wereldbank", Organisation.Kind.DONOR, "US", "USD", Decimal("0.842100")),
    "usaid": ("USAID", Organisation.Kind.DONOR, "US", "USD", Decimal("0.842100")),
    "water": ("Stichting Wereldwater (demo)", Organisation.Kind.NGO, "NL", "EUR", Decimal(1)),
    "steden": ("Fonds Duurzame Steden (demo)", Organisation.Kind.NGO, "NL", "EUR", Decimal(1)),
    "suriname": ("Stichting Partnerschap Suriname (demo)", Organisation.Kind.NGO, "NL", "EUR", Decimal(1)),
}
BZ_OLD = "XM-DAC-7-PPR-4000001927"  # the ministry's activity of the programme 2017–2021 (fictitious number)
BZ_NEW = "XM-DAC-7-PPR-4000005310"  # … of the strategic programme 2022–2026 (fictitious number)

OFFICES = [
    # name, kind, city, country, staff on 31-12-2020, staff joining in 2021, staff leaving in 2021
    ("Hoofdkantoor Den Haag", Office.Kind.HEAD, "Den Haag", "NL", 54, 3, 0),
    ("CILG Tunis", Office.Kind.REGIONAL, "Tunis", "TN", 30, 0, 0),
    ("Veldkantoor Bamako", Office.Kind.FIELD, "Bamako", "ML", 18, 0, 0),
    ("Veldkantoor Kampala", Office.Kind.FIELD, "Kampala", "UG", 16, 0, 0),
    ("Veldkantoor Juba", Office.Kind.FIELD, "Juba", "SS", 14, 0, 0),
    ("Veldkantoor Beiroet", Office.Kind.FIELD, "Beiroet", "LB", 14, 0, 0),
    ("Veldkantoor Kyiv", Office.Kind.FIELD, "Kyiv", "UA", 14, 0, 0),
    ("Veldkantoor Addis Abeba", Office.Kind.FIELD, "Addis Abeba", "ET", 12, 0, 0),
    ("Veldkantoor Yangon", Office.Kind.FIELD, "Yangon", "MM", 12, 0, 12),
    ("Veldkantoor Nairobi", Office.Kind.FIELD, "Nairobi", "KE", 0, 8, 0),
]

PROGRAMMES = [
    # code, nl, en, funder, office, signed, start, end, budget, themes, countries, strategic, provider activity
    (
        "bz-lokaal-bestuur-2017",
        "Lokaal bestuur in fragiele staten 2017–2021",
        "Local governance in fragile states 2017–2021",
        "bz",
        "Hoofdkantoor Den Haag",
        D(2016, 11, 1),
        D(2017, 1, 1),
        D(2021, 12, 31),
        48_000_000,
        ["bestuur", "veiligheid"],
        ["ML", "BF", "NE", "BJ", "UG", "SS", "SO", "BI", "LB", "JO", "ET", "SD"],
        False,
        BZ_OLD,
    ),
    (
        "bz-strategisch-2022",
        "Strategisch partnerschap lokaal bestuur 2022–2026",
        "Strategic partnership local governance 2022–2026",
        "bz",
        "Hoofdkantoor Den Haag",
        D(2021, 11, 15),
        D(2022, 1, 1),
        D(2026, 12, 31),
        50_000_000,
        ["veiligheid", "migratie", "economie", "water"],
        ["ML", "BF", "NE", "BJ", "UG", "SS", "SO", "BI", "LB", "JO"],
        True,
        BZ_NEW,
    ),
    (
        "eu-jeugdbeleid-mena",
        "Gemeentelijk jeugdbeleid Midden-Oosten en Noord-Afrika",
        "Municipal youth policy Middle East and North Africa",
        "eu",
        "CILG Tunis",
        D(2019, 10, 1),
        D(2020, 1, 1),
        D(2023, 12, 31),
        9_000_000,
        ["jeugd", "bestuur"],
        ["TN", "MA", "LY"],
        False,
        "",
    ),
    (
        "usaid-democratic-governance-east",
        "Democratic Governance East",
        "Democratic Governance East",
        "usaid",
        "Veldkantoor Kyiv",
        D(2019, 6, 1),
        D(2019, 9, 1),
        D(2024, 8, 31),
        6_500_000,
        ["bestuur", "veiligheid"],
        ["UA"],
        False,
        "",
    ),
]

# code, nl title, en title, countries (ISO: %), themes, donor, programme, start, realised 2020 and 2021 in k€
P = "bz-lokaal-bestuur-2017"
J = "eu-jeugdbeleid-mena"
PROJECTS = [
    (
        "mali-vrede",
        "Lokaal bestuur en vrede in Mali",
        "Local governance and peace in Mali",
        {"ML": 100},
        ["bestuur", "veiligheid"],
        "bz",
        P,
        D(2017, 3, 1),
        1250,
        610,
    ),
    (
        "burkina-faso-dienstverlening",
        "Gemeentelijke dienstverlening Burkina Faso",
        "Municipal services Burkina Faso",
        {"BF": 100},
        ["bestuur"],
        "bz",
        P,
        D(2017, 4, 1),
        980,
        1010,
    ),
    (
        "niger-belastingen",
        "Lokale belastingen Niger",
        "Local revenue Niger",
        {"NE": 100},
        ["bestuur", "economie"],
        "bz",
        P,
        D(2018, 1, 1),
        760,
        790,
    ),
    (
        "benin-water",
        "Water en sanitatie in Beninse gemeenten",
        "Water and sanitation in Benin's municipalities",
        {"BJ": 100},
        ["water"],
        "bz",
        P,
        D(2018, 2, 1),
        640,
        700,
    ),
    (
        "oeganda-vluchtelingen",
        "Gemeenten en vluchtelingen in Noord-Oeganda",
        "Municipalities and refugees in Northern Uganda",
        {"UG": 100},
        ["migratie", "bestuur"],
        "bz",
        P,
        D(2017, 6, 1),
        820,
        860,
    ),
    (
        "zuid-soedan-lokaal-bestuur",
        "Lokaal bestuur Zuid-Soedan",
        "Local governance South Sudan",
        {"SS": 100},
        ["bestuur", "veiligheid"],
        "bz",
        P,
        D(2017, 1, 1),
        1100,
        1040,
    ),
    (
        "somalie-districtsraden",
        "Districtsraden in Somalië",
        "District councils in Somalia",
        {"SO": 100},
        ["bestuur", "veiligheid"],
        "bz",
        P,
        D(2018, 5, 1),
        950,
        980,
    ),
    (
        "burundi-vrouwen-bestuur",
        "Vrouwen in het lokaal bestuur van Burundi",
        "Women in local government in Burundi",
        {"BI": 100},
        ["bestuur"],
        "bz",
        P,
        D(2019, 1, 1),
        560,
        590,
    ),
    (
        "libanon-gemeenten-opvang",
        "Libanese gemeenten en opvang",
        "Lebanese municipalities and refugee hosting",
        {"LB": 100},
        ["migratie"],
        "bz",
        P,
        D(2017, 9, 1),
        1020,
        1100,
    ),
    (
        "jordanie-afval",
        "Afvalbeheer in Jordaanse gemeenten",
        "Waste management in Jordan's municipalities",
        {"JO": 100},
        ["economie", "migratie"],
        "bz",
        P,
        D(2018, 3, 1),
        870,
        900,
    ),
    (
        "ethiopie-regionale-steden",
        "Regionale steden in Ethiopië",
        "Regional towns in Ethiopia",
        {"ET": 100},
        ["bestuur", "economie"],
        "bz",
        P,
        D(2019, 4, 1),
        612,
        420,
    ),
    (
        "soedan-lokale-vrede",
        "Lokale vredesopbouw Soedan",
        "Local peacebuilding Sudan",
        {"SD": 100},
        ["veiligheid"],
        "bz",
        P,
        D(2020, 1, 15),
        500,
        380,
    ),
    (
        "tunesie-jeugdbeleid",
        "Jeugdbeleid in Tunesische gemeenten",
        "Youth policy in Tunisian municipalities",
        {"TN": 100},
        ["jeugd"],
        "eu",
        J,
        D(2020, 1, 1),
        1400,
        1520,
    ),
    (
        "marokko-jeugdbeleid",
        "Jeugdbeleid in Marokkaanse gemeenten",
        "Youth policy in Moroccan municipalities",
        {"MA": 100},
        ["jeugd"],
        "eu",
        J,
        D(2020, 1, 1),
        900,
        960,
    ),
    (
        "libie-jeugdbeleid",
        "Jeugdbeleid in Libische gemeenten",
        "Youth policy in Libyan municipalities",
        {"LY": 100},
        ["jeugd"],
        "eu",
        J,
        D(2020, 3, 1),
        620,
        580,
    ),
    (
        "oekraine-crisisbeheersing",
        "Crisis- en risicomanagement in Oekraïense gemeenten",
        "Crisis and risk management in Ukrainian municipalities",
        {"UA": 100},
        ["veiligheid", "bestuur"],
        "usaid",
        "usaid-democratic-governance-east",
        D(2019, 9, 1),
        1350,
        1480,
    ),
    (
        "moldavie-decentralisatie",
        "Decentralisatie in Moldavië",
        "Decentralisation in Moldova",
        {"MD": 100},
        ["bestuur"],
        "eu",
        None,
        D(2019, 2, 1),
        700,
        720,
    ),
    (
        "georgie-lokale-economie",
        "Lokale economie Georgië",
        "Local economy Georgia",
        {"GE": 100},
        ["economie"],
        "eu",
        None,
        D(2019, 7, 1),
        540,
        560,
    ),
    (
        "albanie-dienstverlening",
        "Dienstverlening Albanese gemeenten",
        "Services of Albanian municipalities",
        {"AL": 100},
        ["bestuur"],
        "eu",
        None,
        D(2018, 9, 1),
        480,
        450,
    ),
    (
        "noord-macedonie-integriteit",
        "Integriteit in Noord-Macedonië",
        "Integrity in North Macedonia",
        {"MK": 100},
        ["bestuur", "veiligheid"],
        "eu",
        None,
        D(2019, 1, 1),
        460,
        470,
    ),
    (
        "servie-eu-toetreding",
        "Servische gemeenten en de EU",
        "Serbian municipalities and the EU",
        {"RS": 100},
        ["bestuur"],
        "eu",
        None,
        D(2019, 5, 1),
        390,
        410,
    ),
    (
        "bosnie-stedelijke-diensten",
        "Stedelijke diensten Bosnië en Herzegovina",
        "Urban services Bosnia and Herzegovina",
        {"BA": 100},
        ["economie"],
        "wb",
        None,
        D(2018, 10, 1),
        520,
        540,
    ),
    (
        "myanmar-lokaal-bestuur",
        "Lokaal bestuur in Myanmar",
        "Local governance in Myanmar",
        {"MM": 100},
        ["bestuur"],
        "eu",
        None,
        D(2018, 1, 1),
        880,
        150,
    ),
    (
        "indonesie-water",
        "Waterbeheer in Indonesische steden",
        "Water management in Indonesian cities",
        {"ID": 100},
        ["water"],
        "wb",
        None,
        D(2019, 3, 1),
        610,
        640,
    ),
    (
        "bangladesh-klimaat",
        "Klimaatbestendige gemeenten Bangladesh",
        "Climate-resilient municipalities Bangladesh",
        {"BD": 100},
        ["water", "bestuur"],
        "wb",
        None,
        D(2019, 6, 1),
        540,
        600,
    ),
    (
        "colombia-vrede",
        "Gemeenten en vrede in Colombia",
        "Municipalities and peace in Colombia",
        {"CO": 100},
        ["veiligheid"],
        "eu",
        None,
        D(2018, 4, 1),
        730,
        690,
    ),
    (
        "guatemala-transparantie",
        "Transparant bestuur in Guatemala",
        "Transparent government in Guatemala",
        {"GT": 100},
        ["bestuur"],
        "usaid",
        None,
        D(2019, 8, 1),
        650,
        630,
    ),
    (
        "palestina-gemeentefonds",
        "Gemeentefonds Palestijnse Gebieden",
        "Municipal development fund Palestinian Territories",
        {"PS": 100},
        ["bestuur", "economie"],
        "wb",
        None,
        D(2017, 1, 1),
        820,
        850,
    ),
    (
        "irak-wederopbouw",
        "Wederopbouw van gemeentelijke diensten in Irak",
        "Rebuilding municipal services in Iraq",
        {"IQ": 100},
        ["bestuur"],
        "eu",
        None,
        D(2020, 6, 1),
        344,
        610,
    ),
    (
        "ghana-water",
        "Water voor Ghanese gemeenten",
        "Water for Ghana's municipalities",
        {"GH": 100},
        ["water"],
        "water",
        None,
        D(2019, 1, 1),
        730,
        700,
    ),
    (
        "mozambique-stedelijk-water",
        "Stedelijk water Mozambique",
        "Urban water Mozambique",
        {"MZ": 100},
        ["water"],
        "steden",
        None,
        D(2019, 4, 1),
        380,
        390,
    ),
    (
        "suriname-districten",
        "Districtsbestuur Suriname",
        "",
        {"SR": 100},
        ["bestuur"],
        "suriname",
        None,
        D(2019, 10, 1),
        294,
        300,
    ),
    # New in 2021 (seven more countries)
    (
        "kenia-counties",
        "Counties in Kenia",
        "Counties in Kenya",
        {"KE": 100},
        ["bestuur"],
        "wb",
        None,
        D(2021, 3, 1),
        0,
        520,
    ),
    (
        "rwanda-lokale-economie",
        "Lokale economie Rwanda",
        "Local economy Rwanda",
        {"RW": 100},
        ["economie"],
        "steden",
        None,
        D(2021, 2, 1),
        0,
        240,
    ),
    (
        "senegal-afval",
        "Afvalbeheer Senegal",
        "Waste management Senegal",
        {"SN": 100},
        ["economie"],
        "eu",
        None,
        D(2021, 4, 1),
        0,
        380,
    ),
    (
        "tsjaad-vluchtelingen",
        "Gemeenten en vluchtelingen in Tsjaad",
        "Municipalities and refugees in Chad",
        {"TD": 100},
        ["migratie"],
        "eu",
        None,
        D(2021, 5, 1),
        0,
        310,
    ),
    (
        "egypte-jeugdbeleid",
        "Jeugdbeleid in Egyptische gemeenten",
        "Youth policy in Egyptian municipalities",
        {"EG": 100},
        ["jeugd"],
        "eu",
        J,
        D(2021, 1, 1),
        0,
        420,
    ),
    (
        "armenie-dienstverlening",
        "Dienstverlening Armeense gemeenten",
        "Services of Armenian municipalities",
        {"AM": 100},
        ["bestuur"],
        "eu",
        None,
        D(2021, 6, 1),
        0,
        260,
    ),
    (
        "nigeria-lokale-belastingen",
        "Lokale belastingen Nigeria",
        "Local revenue Nigeria",
        {"NG": 100},
        ["economie"],
        "wb",
        None,
        D(2021, 7, 1),
        0,
        330,
    ),
    (
        "myanmar-gemeentelijke-diensten",
        "Gemeentelijke diensten Myanmar",
        "Municipal services Myanmar",
        {"MM": 100},
        ["bestuur"],
        "eu",
        None,
        D(2021, 1, 4),
        0,
        40,
    ),
    # The strategic programme, in preparation at the end of 2021
    (
        "sahel-veiligheid-2022",
        "Veiligheid en rechtsorde in de Sahel",
        "Security and rule of law in the Sahel",
        {"ML": 40, "BF": 30, "NE": 30},
        ["veiligheid"],
        "bz",
        "bz-strategisch-2022",
        D(2022, 1, 1),
        0,
        0,
    ),
    (
        "hoorn-water-2022",
        "Water en migratie in de Hoorn van Afrika",
        "Water and migration in the Horn of Africa",
        {"SO": 50, "SS": 30, "UG": 20},
        ["water", "migratie"],
        "bz",
        "bz-strategisch-2022",
        D(2022, 1, 1),
        0,
        0,
    ),
]

# What happened to projects, on top of "in preparation → active at the start": (code, date, status, reason, text)
EVENTS = [
    (
        "mali-vrede",
        D(2020, 8, 20),
        Status.SUSPENDED,
        Reason.COUP,
        "Staatsgreep van 18 augustus 2020; de uitvoering ligt stil tot er weer een bestuur is om mee te werken.",
    ),
    (
        "mali-vrede",
        D(2020, 10, 12),
        Status.RESUMED,
        Reason.IMPROVED,
        "De overgangsregering is aangetreden; de gemeenten zijn weer aanspreekbaar.",
    ),
    (
        "myanmar-lokaal-bestuur",
        D(2021, 3, 15),
        Status.STOPPED,
        Reason.COUP,
        "Na de staatsgreep van 1 februari 2021 is samenwerking met het bestuur niet meer mogelijk.",
    ),
    (
        "myanmar-gemeentelijke-diensten",
        D(2021, 2, 8),
        Status.SUSPENDED,
        Reason.COUP,
        "Staatsgreep van 1 februari 2021; lokale collega's zonder werk (crowdfunding binnen de VNG).",
    ),
    (
        "mali-vrede",
        D(2021, 5, 27),
        Status.SUSPENDED,
        Reason.COUP,
        "Tweede staatsgreep van 24 mei 2021; de donor schort de activiteiten op.",
    ),
    (
        "soedan-lokale-vrede",
        D(2021, 10, 27),
        Status.SUSPENDED,
        Reason.COUP,
        "Staatsgreep van 25 oktober 2021; partners in Khartoum niet bereikbaar.",
    ),
    (
        "ethiopie-regionale-steden",
        D(2021, 11, 5),
        Status.SUSPENDED,
        Reason.EVACUATION,
        "De veiligheidssituatie verslechterde snel; alle internationale staf is tijdelijk uit het land teruggetrokken.",
    ),
]

FIRST = [
    "Anouk",
    "Bram",
    "Chaima",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanna",
    "Imane",
    "Joris",
    "Karim",
    "Lotte",
    "Mees",
    "Nadia",
    "Olaf",
    "Petra",
    "Quinten",
    "Rania",
    "Sven",
    "Tess",
]
LAST = [
    "Aerts",
    "Bakker",
    "Claes",
    "Dekker",
    "El Idrissi",
    "Faber",
    "Groen",
    "Hendriks",
    "Ismail",
    "Jansen",
    "Koster",
    "Lammers",
    "Mulder",
]

CONTRIBUTIONS = [
    # project, gemeente code, official (first, last), year, days
    ("libanon-gemeenten-opvang", "GM0363", ("Sanne", "Vermeer"), 2020, 6),
    ("libanon-gemeenten-opvang", "GM0363", ("Sanne", "Vermeer"), 2021, 4),
    ("tunesie-jeugdbeleid", "GM0344", ("Youssef", "Bouzid"), 2021, 5),
    ("oekraine-crisisbeheersing", "GM0518", ("Marleen", "de Wit"), 2021, 8),
    ("benin-water", "GM0599", ("Pieter", "Kuipers"), 2020, 3),
    ("ghana-water", "GM0014", ("Ilse", "Brouwer"), 2021, 7),
]


def _person(first: str, last: str, email: str) -> Person:
    person, _created = Person.objects.get_or_create(first_name=first, last_name=last, defaults={"email": email})
    return person


@transaction.atomic
def load_demo() -> None:
    if Project.objects.filter(code=PROJECTS[0][0]).exists():
        return
    by = Account.objects.filter(username="international").first()
    themes = {}
    for code, nl, en, fr, dac in THEMES:
        themes[code], _created = Theme.objects.get_or_create(
            code=code, defaults={"name": nl, "name_en": en, "name_fr": fr, "dac_code": dac}
        )
    donors = {
        key: leden.create_organisation(name=name, kind=kind, country=country)
        for key, (name, kind, country, _currency, _rate) in DONORS.items()
    }
    offices = {}
    number = 0
    for name, kind, city, country, staff_2020, joining_2021, leaving_2021 in OFFICES:
        offices[name] = office = Office.objects.create(name=name, kind=kind, city=city, country=country)
        for i in range(staff_2020 + joining_2021):
            number += 1
            person = _person(
                FIRST[number % len(FIRST)],
                f"{LAST[number % len(LAST)]}-{number:03d}",
                f"staf{number}@vngi.demo.example",
            )
            joined = D(2021, 3, 1) if i >= staff_2020 else D(2012 + i % 9, 1 + i % 12, 1)
            left = D(2021, 6, 30) if i < leaving_2021 else None
            services.employ(
                person, office, start_date=joined, end_date=left, fte=Decimal("0.8") if i % 4 else Decimal(1)
            )

    programmes = {}
    for code, nl, en, funder, office, signed, start, end, budget, theme_codes, countries, strategic, ref in PROGRAMMES:
        programmes[code] = programme = Programme.objects.create(
            code=code,
            name=nl,
            name_en=en,
            funder=donors[funder],
            office=offices[office],
            signed_on=signed,
            start_date=start,
            end_date=end,
            budget_eur=Decimal(budget),
            countries=countries,
            strategic=strategic,
            provider_activity_id=ref,
        )
        programme.themes.set([themes[t] for t in theme_codes])

    projects = {}
    for code, nl, en, countries, theme_codes, donor, programme, start, realised_2020, realised_2021 in PROJECTS:
        project = services.create_project(
            code=code,
            title=nl,
            title_en=en,
            programme=programmes.get(programme),
            start_date=start,
            end_date=programmes[programme].end_date if programme else D(2023, 12, 31),
            description=f"{nl}: versterking van het democratisch lokaal bestuur met partners ter plaatse.",
            description_en=f"{en}: strengthening democratic local government with local partners." if en else "",
            themes=[themes[t] for t in theme_codes],
            countries=countries,
            # Projects in a country after a coup are not published (the safety of partners and staff).
            published="MM" not in countries,
            recorded_on=start - datetime.timedelta(days=120),  # prepared some months before the start
            by=by,
        )
        projects[code] = project
        _name, _kind, _country, currency, rate = DONORS[donor]
        total = Decimal(max(realised_2020 + realised_2021, 400)) * 2 * K
        services.add_funding(
            project,
            donor=donors[donor],
            currency=currency,
            rate=rate,
            amount=(total / rate).quantize(K),
            signed_on=start - datetime.timedelta(days=60),
            provider_activity_id=programmes[programme].provider_activity_id if programme else "",
        )
        for year, realised in ((2020, realised_2020), (2021, realised_2021), (2022, 0)):
            if start.year <= year:
                services.record_year(
                    project,
                    year,
                    budget_eur=Decimal(max(realised, 300)) * K * Decimal("1.1"),
                    realised_eur=Decimal(realised) * K,
                )
        if start.year <= 2021:
            services.change_status(
                project,
                to_status=Status.ACTIVE,
                date=start,
                reason=Reason.START,
                explanation="Contract getekend; de uitvoering begint.",
                by=by,
            )
            first_country = next(iter(countries))
            partner = leden.create_organisation(
                name=f"Vereniging van lokale overheden ({first_country})",
                kind=Organisation.Kind.PARTNER,
                country=first_country,
            )
            services.add_partner(project, partner, "uitvoerende partner")
            services.add_activity(
                project, title="Startbijeenkomst met de partners", date=start, delivery_mode=DeliveryMode.ON_SITE
            )
            if realised_2021:
                services.add_activity(
                    project,
                    title="Training op afstand (distant learning)",
                    date=D(2021, 4, 15),
                    delivery_mode=DeliveryMode.REMOTE,
                )
                services.add_activity(
                    project, title="Werkbezoek en webinar", date=D(2021, 9, 20), delivery_mode=DeliveryMode.HYBRID
                )

    for code, day, status, reason, text in sorted(EVENTS, key=lambda e: e[1]):
        services.change_status(projects[code], to_status=status, date=day, reason=reason, explanation=text, by=by)

    for code, gemeente_code, (first, last), year, days in CONTRIBUTIONS:
        official = _person(first, last, f"{first.lower()}.{last.lower().replace(' ', '')}@gemeente.demo.example")
        services.add_contribution(
            projects[code],
            gemeente=Gemeente.objects.get(code=gemeente_code),
            official=official,
            year=year,
            days=Decimal(days),
        )

    for office_name, code in (
        ("Veldkantoor Bamako", "mali-vrede"),
        ("CILG Tunis", "tunesie-jeugdbeleid"),
        ("Veldkantoor Kyiv", "oekraine-crisisbeheersing"),
    ):
        for employment in offices[office_name].employments.order_by("pk")[:3]:
            services.assign_staff(projects[code], employment, employment.fte)
