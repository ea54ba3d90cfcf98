"""Reads of Naleving: campaigns, their coverage per gemeente and over time, the answers."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from meent.naleving.models import Answer, Campaign, Delivery, Field, Progress, Target

ANSWERED, REMINDED, MISSING = "beantwoord", "herinnerd", "ontbreekt"


def campaigns() -> QuerySet:
    return Campaign.objects.annotate(
        target_count=Count("targets", distinct=True),
        answered_count=Count("targets", filter=Q(targets__first_answer_at__isnull=False), distinct=True),
    ).order_by("-created_at")


def campaign(pk: int) -> Campaign | None:
    return campaigns().filter(pk=pk).first()


def campaign_years() -> list[int]:
    return sorted({d.year for d in Campaign.objects.filter(sent_at__isnull=False).values_list("sent_at", flat=True)})


def status_of(target: Target) -> str:
    return _status(target.first_answer_at, target.reminders)


def _status(first_answer_at: datetime.datetime | None, reminders: int) -> str:
    if first_answer_at is not None:
        return ANSWERED
    return REMINDED if reminders else MISSING


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """A target gemeente on the coverage page: its status and the number of mails in its log."""

    target_id: int
    code: str
    name: str
    province: str
    first_answer_at: datetime.datetime | None
    reminders: int
    mail_count: int
    bounced_count: int
    status: str


def coverage(campaign: Campaign) -> list[CoverageRow]:
    """Every target gemeente with its status and mail counts, in one query. Plain rows rather than model
    instances: the page lists all 355 gemeenten of a division, and three model instances per row cost more than
    the query itself."""
    rows = (
        Target.unscoped.filter(campaign=campaign)
        .annotate(
            mail_count=Count("deliveries"),
            bounced_count=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.BOUNCED)),
        )
        .order_by("gemeente__name")
        .values_list(
            "pk",
            "gemeente__code",
            "gemeente__name",
            "gemeente__province__name",
            "first_answer_at",
            "reminders",
            "mail_count",
            "bounced_count",
        )
    )
    return [CoverageRow(*row, status=_status(row[4], row[5])) for row in rows]


@dataclass(frozen=True)
class Curve:
    points: list[tuple[int, int]]  # (hours after sending, gemeenten answered by then)
    total: int
    full_after_hours: int | None  # hours until the last target answered, None while one is missing


def curve(campaign: Campaign, targets: list[CoverageRow] | list[Target] | None = None) -> Curve | None:
    """Cumulative answered gemeenten per full hour after sending; ``None`` before sending."""
    if campaign.sent_at is None:
        return None
    if targets is None:
        targets = list(Target.unscoped.filter(campaign=campaign).only("first_answer_at"))
    hours = sorted(
        max(0, math.ceil((t.first_answer_at - campaign.sent_at) / datetime.timedelta(hours=1)))
        for t in targets
        if t.first_answer_at is not None
    )
    total = len(targets)
    last = hours[-1] if hours else 0
    points, index = [], 0
    for hour in range(last + 1):
        while index < len(hours) and hours[index] <= hour:
            index += 1
        points.append((hour, index))
    full = last if hours and len(hours) == total else None
    return Curve(points, total, full)


def answers(campaign: Campaign) -> QuerySet:
    """Every version of every answer, newest version last per gemeente."""
    return (
        Answer.unscoped.filter(target__campaign=campaign)
        .select_related("target__gemeente")
        .order_by("target__gemeente__name", "version")
    )


def current_answer(target: Target) -> Answer | None:
    return Answer.unscoped.filter(target=target).order_by("-version").first()


def answer_initial(target: Target) -> dict:
    """What the answer form shows filled in: the current answer; and for a field asking a roadmap step, the
    gemeente's progress as recorded now (it may have changed on the roadmap's page since the last answer)."""
    current = current_answer(target)
    initial = dict(current.data) if current else {}
    keys = dict(Field.objects.filter(campaign_id=target.campaign_id, step__isnull=False).values_list("step_id", "key"))
    if keys:
        progress = Progress.unscoped.filter(gemeente_id=target.gemeente_id, step_id__in=keys)
        initial.update((keys[step_id], status) for step_id, status in progress.values_list("step_id", "status"))
    return initial


def deliveries(campaign: Campaign) -> QuerySet:
    return (
        Delivery.unscoped.filter(target__campaign=campaign)
        .select_related("target__gemeente")
        .order_by("target__gemeente__name", "queued_at", "pk")
    )


def answers_for_panel(gemeente) -> list[tuple[Target, Answer]]:
    """The gemeente's answered campaigns, newest first, each with its current answer (and the role it gave).
    The caller has checked that the viewer may see this gemeente's answers."""
    targets = list(
        Target.unscoped.filter(gemeente=gemeente, first_answer_at__isnull=False)
        .select_related("campaign")
        .order_by("-last_answer_at")[:10]
    )
    latest = {}
    for answer in (
        Answer.unscoped.filter(target__in=targets).select_related("membership__person").order_by("target", "version")
    ):
        latest[answer.target_id] = answer
    return [(target, latest[target.pk]) for target in targets if target.pk in latest]


def reached(year: int) -> int | None:
    """Gemeenten that answered a campaign sent in ``year``."""
    qs = Target.unscoped.filter(campaign__sent_at__year=year)
    if not qs.exists():
        return None
    return qs.filter(first_answer_at__isnull=False).values("gemeente").distinct().count()


def reached_targets(year: int) -> list[Target]:
    """One answered target per gemeente (its first campaign of the year), for the figure's record list."""
    seen, result = set(), []
    qs = (
        Target.unscoped.filter(campaign__sent_at__year=year, first_answer_at__isnull=False)
        .select_related("gemeente")
        .order_by("gemeente__name", "campaign__sent_at")
    )
    for target in qs:
        if target.gemeente_id not in seen:
            seen.add(target.gemeente_id)
            result.append(target)
    return result


def hours_to_full_coverage(year: int) -> int | None:
    """The fastest full coverage among the campaigns sent in ``year`` (hours), or ``None`` if none got there."""
    results = [c.full_after_hours for c in (curve(x) for x in Campaign.objects.filter(sent_at__year=year)) if c]
    results = [r for r in results if r is not None]
    return min(results) if results else None


def reminders_sent(year: int) -> int | None:
    if not Campaign.objects.filter(sent_at__year=year).exists():
        return None
    return Delivery.unscoped.filter(target__campaign__sent_at__year=year, kind=Delivery.Kind.REMINDER).count()
