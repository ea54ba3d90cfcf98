"""Yearly numbering for every module: ``IBD-2020-0042``, ``ADV-2020-007``; numbers restart at 1 each year."""

from django.db import IntegrityError, transaction

from meent.core.models import YearlyCounter


def next_number(series: str, year: int) -> int:
    """The next free number of ``series`` in ``year``. The counter row is locked until the caller's transaction
    ends, so parallel requests never get the same number; call it inside the transaction that stores the number."""
    try:
        with transaction.atomic():
            YearlyCounter.objects.get_or_create(series=series, year=year)
    except IntegrityError:
        pass  # a parallel transaction created the row first; it exists now
    counter = YearlyCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def format_number(series: str, year: int, number: int, *, width: int = 4) -> str:
    return f"{series}-{year}-{number:0{width}d}"
