"""A figure registered only by the tests: it counts the reports of a year and lists them as its records, so the
report's traceability can be tested before any module lists its records. Registered once per test process
(the registry refuses a key twice); it answers no data for a year without reports, as every figure must."""

from meent.core.registry import Figure, Record, Text, Unit, figures

KEY = "jaarverslag_test.aantal"


def _reports(year: int):
    from meent.jaarverslag.models import Report

    return Report.objects.filter(year=year)


def _records(year: int, user) -> list[Record]:
    # Only what the user may open: drafts are for staff, as on the pages
    return [
        Record(label=report.title, url=f"/jaarverslag/{report.year}/")
        for report in _reports(year)
        if user.has_perm("jaarverslag.view_report", report)
    ]


def register() -> Figure:
    if KEY not in figures:
        from meent.jaarverslag.models import Report

        figures.register(
            Figure(
                key=KEY,
                label=Text("Jaarverslagen (test)", "Annual reports (test)"),
                definition=Text("Jaarverslagen over het jaar.", "Annual reports about the year."),
                unit=Unit.AANTAL,
                years=lambda: Report.objects.values_list("year", flat=True),
                compute=lambda year: _reports(year).count(),
                records=_records,
                order=9999,
            )
        )
    return figures[KEY]
