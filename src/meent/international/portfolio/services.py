"""Writes of the portfolio. Every rule a page or the API relies on is checked here; a refusal changes nothing."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from meent.core.refusals import ConflictRefused, Refused
from meent.international.portfolio.models import (
    Activity,
    Contribution,
    DeliveryMode,
    Employment,
    Funding,
    Office,
    Partner,
    Programme,
    Project,
    ProjectCountry,
    ProjectYear,
    Reason,
    StaffAssignment,
    Status,
    StatusChange,
    Theme,
)
from meent.leden.models import Account, Gemeente, Organisation, Person

# The state machine of a project: from each status, the statuses it may go to. Stopped and completed are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PREPARATION: frozenset({Status.ACTIVE, Status.STOPPED}),
    Status.ACTIVE: frozenset({Status.SUSPENDED, Status.STOPPED, Status.COMPLETED}),
    Status.SUSPENDED: frozenset({Status.RESUMED, Status.STOPPED}),
    Status.RESUMED: frozenset({Status.SUSPENDED, Status.STOPPED, Status.COMPLETED}),
    Status.STOPPED: frozenset(),
    Status.COMPLETED: frozenset(),
}
CENT = Decimal("0.01")


def allowed_next(status: str) -> list[str]:
    return [value for value in Status.values if value in TRANSITIONS[status]]


@transaction.atomic
def create_project(
    *,
    code: str,
    title: str,
    title_en: str = "",
    title_fr: str = "",
    programme: Programme | None = None,
    description: str = "",
    description_en: str = "",
    description_fr: str = "",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    themes: list[Theme] = (),
    countries: dict[str, Decimal | int] | None = None,
    published: bool = False,
    recorded_on: datetime.date | None = None,
    by: Account | None = None,
) -> Project:
    """A new project, in preparation, with its countries (ISO code → percentage) and the first step of its
    history, dated ``recorded_on`` (default today)."""
    if Project.objects.filter(code=code).exists():
        raise ConflictRefused(_("Er is al een project met code %(code)s.") % {"code": code}, field="code")
    if start_date and end_date and end_date < start_date:
        raise Refused(_("Het einde ligt vóór het begin."), field="end_date")
    project = Project.objects.create(
        code=code,
        title=title,
        title_en=title_en,
        title_fr=title_fr,
        programme=programme,
        description=description,
        description_en=description_en,
        description_fr=description_fr,
        start_date=start_date,
        end_date=end_date,
        published=published,
    )
    project.themes.set(themes)
    set_countries(project, countries or {})
    StatusChange.objects.create(
        project=project,
        from_status="",
        to_status=Status.PREPARATION,
        date=recorded_on or datetime.date.today(),
        reason=Reason.NEW,
        explanation=_("Project vastgelegd."),
        by=by,
    )
    return project


@transaction.atomic
def set_countries(project: Project, countries: dict[str, Decimal | int]) -> None:
    """The project's countries with their shares; the shares add up to 100 % (IATI requires it)."""
    from django_countries import countries as iso

    unknown = [code for code in countries if code not in dict(iso)]
    if unknown:
        raise Refused(_("Onbekende landcode: %(codes)s.") % {"codes": ", ".join(unknown)}, field="countries")
    if countries and sum(Decimal(p) for p in countries.values()) != 100:
        raise Refused(_("De aandelen van de landen tellen niet op tot 100%."), field="countries")
    project.countries.all().delete()
    ProjectCountry.objects.bulk_create(
        ProjectCountry(project=project, country=code, percentage=Decimal(p)) for code, p in countries.items()
    )


