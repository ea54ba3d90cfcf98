"""Reads of the grant fund: what a user may see, and the fund's figures from its records."""

from collections import Counter
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone

from meent.core.access import is_signed_in
from meent.international.fonds.models import (
    GRANTED,
    TRAINED,
    Applicant,
    Application,
    Call,
    Document,
    Fund,
    Review,
    Status,
    Tranche,
)
from meent.leden.models import Visitor


def applicant_of(user: Visitor) -> Applicant | None:
    """The applicant organisation ``user`` logs in for, or None (kept on the user object for the request)."""
    if not is_signed_in(user):
        return None
    if not hasattr(user, "_grant_applicant"):
        user._grant_applicant = Applicant.objects.filter(accounts__account=user).first()
    return user._grant_applicant


def is_fund_staff(user: Visitor) -> bool:
    return user.has_perm("fonds.view_funds")


def open_calls(now=None) -> QuerySet[Call]:
    return Call.objects.filter(deadline__gt=now or timezone.now()).select_related("fund").order_by("deadline")


def visible_applications(user: Visitor) -> QuerySet[Application]:
    """Staff: every submitted application; an applicant: its own, drafts included; a reviewer: those assigned."""
    qs = Application.objects.select_related("call__fund", "applicant__organisation")
    if is_fund_staff(user):
        return qs.exclude(status=Status.CONCEPT)
    applicant = applicant_of(user)
    if applicant is not None:
        return qs.filter(applicant=applicant)
    if is_signed_in(user):
        return qs.filter(assignments__reviewer=user).exclude(status=Status.CONCEPT)
    return qs.none()


def application_for(user: Visitor, pk: int) -> Application | None:
    return visible_applications(user).filter(pk=pk).first()


def document_for(user: Visitor, pk: int) -> Document | None:
    return Document.objects.filter(application__in=visible_applications(user), pk=pk).first()


def tranche_for(user: Visitor, pk: int) -> Tranche | None:
    tranches = Tranche.objects.filter(application__in=visible_applications(user), pk=pk)
    return tranches.select_related("application").first()


def reviews_of(application: Application) -> list[dict]:
    """Each review with its reviewer, scores and weighted mean (1–5): for fund staff only."""
    result = []
    reviews = Review.objects.filter(assignment__application=application).select_related("assignment__reviewer")
    for review in reviews.prefetch_related("scores__criterion"):
        scores = list(review.scores.all())
        weight = sum(s.criterion.weight for s in scores)
        mean = sum(Decimal(s.score * s.criterion.weight) for s in scores) / weight if weight else None
        result.append({"review": review, "reviewer": review.assignment.reviewer, "scores": scores, "mean": mean})
    return result


def status_counts(funds: QuerySet[Fund]) -> list[tuple[str, str, int]]:
    """(status, label, number of applications) for every status after submission, in the machine's order."""
    qs = Application.objects.exclude(status=Status.CONCEPT).filter(call__fund__in=funds)
    counts = Counter(qs.values_list("status", flat=True))
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices if value != Status.CONCEPT]


def fund_years() -> list[int]:
    years = set()
    for starts, ends in Fund.objects.values_list("starts_on", "ends_on"):
        years.update(range(starts.year, ends.year + 1))
    return sorted(years)


def funds_in(year: int) -> QuerySet[Fund]:
    return Fund.objects.filter(starts_on__year__lte=year, ends_on__year__gte=year)


def granted_by(year: int) -> QuerySet[Application]:
    """Applications of the year's funds granted by the end of ``year`` (and not since withdrawn)."""
    return Application.objects.filter(
        call__fund__in=funds_in(year), status__in=GRANTED, decided_at__year__lte=year
    ).select_related("applicant__organisation")


def committed(year: int) -> Decimal | None:
    if not funds_in(year).exists():
        return None
    return granted_by(year).aggregate(total=Sum("amount_granted"))["total"] or Decimal(0)


def paid(year: int) -> Decimal | None:
    if not funds_in(year).exists():
        return None
    tranches = Tranche.objects.filter(
        application__call__fund__in=funds_in(year), state=Tranche.State.BETAALD, paid_on__year__lte=year
    )
    return tranches.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def remaining(year: int) -> Decimal | None:
    spent = committed(year)
    if spent is None:
        return None
    return funds_in(year).aggregate(total=Sum("budget"))["total"] - spent


def municipalities_reached(year: int) -> QuerySet:
    """The municipalities (not regions) that granted applications of the year's funds cover."""
    from meent.international.fonds.models import Area

    return Area.objects.filter(kind=Area.Kind.GEMEENTE, applications__in=granted_by(year)).distinct()


def ngos_trained(year: int) -> QuerySet[Applicant]:
    return Applicant.objects.filter(
        applications__call__fund__in=funds_in(year),
        applications__status__in=TRAINED,
        applications__submitted_at__year__lte=year,
    ).distinct()
