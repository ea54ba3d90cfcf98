"""Reads of the crowdfunding: progress of a campaign and the figures."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import ExtractYear

from meent.international.inzameling.models import Campaign, Pledge


@dataclass(frozen=True)
class Progress:
    raised: Decimal  # confirmed gifts only
    gifts: int
    pledged: Decimal  # confirmed or not
    target: Decimal

    @property
    def percentage(self) -> int:
        return min(100, int(self.raised * 100 / self.target)) if self.target else 0


def progress(campaign: Campaign) -> Progress:
    confirmed = campaign.pledges.filter(confirmed_at__isnull=False).aggregate(s=Sum("amount"), n=Count("pk"))
    pledged = campaign.pledges.aggregate(s=Sum("amount"))["s"] or Decimal("0")
    return Progress(
        raised=confirmed["s"] or Decimal("0"), gifts=confirmed["n"], pledged=pledged, target=campaign.target
    )


def campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.all()


def public_gifts(campaign: Campaign) -> QuerySet[Pledge]:
    return campaign.pledges.filter(confirmed_at__isnull=False).order_by("-confirmed_at", "-pk")


def confirmed_pledges() -> QuerySet[Pledge]:
    return Pledge.objects.filter(confirmed_at__isnull=False)


def gift_years() -> list[int]:
    return sorted(set(confirmed_pledges().annotate(y=ExtractYear("pledged_at")).values_list("y", flat=True).distinct()))


def gifts_of(year: int) -> QuerySet[Pledge]:
    return confirmed_pledges().filter(pledged_at__year=year)


def raised_in(year: int) -> Decimal | None:
    return gifts_of(year).aggregate(s=Sum("amount"))["s"]
