"""Demo of the grant fund: the World Bank's € 20 million fund for local development in Ethiopia, with a closed
2020 call whose applications stand in every status of the screening, the granted ones covering 223 municipalities
(woreda's), and an open call for the public form. Region, woreda and NGO names are invented and marked as demo
names; all people are fictitious. Everything goes through the services, so the figures come from these records."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from meent.core.demo import DEMO_PASSWORD
from meent.international.fonds import services
from meent.international.fonds.models import (
    Applicant,
    ApplicantAccount,
    Application,
    Area,
    Call,
    Criterion,
    Fund,
)
from meent.leden.models import Account, Organisation

FUND_NAME = "Wereldbank-fonds lokale ontwikkeling Ethiopië"
REGIONS = ["Noord", "Oost", "Zuid", "West", "Midden", "Hoogland"]
WOREDAS_PER_REGION = 40  # 240 demo woreda's; the granted applications cover 223 of them
REACHED = 223
# The status each demo application ends in; the five granted statuses twice, covering the 223 woreda's.
ENDS = [
    "ontvangen",
    "ontvankelijk",
    "niet_ontvankelijk",
    "screening",
    "training",
    "beoordeeld",
    "afgewezen",
    *[status for status in ("toegekend", "contract", "uitbetalingen", "eindrapportage", "afgesloten") for _ in (1, 2)],
]
NGO_NAMES = [
    "Tesfa Burgerdialoog",
    "Selam Gemeenschapsraad",
    "Birhan Lokale Stem",
    "Hiwot Basisdiensten",
    "Amani Dialoogforum",
    "Meskel Burgerplatform",
    "Abay Gemeenschapsnetwerk",
    "Tana Samenspraak",
    "Rift Burgerpanel",
    "Ogaden Dialooghuis",
    "Simien Wijkraad",
    "Awash Burgerinitiatief",
    "Gondar Gesprekstafel",
    "Harar Stadsdialoog",
    "Jimma Burgerberaad",
    "Dire Samenspraak",
    "Bale Dorpsdialoog",
    "Sidama Burgerstem",
]
CRITERIA = [("Relevantie voor de dialoog over basisdiensten", 3), ("Bereik in de woreda's", 2), ("Capaciteit", 1)]


def _at(month: int, day: int, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2020, month, day, hour))


def _areas() -> list[Area]:
    woredas = []
    for r, region_name in enumerate(REGIONS, start=1):
        region, _ = Area.objects.get_or_create(
            country="ET",
            code=f"DEMO-R{r}",
            defaults={"name": f"Demo-regio {region_name}", "kind": Area.Kind.REGIO, "is_demo": True},
        )
        for w in range(1, WOREDAS_PER_REGION + 1):
            woreda, _ = Area.objects.get_or_create(
                country="ET",
                code=f"DEMO-R{r}-W{w:02d}",
                defaults={
                    "name": f"Demo-woreda {region_name} {w:02d}",
                    "kind": Area.Kind.GEMEENTE,
                    "region": region,
                    "is_demo": True,
                },
            )
            woredas.append(woreda)
    return woredas


def _account(username: str, first: str, last: str, organisation: Organisation) -> Account:
    account, created = Account.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@demo.meent.example",
            "organisation": organisation,
        },
    )
    if created:
        account.set_password(DEMO_PASSWORD)
        account.save()
    return account


def _applicant(n: int, name: str) -> tuple[Applicant, Account]:
    organisation = Organisation.objects.create(name=f"{name} (demo-NGO)", kind=Organisation.Kind.NGO, country="ET")
    applicant = Applicant.objects.create(
        organisation=organisation,
        registration_number=f"ET-CSO-{4100 + n}",
        email=f"ngo-demo-{n:02d}@demo.meent.example",
        verified_at=_at(1, 10),
        language="en",
    )
    account = _account(f"ngo-demo-{n:02d}", "Contact", name.split()[0], organisation)
    ApplicantAccount.objects.create(account=account, applicant=applicant)
    return applicant, account


def _draft(call: Call, account: Account, areas: list[Area], amount: Decimal, when) -> Application:
    return services.save_draft(
        by=account,
        call=call,
        title=f"Burgerdialoog over basisdiensten in {len(areas)} woreda's",
        organisation_name=account.organisation.name,
        registration_number=account.grant_applicant.applicant.registration_number,
        contact_name=f"{account.first_name} {account.last_name}",
        activities="Voorlichting over basisdiensten, dialoogbijeenkomsten tussen burgers en woreda-bestuur, "
        "scorecards voor water, onderwijs en gezondheidszorg.",
        amount_requested=amount,
        areas=areas,
        budget_lines=[
            ("Training en begeleiding", amount * Decimal("0.4")),
            ("Dialoogbijeenkomsten", amount * Decimal("0.6")),
        ],
        now=when,
    )


STEPS = ["ontvankelijk", "screening", "training", "beoordeeld", "toegekend", "contract", "uitbetalingen"]
STEPS += ["eindrapportage", "afgesloten"]


def _advance(application: Application, end: str, *, staff: Account, reviewers: list[Account]) -> None:
    if end == "niet_ontvankelijk":
        services.transition(application, end, by=staff, motivation="Geen geldige registratie als NGO.", now=_at(4, 20))
        return
    for step in STEPS:
        if end == "afgewezen" and step == "toegekend":
            services.transition(
                application, "afgewezen", by=staff, motivation="Te weinig bereik in de woreda's.", now=_at(7, 1)
            )
            return
        if step == "training":
            services.transition(application, step, by=staff)
            for n, reviewer in enumerate(reviewers):
                services.assign_reviewer(application, reviewer=reviewer, by=staff)
                services.submit_review(
                    application,
                    by=reviewer,
                    scores={c.pk: (4 - n, "Plan sluit aan bij de oproep.") for c in application.call.criteria.all()},
                )
        elif step == "uitbetalingen":
            application.refresh_from_db()
            half = application.amount_granted / 2
            first = services.add_tranche(
                application, by=staff, planned_on=datetime.date(2020, 9, 1), amount=half, requires_report=False
            )
            services.add_tranche(
                application, by=staff, planned_on=datetime.date(2021, 3, 1), amount=half, requires_report=True
            )
            services.pay_tranche(first, by=staff, on=datetime.date(2020, 9, 1))
        elif step in ("eindrapportage", "afgesloten"):
            if step == "eindrapportage":
                first, second = application.tranches.order_by("planned_on")
                report = services.submit_report(
                    first,
                    by=application.applicant.accounts.first().account,
                    text="Veertig dialoogbijeenkomsten gehouden.",
                )
                services.decide_report(report, by=staff, approve=True)
                services.pay_tranche(second, by=staff, on=datetime.date(2021, 3, 1))
            services.transition(application, step, by=staff)
        else:
            services.transition(
                application,
                step,
                by=staff,
                motivation="Sterk plan met breed bereik." if step == "toegekend" else "",
                now=_at(7, 1),
            )
        application.refresh_from_db()
        if application.status == end:
            return


@transaction.atomic
def load_demo() -> None:
    if Fund.objects.filter(name=FUND_NAME).exists():
        return
    staff = Account.objects.get(username="international")
    donor, _ = Organisation.objects.get_or_create(
        name="Wereldbank", kind=Organisation.Kind.DONOR, defaults={"country": "US"}
    )
    fund = Fund.objects.create(
        name=FUND_NAME,
        donor=donor,
        currency="EUR",
        budget=Decimal("20000000"),
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    woredas = _areas()
    closed = Call.objects.create(
        fund=fund,
        title="Oproep 2020: dialoog tussen burgers en bestuur over basisdiensten",
        description="Subsidie voor NGO's die in hun woreda's de dialoog over basisdiensten faciliteren.",
        maximum_amount=Decimal("2000000"),
        deadline=_at(3, 31, 17),
        required_reviews=2,
    )
    closed.areas.set(Area.objects.filter(country="ET"))
    opened = Call.objects.create(
        fund=fund,
        title="Oproep 2021: tweede ronde",
        description="Een tweede ronde voor woreda's die nog niet zijn bereikt.",
        maximum_amount=Decimal("500000"),
        deadline=timezone.now() + datetime.timedelta(days=90),
        required_reviews=2,
    )
    opened.areas.set(Area.objects.filter(country="ET"))
    for call in (closed, opened):
        for name, weight in CRITERIA:
            Criterion.objects.create(call=call, name=name, weight=weight)
    external = Organisation.objects.create(
        name="Onafhankelijk beoordelingsbureau (demo)", kind=Organisation.Kind.OVERIG
    )
    reviewers = [
        _account("beoordelaar-demo-1", "Bram", "Beoordeel", external),
        _account("beoordelaar-demo-2", "Fatima", "Toets", external),
    ]
    granted = [end for end in ENDS if end in ("toegekend", "contract", "uitbetalingen", "eindrapportage", "afgesloten")]
    chunk = -(-REACHED // len(granted))  # ceiling division: the granted applications share the 223 woreda's
    reached, others = woredas[:REACHED], woredas[REACHED:]
    g = 0
    for n, end in enumerate(ENDS, start=1):
        _applicant_record, account = _applicant(n, NGO_NAMES[n - 1])
        if end in granted:
            areas, g = reached[g * chunk : (g + 1) * chunk], g + 1
        else:
            areas = others[(n % 3) * 5 : (n % 3) * 5 + 5]
        draft = _draft(closed, account, areas, Decimal("1500000") if end in granted else Decimal("800000"), _at(2, 1))
        application = services.submit(draft, by=account, now=_at(3, 1 + n))
        if end != "ontvangen":
            _advance(application, end, staff=staff, reviewers=reviewers)
    # A draft in the open call: what an NGO sees halfway through the form.
    _applicant_record, account = _applicant(len(ENDS) + 1, NGO_NAMES[len(ENDS)])
    _draft(opened, account, others[:3], Decimal("300000"), None)
