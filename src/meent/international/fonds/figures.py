"""Figures of the grant fund for the annual report and the fund's own page, registered in ``meent.core.registry``.
Each is computed from the records for the funds running in the year; a year without a fund has no data."""

from django.urls import reverse

from meent.core.registry import Figure, Record, Row, Text, Unit, figures
from meent.international.fonds import selectors


def _records_municipalities(year: int, user) -> list[Record]:
    return [
        Record(label=str(area), detail=area.region.name if area.region else "")
        for area in selectors.municipalities_reached(year).select_related("region")
    ]


def _records_ngos(year: int, user) -> list[Record]:
    if not user.has_perm("fonds.view_funds"):
        return []  # the applicants are named only to fund staff
    return [
        Record(label=applicant.organisation.name)
        for applicant in selectors.ngos_trained(year).select_related("organisation")
    ]


def _per_status(year: int) -> list[Row]:
    url = reverse("fonds:application-list")
    return [
        Row(label=str(label), value=n, url=f"{url}?status={value}")
        for value, label, n in selectors.status_counts(selectors.funds_in(year))
    ]


_FIGURES = [
    (
        "toegekend",
        ("Toegekend uit het subsidiefonds", "Granted from the grant fund"),
        (
            "Som van de toegekende bedragen van aanvragen die uiterlijk in het jaar zijn toegekend, voor de fondsen "
            "die in het jaar lopen.",
            "Sum of the amounts granted to applications granted by the end of the year, for the funds running that "
            "year.",
        ),
        Unit.EURO,
        selectors.committed,
        None,
    ),
    (
        "uitbetaald",
        ("Uitbetaald uit het subsidiefonds", "Paid from the grant fund"),
        (
            "Som van de tranches die uiterlijk in het jaar zijn betaald, voor de fondsen die in het jaar lopen.",
            "Sum of the tranches paid by the end of the year, for the funds running that year.",
        ),
        Unit.EURO,
        selectors.paid,
        None,
    ),
    (
        "resterend",
        ("Nog beschikbaar in het subsidiefonds", "Remaining in the grant fund"),
        (
            "Budget van de fondsen die in het jaar lopen, min wat er uiterlijk in het jaar is toegekend.",
            "Budget of the funds running that year, less what was granted by the end of the year.",
        ),
        Unit.EURO,
        selectors.remaining,
        None,
    ),
    (
        "aanvragen_per_status",
        ("Aanvragen per status", "Applications per status"),
        (
            "Ingediende aanvragen bij de fondsen die in het jaar lopen, naar hun huidige status.",
            "Submitted applications to the funds running that year, by their current status.",
        ),
        Unit.AANTAL,
        _per_status,
        None,
    ),
    (
        "gemeenten_bereikt",
        ("Gemeenten bereikt door het fonds", "Municipalities reached by the fund"),
        (
            "Verschillende gemeenten (woreda's) die toegekende aanvragen bestrijken, uiterlijk in het jaar toegekend.",
            "Distinct municipalities (woredas) covered by granted applications, granted by the end of the year.",
        ),
        Unit.AANTAL,
        lambda year: selectors.municipalities_reached(year).count(),
        _records_municipalities,
    ),
    (
        "ngos_getraind",
        ("NGO's getraind", "NGOs trained"),
        (
            "Aanvragende organisaties met een aanvraag die de training heeft doorlopen (status beoordeeld of verder).",
            "Applicant organisations with an application that completed the training (reviewed or beyond).",
        ),
        Unit.AANTAL,
        lambda year: selectors.ngos_trained(year).count(),
        _records_ngos,
    ),
]

for n, (key, label, definition, unit, compute, records) in enumerate(_FIGURES):
    figures.register(
        Figure(
            key=f"fonds.{key}",
            label=Text(*label),
            definition=Text(*definition),
            unit=unit,
            years=selectors.fund_years,
            compute=compute,
            order=720 + n,
            records=records,
        )
    )
