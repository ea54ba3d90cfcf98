"""Key figures about the benchmark's own data (registered in ``meent.core.registry``): how many sources,
indicators and observations it holds for a year. A year counts by the start of the observations' periods. The data
is open: every reader gets the whole list of the sources and indicators counted. The observations are not listed
one by one (hundreds of thousands of values); their figure links to its definition only."""

from django.db.models import QuerySet
from django.urls import reverse

from meent.core.registry import Figure, Record, Text, Unit, figures
from meent.realisatie.benchmark.models import Indicator, Observation, Period, Source


def years() -> list[int]:
    observed = Period.objects.filter(observations__isnull=False).distinct()
    return sorted({day.year for day in observed.dates("start", "year")})


def _observations(year: int) -> QuerySet:
    return Observation.objects.filter(period__start__year=year)


def sources(year: int) -> QuerySet:
    return Source.objects.filter(observations__period__start__year=year).distinct().order_by("name")


def indicators(year: int) -> QuerySet:
    return Indicator.objects.filter(observations__period__start__year=year).distinct().order_by("name")


def _register(key: str, label: tuple[str, str], definition: tuple[str, str], compute, *, records=None) -> None:
    figures.register(
        Figure(
            key=f"benchmark.{key}",
            label=Text(*label),
            definition=Text(*definition),
            unit=Unit.AANTAL,
            years=years,
            compute=compute,
            order=400 + len(figures.of_module("benchmark")),
            records=records,
        )
    )


_register(
    "bronnen",
    ("Bronnen", "Sources"),
    (
        "Bronnen met ten minste één waarneming over een periode die in het jaar begint.",
        "Sources with at least one observation for a period starting in the year.",
    ),
    lambda year: sources(year).count(),
    records=lambda year, user: [Record(s.name, s.url, s.licence) for s in sources(year)],
)
_register(
    "indicatoren",
    ("Indicatoren", "Indicators"),
    (
        "Indicatoren met ten minste één waarneming over een periode die in het jaar begint.",
        "Indicators with at least one observation for a period starting in the year.",
    ),
    lambda year: indicators(year).count(),
    records=lambda year, user: [
        Record(i.name, reverse("benchmark:indicator", args=[i.code]), i.unit) for i in indicators(year)
    ],
)
_register(
    "waarnemingen",
    ("Waarnemingen", "Observations"),
    (
        "Waarnemingen (een waarde per indicator, gebied en periode) over perioden die in het jaar beginnen.",
        "Observations (one value per indicator, area and period) for periods starting in the year.",
    ),
    lambda year: _observations(year).count(),
)
