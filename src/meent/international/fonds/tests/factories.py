"""Test data for the grant fund. Applications are drafted and submitted through the services, so numbering,
deadlines and the state machine are the real ones."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from meent.international.fonds import services
from meent.international.fonds.models import Applicant, ApplicantAccount, Application, Area, Call, Criterion, Fund
from meent.leden.models import Account, Organisation

_n = itertools.count(1)


def make_fund(*, budget: Decimal = Decimal("1000000"), **overrides) -> Fund:
    donor = Organisation.objects.create(name=f"Donor {next(_n)}", kind=Organisation.Kind.DONOR, country="US")
    data = {
        "name": f"Testfonds {next(_n)}",
        "donor": donor,
        "budget": budget,
        "starts_on": datetime.date(2020, 1, 1),
        "ends_on": datetime.date(2021, 12, 31),
    }
    data.update(overrides)
    return Fund.objects.create(**data)


def make_call(fund: Fund | None = None, *, areas: int = 2, required_reviews: int = 2, **overrides) -> Call:
    fund = fund or make_fund()
    data = {
        "fund": fund,
        "title": f"Oproep {next(_n)}",
        "maximum_amount": Decimal("500000"),
        "deadline": timezone.now() + datetime.timedelta(days=30),
        "required_reviews": required_reviews,
    }
    data.update(overrides)
    call = Call.objects.create(**data)
    region = Area.objects.create(country="ET", code=f"R{next(_n)}", name="Regio (demo)", kind="regio", is_demo=True)
    call.areas.add(region)
    for _i in range(areas):
        n = next(_n)
        call.areas.add(
            Area.objects.create(country="ET", code=f"W{n}", name=f"Woreda {n}", kind="gemeente", region=region)
        )
    Criterion.objects.create(call=call, name="Relevantie", weight=3)
    Criterion.objects.create(call=call, name="Capaciteit", weight=1)
    return call


def make_applicant(*, username: str | None = None, verified: bool = True) -> tuple[Applicant, Account]:
    n = next(_n)
    organisation = Organisation.objects.create(name=f"NGO {n}", kind=Organisation.Kind.NGO, country="ET")
    applicant = Applicant.objects.create(
        organisation=organisation,
        registration_number=f"ET-{n}",
        email=f"ngo{n}@example.org",
        verified_at=timezone.now() if verified else None,
    )
    account = Account.objects.create_user(username=username or f"ngo{n}", password="x", organisation=organisation)
    ApplicantAccount.objects.create(account=account, applicant=applicant)
    return applicant, account


def make_draft(call: Call, account: Account, *, amount: Decimal = Decimal("100000")) -> Application:
    return services.save_draft(
        by=account,
        call=call,
        title="Dialoog over basisdiensten",
        organisation_name=account.organisation.name,
        registration_number="ET-1",
        contact_name="Abebe Voorbeeld",
        activities="Bijeenkomsten tussen burgers en bestuur.",
        amount_requested=amount,
        areas=list(call.areas.filter(kind="gemeente")),
        budget_lines=[("Trainingen", amount / 2), ("Bijeenkomsten", amount / 2)],
    )


def make_submitted(call: Call | None = None, *, amount: Decimal = Decimal("100000")) -> tuple[Application, Account]:
    call = call or make_call()
    _applicant, account = make_applicant()
    application = services.submit(make_draft(call, account, amount=amount), by=account)
    return application, account


def review(application: Application, reviewer: Account, by: Account, score: int = 4) -> None:
    services.assign_reviewer(application, reviewer=reviewer, by=by)
    services.submit_review(
        application,
        by=reviewer,
        scores={c.pk: (score, "Goed onderbouwd.") for c in application.call.criteria.all()},
    )


def advance(application: Application, to: str, *, by: Account, reviewers: list[Account] = ()) -> Application:
    """Move a submitted application along the main path up to status ``to`` (reviews given on the way)."""
    path = ["ontvankelijk", "screening", "training", "beoordeeld", "toegekend", "contract", "uitbetalingen"]
    path += ["eindrapportage", "afgesloten"]
    for step in path:
        if step == "beoordeeld":
            for reviewer in reviewers:
                review(application, reviewer, by)
        if step == "uitbetalingen":
            tranche = services.add_tranche(
                application,
                by=by,
                planned_on=datetime.date(2021, 3, 1),
                amount=application.amount_granted,
                requires_report=False,
            )
            services.pay_tranche(tranche, by=by)
        else:
            application = services.transition(application, step, by=by, motivation="Past in de oproep.")
        application.refresh_from_db()
        if step == to:
            break
    return application
