"""Global Goals gemeenten: which gemeenten joined and when, counted per year in that year's division.

A membership is recorded for the gemeente that joined. After a herindeling the successor carries it, from the
original date: the count of a year follows :func:`meent.leden.selectors.current_successors` to the division of
31 December, and a successor with several member predecessors counts once, from the earliest date."""

import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core.refusals import Refused
from meent.leden.models import Account, Gemeente
from meent.leden.selectors import current_successors
from meent.naleving.models import GlobalGoalsMember


@dataclass
class Member:
    gemeente: Gemeente
    joined: datetime.date
    via: list[Gemeente] = field(default_factory=list)  # the predecessors that joined, when carried over


@transaction.atomic
def join(gemeente: Gemeente, joined: datetime.date, *, by: Account | None) -> GlobalGoalsMember:
    if joined > timezone.localdate():
        raise Refused(_("De datum ligt in de toekomst."), field="joined")
    if gemeente.valid_until is not None and joined >= gemeente.valid_until:
        raise Refused(_("De gemeente bestond op die datum niet meer."), field="joined")
    try:
        with transaction.atomic():
            return GlobalGoalsMember.objects.create(gemeente=gemeente, joined=joined, created_by=by)
    except IntegrityError:
        raise Refused(_("Deze gemeente is al Global Goals-gemeente."), field="gemeente") from None


def members(year: int) -> list[Member]:
    """The Global Goals gemeenten of the division of 31 December of ``year``, by name."""
    end = datetime.date(year, 12, 31)
    result: dict[int, Member] = {}
    for record in GlobalGoalsMember.objects.filter(joined__lte=end).select_related("gemeente"):
        for successor in current_successors(record.gemeente, on=end):
            if successor.valid_from is not None and successor.valid_from > end:
                continue
            member = result.setdefault(successor.pk, Member(successor, record.joined))
            member.joined = min(member.joined, record.joined)
            if successor != record.gemeente:
                member.via.append(record.gemeente)
    return sorted(result.values(), key=lambda m: m.gemeente.name)


def count(year: int) -> int | None:
    """How many gemeenten were Global Goals gemeente at the end of ``year``; ``None`` before the first joined."""
    if not GlobalGoalsMember.objects.filter(joined__year__lte=year).exists():
        return None
    return len(members(year))


def years() -> list[int]:
    first = GlobalGoalsMember.objects.order_by("joined").values_list("joined__year", flat=True).first()
    return list(range(first, timezone.localdate().year + 1)) if first else []


def per_year() -> list[tuple[int, int]]:
    return [(year, len(members(year))) for year in years()]
