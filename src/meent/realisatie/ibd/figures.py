"""Figures for the annual report and the IBD's own overview. Only counts and medians leave this module: nothing
in it names an incident, so the board may read it although it does not see incidents themselves."""

import statistics
from collections import Counter as Tally

from django.db.models import Count
from django.utils import timezone

from meent.realisatie.ibd import sla
from meent.realisatie.ibd.models import Activation, Advisory, Category, Incident, RequestType


def years() -> list[int]:
    return sorted(set(Incident.unscoped.values_list("year", flat=True)))


def incidents_per_year(year: int) -> int:
    return Incident.unscoped.filter(year=year).count()


def by_request_type(year: int) -> list[tuple[str, int]]:
    counts = dict(Incident.unscoped.filter(year=year).values_list("request_type").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in RequestType.choices]


def by_category(year: int) -> list[tuple[str, int]]:
    counts = dict(Incident.unscoped.filter(year=year).values_list("category").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in Category.choices]


def by_month(year: int) -> list[tuple[int, int]]:
    # The month of reporting in Amsterdam time; ``year`` is already the local year of reporting.
    counts = Tally(
        timezone.localtime(at).month for at in Incident.unscoped.filter(year=year).values_list("reported_at", flat=True)
    )
    return [(month, counts.get(month, 0)) for month in range(1, 13)]


def activations(year: int) -> int:
    return Activation.objects.filter(incident__year=year).count()


def advisories_published(year: int) -> int:
    return Advisory.objects.filter(published_at__year=year).count()


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def median_first_response_hours(year: int) -> float | None:
    """Median business hours from report to the IBD's first response."""
    rows = Incident.unscoped.filter(year=year, first_response_at__isnull=False).values_list(
        "reported_at", "first_response_at"
    )
    return _median([sla.business_hours_between(a, b) for a, b in rows])


def median_closure_hours(year: int) -> float | None:
    rows = Incident.unscoped.filter(year=year, closed_at__isnull=False).values_list("reported_at", "closed_at")
    return _median([sla.business_hours_between(a, b) for a, b in rows])


def breaches_per_month(year: int, now=None) -> list[tuple[int, int, int]]:
    """Per month of reporting: (month, first-response breaches, closure breaches)."""
    now = now or timezone.now()
    result = {m: [0, 0] for m in range(1, 13)}
    for incident in Incident.unscoped.filter(year=year).only(
        "reported_at", "first_response_at", "closed_at", "response_due", "closure_due"
    ):
        broken = sla.breaches(incident, now)
        month = timezone.localtime(incident.reported_at).month
        result[month][0] += broken.first_response
        result[month][1] += broken.closure
    return [(m, r, c) for m, (r, c) in result.items()]


def year_figures(year: int) -> dict:
    months = breaches_per_month(year)
    return {
        "total": incidents_per_year(year),
        "by_request_type": by_request_type(year),
        "by_category": by_category(year),
        "by_month": by_month(year),
        "activations": activations(year),
        "advisories": advisories_published(year),
        "median_first_response": median_first_response_hours(year),
        "median_closure": median_closure_hours(year),
        "breaches_per_month": months,
        "months": [(m, n, r, c) for (m, n), (_m, r, c) in zip(by_month(year), months, strict=True)],
        "breaches_first_response": sum(r for _m, r, _c in months),
        "breaches_closure": sum(c for _m, _r, c in months),
    }
