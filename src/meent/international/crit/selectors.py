"""Reads of the helpdesk: who sees which question, the pool with its load, the ranking and the figures."""

import datetime
import statistics
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from meent.core.business_hours import business_hours_between
from meent.core.registry import shared
from meent.international.crit import ranking
from meent.international.crit.models import Expert, Message, Question, Status
from meent.leden.models import Visitor

OPEN_STATUSES = (Status.OPEN, Status.ASSIGNED, Status.ANSWERED)


def is_staff(user: Visitor) -> bool:
    return user.has_perm("crit.manage")


def visible_questions(user: Visitor) -> QuerySet[Question]:
    """Staff see every question; an expert the questions assigned to them; anyone else none."""
    if not getattr(user, "is_authenticated", False):
        return Question.objects.none()
    if is_staff(user):
        return Question.objects.all()
    return Question.objects.filter(assignments__expert__account=user).distinct()


def question_for(user: Visitor, pk: int) -> Question | None:
    return visible_questions(user).filter(pk=pk).first()


def received_questions() -> QuerySet[Question]:
    return Question.objects.exclude(status=Status.UNVERIFIED)


def pool() -> QuerySet[Expert]:
    """The active experts, each annotated with ``load``: open questions assigned to them."""
    return (
        Expert.objects.filter(active=True)
        .select_related("person", "gemeente")
        .prefetch_related("availability")
        .annotate(load=Count("assignments", filter=Q(assignments__question__status__in=OPEN_STATUSES)))
        .order_by("person__last_name", "person__first_name", "pk")
    )


def candidates() -> list[ranking.Candidate]:
    return [
        ranking.Candidate(
            id=expert.pk,
            name=str(expert.person),
            expertise=frozenset(expert.expertise),
            languages=frozenset(expert.languages),
            windows=tuple((w.starts_on, w.ends_on) for w in expert.availability.all()),
            load=expert.load,
        )
        for expert in pool()
    ]


def ranked_experts(question: Question, today: datetime.date | None = None) -> list[ranking.Ranked]:
    today = today or timezone.localdate()
    assigned = set(question.assignments.values_list("expert_id", flat=True))
    pool_ = [c for c in candidates() if c.id not in assigned]
    return ranking.rank(pool_, ranking.Need(topic=question.topic, language=question.language), today)


def shared_summaries() -> QuerySet[Question]:
    return Question.objects.filter(summary_shared_at__isnull=False).order_by("-summary_shared_at")


def officials_of(gemeente) -> QuerySet[Expert]:
    """The gemeente's (former) officials in the pool, each with ``answered``: questions they answered."""
    return (
        Expert.objects.filter(gemeente=gemeente)
        .select_related("person")
        .annotate(answered=Count("messages__question", distinct=True))
    )


# Figures ---------------------------------------------------------------------------------------------------


def question_years() -> list[int]:
    return sorted(
        set(received_questions().annotate(y=ExtractYear("received_at")).values_list("y", flat=True).distinct())
    )


def questions_of(year: int) -> QuerySet[Question]:
    return received_questions().filter(received_at__year=year)


def per_topic(year: int) -> list[tuple[str, int]]:
    from meent.international.crit.models import Topic

    rows = questions_of(year).values("topic").annotate(n=Count("pk")).order_by("-n", "topic")
    return [(Topic(row["topic"]).label, row["n"]) for row in rows]


def per_country(year: int) -> list[tuple[str, int]]:
    rows = questions_of(year).values("country").annotate(n=Count("pk")).order_by("-n", "country")
    from django_countries import countries

    return [(countries.name(row["country"]), row["n"]) for row in rows]


@shared
def first_answer_hours(year: int) -> list[float]:
    return [
        business_hours_between(q.received_at, q.first_answer_at)
        for q in questions_of(year).filter(first_answer_at__isnull=False).only("received_at", "first_answer_at")
    ]


def median_first_answer(year: int) -> Decimal | None:
    hours = first_answer_hours(year)
    return Decimal(str(round(statistics.median(hours), 1))) if hours else None


def mean_satisfaction(year: int) -> Decimal | None:
    scores = list(questions_of(year).filter(satisfaction__isnull=False).values_list("satisfaction", flat=True))
    return Decimal(sum(scores)) / len(scores) if scores else None


def active_experts(year: int) -> QuerySet[Expert]:
    """Experts who wrote an answer in the year."""
    return Expert.objects.filter(
        pk__in=Message.objects.filter(kind=Message.Kind.EXPERT, created_at__year=year).values("expert")
    ).select_related("person")
