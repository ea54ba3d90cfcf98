"""The members registry's key figures (registered in ``meent.core.registry``): the gemeenten, veiligheidsregio's
and herindelingen of a year, from the registry's division of 1 January. The registry is public reference data, so
every reader gets the whole list of what a figure counts."""

from django.urls import reverse

from meent.core.registry import Figure, Record, Text, Unit, figures
from meent.leden import selectors


def _gemeente_records(gemeenten) -> list[Record]:
    return [Record(g.name, reverse("leden:gemeente-detail", args=[g.code]), g.code) for g in gemeenten]


def _register(key: str, label: tuple[str, str], definition: tuple[str, str], compute, *, records=None) -> None:
    figures.register(
        Figure(
            key=f"leden.{key}",
            label=Text(*label),
            definition=Text(*definition),
            unit=Unit.AANTAL,
            years=selectors.years_with_division,
            compute=compute,
            order=100 + len(figures.of_module("leden")),
            records=records,
        )
    )


_register(
    "gemeenten",
    ("Gemeenten", "Municipalities"),
    (
        "Gemeenten in de indeling van 1 januari van het jaar, uit het ledenregister; de openbare lichamen van "
        "Caribisch Nederland tellen niet mee.",
        "Municipalities in the division of 1 January of the year, from the members registry; the public bodies of "
        "the Caribbean Netherlands are not included.",
    ),
    lambda year: selectors.gemeenten(year=year).count(),
    records=lambda year, user: _gemeente_records(selectors.gemeenten(year=year)),
)
_register(
    "veiligheidsregios",
    ("Veiligheidsregio's", "Safety regions"),
    (
        "Veiligheidsregio's waartoe ten minste één gemeente van de indeling van 1 januari van het jaar behoort.",
        "Safety regions to which at least one municipality of the division of 1 January of the year belongs.",
    ),
    lambda year: selectors.veiligheidsregios(year=year).count(),
    records=lambda year, user: [Record(r.name, detail=r.code) for r in selectors.veiligheidsregios(year=year)],
)
_register(
    "herindelingen",
    ("Herindelingen", "Municipal mergers"),
    (
        "Gemeenten die op 1 januari van het jaar door een herindeling (samenvoeging, opsplitsing of toevoeging) "
        "zijn ontstaan of gegroeid, uit de herindelingen in het ledenregister.",
        "Municipalities formed or enlarged on 1 January of the year by a merger, split or annexation, from the "
        "registry's mergers.",
    ),
    selectors.herindelingen_count,
    records=lambda year, user: _gemeente_records(selectors.herindelingen(year)),
)
