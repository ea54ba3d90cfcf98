"""Writes of the crowdfunding: campaigns, pledges and the confirmation that the money arrived."""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core.refusals import ConflictRefused, Refused
from meent.international.inzameling.models import Campaign, Pledge
from meent.leden.models import Account

MAX_PLEDGE = Decimal("100000")


def is_open(campaign: Campaign, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return campaign.starts_on <= today <= campaign.ends_on


def _money(value, field: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise Refused(_("Vul een bedrag in euro's in."), field=field) from None
    if not amount.is_finite() or amount <= 0:
        raise Refused(_("Het bedrag moet groter zijn dan nul."), field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise Refused(_("Een bedrag heeft hoogstens twee decimalen."), field=field)
    return amount


@transaction.atomic
def create_campaign(
    *,
    by: Account,
    title: str,
    purpose: str,
    beneficiaries: str,
    target,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> Campaign:
    target = _money(target, "target")
    if ends_on < starts_on:
        raise Refused(_("De einddatum ligt vóór de begindatum."), field="ends_on")
    if Campaign.objects.filter(title=title).exists():
        raise ConflictRefused(_("Er is al een inzameling met deze titel."), field="title")
    return Campaign.objects.create(
        title=title,
        purpose=purpose,
        beneficiaries=beneficiaries,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
    )


@transaction.atomic
def pledge(
    campaign: Campaign,
    *,
    by: Account,
    amount,
    anonymous: bool = False,
    display_name: str = "",
    message: str = "",
    at: datetime.datetime | None = None,
) -> Pledge:
    """A staff member's pledge while the campaign is open (up to and including its end date, Amsterdam time)."""
    at = at or timezone.now()
    if not by.is_staff_member:
        raise Refused(_("Alleen medewerkers van de vereniging en haar bedrijven geven aan deze inzameling."))
    if not is_open(campaign, timezone.localtime(at).date()):
        raise ConflictRefused(_("Deze inzameling is gesloten; er kan niet meer worden gegeven."))
    amount = _money(amount, "amount")
    if amount > MAX_PLEDGE:
        raise Refused(_("Een toezegging is hoogstens € 100.000."), field="amount")
    display_name = "" if anonymous else (display_name.strip() or by.get_full_name() or by.username)
    return Pledge.objects.create(
        campaign=campaign,
        donor=by,
        amount=amount,
        anonymous=anonymous,
        display_name=display_name,
        message=message.strip()[:500],
        pledged_at=at,
    )


@transaction.atomic
def confirm(pledge: Pledge, *, by: Account, at: datetime.datetime | None = None) -> Pledge:
    """Staff confirm the money arrived; only then does the gift count towards the total."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.confirmed_at is not None:
        raise ConflictRefused(_("De ontvangst van deze gift is al bevestigd."))
    pledge.confirmed_at = at or timezone.now()
    pledge.confirmed_by = by
    pledge.save(update_fields=["confirmed_at", "confirmed_by"])
    return pledge
