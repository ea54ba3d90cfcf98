"""Figures for the annual report and the IBD's own overview, registered in ``meent.core.registry``. The numbers
are counts and medians over all incidents, naming none, so the board may read them although it does not see
incidents themselves. The records a count figure lists (``records=``) go through :mod:`.selectors` with the
reader: each reader gets only the incidents and advisories their TLP markings allow."""

import statistics
from collections import Counter as Tally
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from meent.core import business_hours
from meent.core.registry import Figure, Record, Row, Text, Unit, figures, shared
from meent.realisatie.ibd import selectors, sla
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
    return _median([business_hours.business_hours_between(a, b) for a, b in rows])


def median_closure_hours(year: int) -> float | None:
    rows = Incident.unscoped.filter(year=year, closed_at__isnull=False).values_list("reported_at", "closed_at")
    return _median([business_hours.business_hours_between(a, b) for a, b in rows])


@shared
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


def month_table(year: int) -> list[tuple[int, int, int, int]]:
    """Per month of reporting: (month, incidents, first-response breaches, closure breaches)."""
    months = breaches_per_month(year)
    return [(m, n, r, c) for (m, n), (_m, r, c) in zip(by_month(year), months, strict=True)]


def _hours(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _rows(pairs: list[tuple]) -> list[Row]:
    return [Row(label=str(label), value=n) for label, n in pairs]


def _incident_records(incidents) -> list[Record]:
    return [
        Record(
            label=f"{incident.number} {incident.title}",
            url=reverse("ibd:incident-detail", args=[incident.number]),
            detail=incident.gemeente.name,
        )
        for incident in incidents
    ]


def incident_records(year: int, user) -> list[Record]:
    return _incident_records(selectors.visible_incidents(user).filter(year=year).order_by("reported_at", "pk"))


def activation_records(year: int, user) -> list[Record]:
    activations = selectors.visible_activations(user).filter(incident__year=year).select_related("incident__gemeente")
    return _incident_records(a.incident for a in activations.order_by("activated_at", "pk"))


def advisory_records(year: int, user) -> list[Record]:
    return [
        Record(advisory.title, reverse("ibd:advisory-detail", args=[advisory.number]), advisory.number)
        for advisory in selectors.advisories(user).filter(published_at__year=year).order_by("published_at", "pk")
    ]


def breach_records(target: str):
    """The visible incidents of the year that missed ``target`` ("first_response" or "closure"), as counted by
    :func:`breaches_per_month`."""

    def records(year: int, user) -> list[Record]:
        now = timezone.now()
        incidents = selectors.visible_incidents(user).filter(year=year).order_by("reported_at", "pk")
        return _incident_records(i for i in incidents if getattr(sla.breaches(i, now), target))

    return records


def _register(
    key: str, label: tuple[str, str], definition: tuple[str, str], unit: Unit, compute, *, records=None
) -> None:
    figures.register(
        Figure(
            key=f"ibd.{key}",
            label=Text(*label),
            definition=Text(*definition),
            unit=unit,
            years=years,
            compute=compute,
            order=300 + len(figures.of_module("ibd")),
            records=records,
        )
    )


_register(
    "incidenten",
    ("Incidenten", "Incidents"),
    (
        "Incidenten die in het jaar bij de IBD zijn gemeld, met een hulp-, coördinatie- of ondersteuningsvraag of "
        "als melding; het jaar van melding in Nederlandse tijd.",
        "Incidents reported to the IBD in the year, asking for help, coordination or support or as a notification; "
        "the year of reporting in Dutch time.",
    ),
    Unit.AANTAL,
    incidents_per_year,
    records=incident_records,
)
_register(
    "per_soort_vraag",
    ("Incidenten per soort vraag", "Incidents by type of request"),
    ("De incidenten van het jaar per soort vraag.", "The year's incidents by type of request."),
    Unit.AANTAL,
    lambda year: _rows(by_request_type(year)),
)
_register(
    "per_categorie",
    ("Incidenten per categorie", "Incidents by category"),
    ("De incidenten van het jaar per categorie.", "The year's incidents by category."),
    Unit.AANTAL,
    lambda year: _rows(by_category(year)),
)
_register(
    "per_maand",
    ("Incidenten per maand", "Incidents by month"),
    (
        "De incidenten van het jaar per maand van melding (1 tot en met 12).",
        "The year's incidents by month of reporting (1 to 12).",
    ),
    Unit.AANTAL,
    lambda year: _rows(by_month(year)),
)
_register(
    "inzet_responsnetwerk",
    ("Inzet responsnetwerk", "Response network deployments"),
    (
        "Keren dat het responsnetwerk is ingezet voor een incident van het jaar.",
        "Times the response network was activated for an incident of the year.",
    ),
    Unit.AANTAL,
    activations,
    records=activation_records,
)
_register(
    "adviezen",
    ("Gepubliceerde adviezen", "Published advisories"),
    ("Beveiligingsadviezen die in het jaar zijn gepubliceerd.", "Security advisories published in the year."),
    Unit.AANTAL,
    advisories_published,
    records=advisory_records,
)
_register(
    "mediaan_eerste_reactie",
    ("Mediaan tot eerste reactie", "Median time to first response"),
    (
        "Mediaan van de kantooruren van melding tot de eerste reactie van de IBD, over de incidenten van het jaar "
        "met een reactie.",
        "Median business hours from report to the IBD's first response, over the year's incidents with a response.",
    ),
    Unit.UREN,
    lambda year: _hours(median_first_response_hours(year)),
)
_register(
    "mediaan_afsluiten",
    ("Mediaan tot afsluiten", "Median time to closure"),
    (
        "Mediaan van de kantooruren van melding tot afsluiten, over de afgesloten incidenten van het jaar.",
        "Median business hours from report to closure, over the year's closed incidents.",
    ),
    Unit.UREN,
    lambda year: _hours(median_closure_hours(year)),
)
_register(
    "normoverschrijdingen_eerste_reactie",
    ("Normoverschrijdingen eerste reactie", "First-response targets missed"),
    (
        "Incidenten van het jaar die hun servicenorm voor de eerste reactie niet haalden (of, nog open, al voorbij "
        "zijn).",
        "The year's incidents that missed their first-response target (or, still open, have passed it).",
    ),
    Unit.AANTAL,
    lambda year: sum(r for _m, r, _c in breaches_per_month(year)),
    records=breach_records("first_response"),
)
_register(
    "normoverschrijdingen_afsluiten",
    ("Normoverschrijdingen afsluiten", "Closure targets missed"),
    (
        "Incidenten van het jaar die hun servicenorm voor afsluiten niet haalden (of, nog open, al voorbij zijn).",
        "The year's incidents that missed their closure target (or, still open, have passed it).",
    ),
    Unit.AANTAL,
    lambda year: sum(c for _m, _r, c in breaches_per_month(year)),
    records=breach_records("closure"),
)
