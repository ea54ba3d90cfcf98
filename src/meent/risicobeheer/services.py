"""Writes of Risicobeheer. Every rule a page or the API relies on is checked here and refused with
:class:`meent.core.refusals.Refused`; the pages only show the reasons."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core.refusals import ConflictRefused, Refused
from meent.core.tasks import enqueue_on_commit
from meent.leden.models import Account, Organisation
from meent.risicobeheer import selectors
from meent.risicobeheer.models import (
    Claim,
    Contribution,
    Measure,
    Payment,
    PoolMember,
    PoolYear,
    Register,
    Risk,
    Scenario,
    Tag,
    Variable,
)

SCORE_FIELDS = ("gross_likelihood", "gross_impact", "net_likelihood", "net_impact")


def _tags(names: list[str]) -> list[Tag]:
    cleaned = sorted({name.strip().lower()[:50] for name in names if name.strip()})
    return [Tag.objects.get_or_create(name=name)[0] for name in cleaned]


def _check_variables(variants: list[str], variables: list[dict]) -> None:
    if len(set(variants)) != len(variants):
        raise Refused(_("Geef elke variant een eigen naam."), field="variants")
    for variable in variables:
        unknown = set(variable.get("values", {})) - set(variants)
        if unknown:
            raise Refused(
                _("De variabele %(name)s heeft een waarde voor een onbekende variant: %(variant)s.")
                % {"name": variable.get("name", ""), "variant": ", ".join(sorted(unknown))},
                field="variables",
            )


def _author_of(user: Account) -> Organisation:
    if not user.organisation_id:
        raise Refused(_("Uw account hoort niet bij een organisatie; u kunt geen scenario delen."))
    return user.organisation


@transaction.atomic
def share_scenario(
    *,
    by: Account,
    title: str,
    description: str,
    theme: str,
    visibility: str,
    assumptions: str = "",
    tags: list[str] = (),
    variants: list[str] = (),
    variables: list[dict] = (),
    documents: list[dict] = (),
) -> Scenario:
    """Share a scenario in the library, as ``by``'s organisation. ``variables``: ``{"name", "unit", "values"}``
    with a value per variant; ``documents``: ``{"title", "url"}``."""
    if not by.has_perm("risicobeheer.share_scenario"):
        raise Refused(_("U mag geen scenario's delen."))
    variants, variables = list(variants), list(variables)
    _check_variables(variants, variables)
    scenario = Scenario.objects.create(
        title=title,
        description=description,
        assumptions=assumptions,
        theme=theme,
        visibility=visibility,
        variants=variants,
        author=_author_of(by),
        created_by=by,
        published_on=timezone.localdate(),
    )
    scenario.tags.set(_tags(list(tags)))
    for variable in variables:
        Variable.objects.create(
            scenario=scenario, name=variable["name"], unit=variable.get("unit", ""), values=variable.get("values", {})
        )
    for document in documents:
        scenario.documents.create(title=document["title"], url=document["url"])
    return scenario


@transaction.atomic
def change_scenario(scenario: Scenario, *, by: Account, tags: list[str] | None = None, **fields) -> Scenario:
    """Change a scenario's text, theme or visibility: only its author (or Risicobeheer staff)."""
    if not by.has_perm("risicobeheer.change_scenario", scenario):
        raise Refused(_("Alleen de auteur past dit scenario aan."))
    allowed = {"title", "description", "assumptions", "theme", "visibility"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(scenario, name, value)
    scenario.save()
    if tags is not None:
        scenario.tags.set(_tags(tags))
    return scenario


def register_of(organisation: Organisation) -> Register:
    """The organisation's register, opened the first time it is needed."""
    register, _created = Register.objects.get_or_create(organisation=organisation)
    return register


def _check_scores(values: dict) -> None:
    for name in SCORE_FIELDS:
        value = values.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            raise Refused(_("Kans en impact zijn een geheel getal van 1 tot en met 5."), field=name)


@transaction.atomic
def reuse_scenario(scenario: Scenario, *, by: Account, owner: str = "") -> Risk:
    """Copy ``scenario`` into the register of ``by``'s organisation as a risk that links to the original. A
    scenario is copied into a register once."""
    if not by.has_perm("risicobeheer.reuse_scenario", scenario):
        raise Refused(_("U kunt dit scenario niet hergebruiken."))
    register = register_of(by.organisation)
    if Risk.objects.filter(register=register, scenario=scenario).exists():
        raise ConflictRefused(_("Dit scenario staat al in uw risicoregister."))
    variables = "; ".join(f"{v.name}: {', '.join(v.row(scenario.variants))}" for v in scenario.variables.all())
    return Risk.objects.create(
        register=register,
        title=scenario.title[:200],
        theme=scenario.theme,
        cause=scenario.assumptions or scenario.description,
        effect=scenario.description + (f"\n\n{variables}" if variables else ""),
        owner=owner or str(by.person or by.get_username()),
        gross_likelihood=3,
        gross_impact=3,
        net_likelihood=3,
        net_impact=3,
        review_on=timezone.localdate() + datetime.timedelta(days=90),
        scenario=scenario,
        created_at=timezone.now(),
    )


@transaction.atomic
def add_risk(register: Register, *, by: Account, **values) -> Risk:
    if not by.has_perm("risicobeheer.change_register", register):
        raise Refused(_("U houdt dit risicoregister niet bij."))
    _check_scores(values)
    return Risk.objects.create(register=register, created_at=timezone.now(), **values)


@transaction.atomic
def change_risk(risk: Risk, *, by: Account, **values) -> Risk:
    if not by.has_perm("risicobeheer.change_register", risk.register):
        raise Refused(_("U houdt dit risicoregister niet bij."))
    _check_scores({name: values.get(name, getattr(risk, name)) for name in SCORE_FIELDS})
    for name, value in values.items():
        setattr(risk, name, value)
    risk.save()
    return risk


@transaction.atomic
def add_measure(risk: Risk, *, by: Account, description: str, owner: str, due_on: datetime.date) -> Measure:
    if not by.has_perm("risicobeheer.change_register", risk.register):
        raise Refused(_("U houdt dit risicoregister niet bij."))
    return Measure.objects.create(risk=risk, description=description, owner=owner, due_on=due_on)


def send_review_reminders(today: datetime.date | None = None) -> int:
    """Queue a reminder for every open risk whose review date is within a week; each date is reminded once."""
    from meent.risicobeheer.tasks import remind_review

    sent = 0
    for risk in selectors.due_for_review(today or timezone.localdate()):
        with transaction.atomic():
            # Conditional: two runs at once remind a date once.
            claimed = (
                Risk.unscoped.filter(pk=risk.pk, review_on=risk.review_on)
                .exclude(reminded_for=risk.review_on)
                .update(reminded_for=risk.review_on)
            )
            if claimed:
                enqueue_on_commit(remind_review, risk.pk)
                sent += 1
    return sent


# The insurance pool ----------------------------------------------------------------------------------------------


def _money(value, field: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise Refused(_("Geef een bedrag van 0 of meer in euro's en centen."), field=field)
    return value


@transaction.atomic
def set_pool_year(*, by: Account, year: int, base: Decimal, share_total: Decimal, premium: Decimal) -> PoolYear:
    """Fix a year's formula and compute every member's contribution from the registry's inhabitants. A member's
    override stays; its computed amount follows the new formula."""
    if not by.has_perm("risicobeheer.manage_pool"):
        raise Refused(_("Alleen Risicobeheer beheert de verzekeringspool."))
    values = {
        "base_amount": _money(base, "base_amount"),
        "share_total": _money(share_total, "share_total"),
        "reinsurance_premium": _money(premium, "reinsurance_premium"),
    }
    pool_year, _created = PoolYear.objects.update_or_create(year=year, defaults=values)
    for line in selectors.formula(year, pool_year.base_amount, pool_year.share_total):
        Contribution.objects.update_or_create(
            member=line.member, year=year, defaults={"inhabitants": line.inhabitants, "computed": line.amount}
        )
    return pool_year


@transaction.atomic
def override_contribution(
    contribution: Contribution, *, by: Account, amount: Decimal | None, reason: str = ""
) -> Contribution:
    """Set (or with ``amount=None`` remove) an override of the computed contribution; an override needs a reason."""
    if not by.has_perm("risicobeheer.manage_pool"):
        raise Refused(_("Alleen Risicobeheer beheert de verzekeringspool."))
    if amount is not None:
        _money(amount, "override")
        if not reason.strip():
            raise Refused(_("Geef de reden van de aanpassing."), field="override_reason")
    contribution.override = amount
    contribution.override_reason = reason.strip() if amount is not None else ""
    contribution.save(update_fields=["override", "override_reason"])
    return contribution


def join_pool(veiligheidsregio, *, joined_on: datetime.date) -> PoolMember:
    member, _created = PoolMember.objects.get_or_create(
        veiligheidsregio=veiligheidsregio, defaults={"joined_on": joined_on}
    )
    return member


@transaction.atomic
def report_claim(
    *, by: Account, member: PoolMember, incident_on: datetime.date, description: str, reserve: Decimal
) -> Claim:
    if not by.has_perm("risicobeheer.manage_pool"):
        raise Refused(_("Alleen Risicobeheer beheert de verzekeringspool."))
    if incident_on < member.joined_on:
        raise Refused(_("Het ongeval was vóór de deelname van deze veiligheidsregio aan de pool."), field="incident_on")
    return Claim.objects.create(
        member=member, incident_on=incident_on, description=description, reserve=_money(reserve, "reserve")
    )


@transaction.atomic
def pay_claim(claim: Claim, *, by: Account, amount: Decimal, paid_on: datetime.date) -> Payment:
    """A payment on an open claim; it lowers the reserve by as much (never below zero)."""
    if not by.has_perm("risicobeheer.manage_pool"):
        raise Refused(_("Alleen Risicobeheer beheert de verzekeringspool."))
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.OPEN:
        raise ConflictRefused(_("Op een afgewikkelde of afgewezen schade wordt niet meer betaald."))
    if _money(amount, "amount") <= 0:
        raise Refused(_("Een betaling is meer dan € 0."), field="amount")
    if paid_on < claim.incident_on:
        raise Refused(_("Een betaling ligt niet vóór de datum van het ongeval."), field="paid_on")
    payment = Payment.objects.create(claim=claim, amount=amount, paid_on=paid_on)
    claim.reserve = max(claim.reserve - amount, Decimal("0.00"))
    claim.save(update_fields=["reserve"])
    return payment


@transaction.atomic
def close_claim(claim: Claim, *, by: Account, status: str) -> Claim:
    if not by.has_perm("risicobeheer.manage_pool"):
        raise Refused(_("Alleen Risicobeheer beheert de verzekeringspool."))
    if status not in (Claim.Status.AFGEWIKKELD, Claim.Status.AFGEWEZEN):
        raise Refused(_("Kies afgewikkeld of afgewezen."), field="status")
    if claim.status != Claim.Status.OPEN:
        raise ConflictRefused(_("Deze schade is al afgesloten."))
    claim.status = status
    claim.reserve = Decimal("0.00")
    claim.save(update_fields=["status", "reserve"])
    return claim