@transaction.atomic
def change_status(
    project: Project,
    *,
    to_status: str,
    date: datetime.date,
    reason: str,
    explanation: str,
    by: Account | None = None,
) -> StatusChange:
    """Appends a step to the project's history and sets its status. Refuses a transition the state machine does
    not allow, a date before the last step, and a change without reason or explanation."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if to_status not in Status.values:
        raise Refused(_("Onbekende status."), field="to_status")
    if to_status not in TRANSITIONS[project.status]:
        allowed = ", ".join(str(Status(s).label).lower() for s in allowed_next(project.status))
        raise ConflictRefused(
            _("Een project dat %(current)s is kan niet naar %(target)s. %(allowed)s")
            % {
                "current": str(Status(project.status).label).lower(),
                "target": str(Status(to_status).label).lower(),
                "allowed": (_("Mogelijk: %(allowed)s.") % {"allowed": allowed})
                if allowed
                else _("Deze status is definitief."),
            },
            field="to_status",
        )
    if reason not in Reason.values:
        raise Refused(_("Kies een reden."), field="reason")
    if not explanation.strip():
        raise Refused(_("Licht de wijziging toe."), field="explanation")
    last = project.status_changes.order_by("-date", "-pk").first()
    if last is not None and date < last.date:
        raise Refused(
            _("De datum ligt vóór de vorige wijziging (%(date)s).") % {"date": last.date.strftime("%d-%m-%Y")},
            field="date",
        )
    change = StatusChange.objects.create(
        project=project,
        from_status=project.status,
        to_status=to_status,
        date=date,
        reason=reason,
        explanation=explanation.strip(),
        by=by,
    )
    project.status = to_status
    project.save(update_fields=["status"])
    return change


def add_funding(
    project: Project,
    *,
    donor: Organisation,
    amount: Decimal,
    signed_on: datetime.date,
    currency: str = "EUR",
    rate: Decimal = Decimal(1),
    provider_activity_id: str = "",
) -> Funding:
    """A donor's contract; the euro amount is the contracted amount at the contract's rate, rounded to cents."""
    currency = currency.upper()
    if len(currency) != 3 or not currency.isalpha():
        raise Refused(_("Een valuta is een ISO 4217-code van drie letters, zoals EUR of USD."), field="currency")
    if amount <= 0 or rate <= 0:
        raise Refused(_("Bedrag en koers zijn groter dan nul."), field="amount")
    if currency == "EUR" and rate != 1:
        raise Refused(_("Een bedrag in euro heeft koers 1."), field="rate")
    return Funding.objects.create(
        project=project,
        donor=donor,
        currency=currency,
        amount=amount,
        rate=rate,
        amount_eur=(amount * rate).quantize(CENT, rounding=ROUND_HALF_UP),
        signed_on=signed_on,
        provider_activity_id=provider_activity_id,
    )


def record_year(project: Project, year: int, *, budget_eur: Decimal, realised_eur: Decimal) -> ProjectYear:
    if budget_eur < 0 or realised_eur < 0:
        raise Refused(_("Budget en realisatie zijn niet negatief."))
    row, _created = ProjectYear.objects.update_or_create(
        project=project, year=year, defaults={"budget_eur": budget_eur, "realised_eur": realised_eur}
    )
    return row


def add_partner(project: Project, organisation: Organisation, role: str = "") -> Partner:
    partner, _created = Partner.objects.get_or_create(
        project=project, organisation=organisation, defaults={"role": role}
    )
    return partner


def add_contribution(
    project: Project, *, gemeente: Gemeente, official: Person, year: int, days: Decimal
) -> Contribution:
    if days <= 0:
        raise Refused(_("Het aantal dagen is groter dan nul."), field="days")
    return Contribution.objects.create(project=project, gemeente=gemeente, official=official, year=year, days=days)


def employ(
    person: Person, office: Office, *, start_date: datetime.date, end_date: datetime.date | None = None, fte: Decimal
) -> Employment:
    if end_date is not None and end_date < start_date:
        raise Refused(_("De datum uit dienst ligt vóór de datum in dienst."), field="end_date")
    if not Decimal(0) < fte <= 1:
        raise Refused(_("Een dienstverband is meer dan 0 en ten hoogste 1 fte."), field="fte")
    return Employment.objects.create(person=person, office=office, start_date=start_date, end_date=end_date, fte=fte)


def assign_staff(project: Project, employment: Employment, fte: Decimal) -> StaffAssignment:
    if fte > employment.fte:
        raise Refused(_("Iemand kan niet meer fte aan een project geven dan zijn dienstverband."), field="fte")
    assignment, _created = StaffAssignment.objects.update_or_create(
        project=project, employment=employment, defaults={"fte": fte}
    )
    return assignment


def add_activity(project: Project, *, title: str, date: datetime.date, delivery_mode: str) -> Activity:
    if delivery_mode not in DeliveryMode.values:
        raise Refused(_("Kies ter plaatse, op afstand of hybride."), field="delivery_mode")
    return Activity.objects.create(project=project, title=title, date=date, delivery_mode=delivery_mode)
