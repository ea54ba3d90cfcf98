"""Roadmaps (routekaart zorgfraude): recording progress and reading it back as a heat map, share per step and a
trend per quarter. Writes check who may record for which gemeente; reads are for Naleving and the board."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meent.core.refusals import Refused
from meent.leden.models import Account, Gemeente, Population
from meent.naleving.models import Progress, Roadmap, Step

SIZE_CLASSES = [
    ("klein", gettext_lazy("tot 20.000 inwoners"), 0, 20_000),
    ("middel", gettext_lazy("20.000 tot 50.000"), 20_000, 50_000),
    ("groot", gettext_lazy("50.000 tot 100.000"), 50_000, 100_000),
    ("zeergroot", gettext_lazy("100.000 en meer"), 100_000, 10**9),
]


def may_record(user: Account, gemeente: Gemeente) -> bool:
    if user.has_perm("naleving.manage_campaigns"):
        return True
    return bool(user.is_authenticated and not user.is_staff_member and user.gemeente == gemeente)


@transaction.atomic
def record_progress(
    step: Step,
    gemeente: Gemeente,
    *,
    status: str,
    by: Account | None,
    date: datetime.date | None = None,
    note: str = "",
) -> Progress:
    """Set the gemeente's status on ``step``: a gemeente account for its own gemeente only, Naleving for any.
    ``by=None`` is the system (a campaign answer, the demo)."""
    if by is not None and not may_record(by, gemeente):
        raise Refused(_("U kunt alleen de voortgang van uw eigen gemeente bijhouden."))
    if status not in Progress.Status.values:
        raise Refused(_("Kies niet gestart, bezig of gereed."), field="status")
    date = date or timezone.localdate()
    if date > timezone.localdate():
        raise Refused(_("De datum ligt in de toekomst."), field="date")
    progress, _created = Progress.unscoped.update_or_create(
        step=step, gemeente=gemeente, defaults={"status": status, "date": date, "note": note[:500], "updated_by": by}
    )
    return progress


def size_class(inhabitants: int | None) -> str:
    if inhabitants is None:
        return ""
    return next(key for key, _label, low, high in SIZE_CLASSES if low <= inhabitants < high)


@dataclass
class HeatRow:
    gemeente: Gemeente
    size_class: str
    cells: list[Progress | None]
    done: int


def heat_map(roadmap: Roadmap, *, province: str = "", size: str = "", order: str = "naam") -> list[HeatRow]:
    """Every gemeente of the roadmap's division × its steps (three queries)."""
    steps = list(roadmap.steps.all())
    gemeenten = Gemeente.objects.in_year(roadmap.division_year).municipalities().select_related("province")
    if province:
        gemeenten = gemeenten.filter(province__code=province)
    inhabitants = dict(Population.objects.filter(year=roadmap.division_year).values_list("gemeente_id", "inhabitants"))
    progress = {(p.gemeente_id, p.step_id): p for p in Progress.unscoped.filter(step__roadmap=roadmap)}
    rows = []
    for gemeente in gemeenten:
        klass = size_class(inhabitants.get(gemeente.pk))
        if size and klass != size:
            continue
        cells = [progress.get((gemeente.pk, step.pk)) for step in steps]
        done = sum(1 for c in cells if c is not None and c.status == Progress.Status.DONE)
        rows.append(HeatRow(gemeente, klass, cells, done))
    if order == "voortgang":
        rows.sort(key=lambda r: (-r.done, r.gemeente.name))
    return rows


def share_per_step(roadmap: Roadmap, rows: list[HeatRow]) -> list[tuple[Step, int, int]]:
    """(step, gemeenten done, gemeenten in the rows) per step."""
    steps = list(roadmap.steps.all())
    return [
        (step, sum(1 for r in rows if r.cells[i] is not None and r.cells[i].status == Progress.Status.DONE), len(rows))
        for i, step in enumerate(steps)
    ]


def quarter_trend(roadmap: Roadmap) -> list[tuple[str, int]]:
    """Steps done (gemeente × step) by the end of each quarter since the first recorded progress."""
    dates = sorted(
        Progress.unscoped.filter(step__roadmap=roadmap, status=Progress.Status.DONE).values_list("date", flat=True)
    )
    if not dates:
        return []
    result = []
    year, quarter = dates[0].year, (dates[0].month - 1) // 3 + 1
    today = timezone.localdate()
    while datetime.date(year, 3 * quarter - 2, 1) <= today:
        end = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
        result.append((f"{year} K{quarter}", sum(1 for d in dates if d < end)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return result


def own_progress(roadmap: Roadmap, gemeente: Gemeente) -> list[tuple[Step, Progress | None]]:
    progress = {p.step_id: p for p in Progress.unscoped.filter(step__roadmap=roadmap, gemeente=gemeente)}
    return [(step, progress.get(step.pk)) for step in roadmap.steps.all()]


def progress_of(gemeente: Gemeente) -> list[tuple[Roadmap, list[tuple[Step, Progress | None]]]]:
    """Per roadmap, the gemeente's progress on each step (``None``: nothing recorded, so not started): the
    roadmaps whose division holds the gemeente, and any other it recorded progress on. The caller has checked
    that the viewer may see this gemeente's progress."""
    progress = {p.step_id: p for p in Progress.unscoped.filter(gemeente=gemeente)}
    all_roadmaps = list(roadmaps())
    years = {r.division_year for r in all_roadmaps}
    in_division = {y for y in years if Gemeente.objects.in_year(y).municipalities().filter(pk=gemeente.pk).exists()}
    result = []
    for roadmap in all_roadmaps:
        steps = [(step, progress.get(step.pk)) for step in roadmap.steps.all()]
        if steps and (roadmap.division_year in in_division or any(p is not None for _step, p in steps)):
            result.append((roadmap, steps))
    return result


def roadmaps() -> QuerySet:
    return Roadmap.objects.prefetch_related("steps")


def progress_years() -> list[int]:
    return sorted({d.year for d in Progress.unscoped.values_list("date", flat=True)})


def done_per_step(year: int) -> list[tuple[str, int, str]]:
    """(roadmap step, gemeenten done by the end of ``year``, the roadmap) for every roadmap with progress."""
    end = datetime.date(year, 12, 31)
    result = []
    for step in Step.objects.select_related("roadmap").filter(progress__isnull=False).distinct():
        done = Progress.unscoped.filter(step=step, status=Progress.Status.DONE, date__lte=end).count()
        result.append((f"{step.number}. {step.title}", done, step.roadmap.title))
    return result
