"""A figure registered only by the tests: it counts the blocks of the test chapter of a year's report and lists
them as its records, so the report's traceability and freezing can be tested before any module lists its records.
Registered once per test process (the registry refuses a key twice); a year without blocks has no data."""

from meent.core.registry import Figure, Record, Text, Unit, figures

KEY = "jaarverslag_test.blokken"
CHAPTER = "test"


def _blocks(year: int):
    from meent.jaarverslag.models import Block

    return Block.objects.filter(chapter__key=CHAPTER, chapter__report__year=year).select_related("chapter__report")


def _years() -> list[int]:
    return sorted(set(_blocks_all().values_list("chapter__report__year", flat=True)))


def _blocks_all():
    from meent.jaarverslag.models import Block

    return Block.objects.filter(chapter__key=CHAPTER)


def _records(year: int, user) -> list[Record]:
    # Only what the user may open: a draft's blocks are for staff, as on the pages
    return [
        Record(label=block.body[:60], url=f"/jaarverslag/{year}/")
        for block in _blocks(year)
        if user.has_perm("jaarverslag.view_report", block.chapter.report)
    ]


def register() -> Figure:
    if KEY not in figures:
        figures.register(
            Figure(
                key=KEY,
                label=Text("Blokken (test)", "Blocks (test)"),
                definition=Text("Blokken van het testhoofdstuk van het jaar.", "Blocks of the year's test chapter."),
                unit=Unit.AANTAL,
                years=_years,
                compute=lambda year: _blocks(year).count(),
                records=_records,
                order=9999,
            )
        )
    return figures[KEY]
