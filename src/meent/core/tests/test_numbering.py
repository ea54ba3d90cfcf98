"""Yearly numbering: one counter per series and year, safe against parallel requests."""

import threading

import pytest
from django.db import connection, transaction

from meent.core.numbering import format_number, next_number


@pytest.mark.django_db
def test_numbers_count_per_series_and_restart_each_year():
    assert [next_number("IBD", 2020) for _ in range(3)] == [1, 2, 3]
    assert next_number("ADV", 2020) == 1 and next_number("IBD", 2021) == 1
    assert format_number("IBD", 2020, 42) == "IBD-2020-0042"
    assert format_number("ADV", 2020, 7, width=3) == "ADV-2020-007"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_transactions_never_get_the_same_number():
    numbers, errors, barrier = [], [], threading.Barrier(8)

    def take():
        try:
            barrier.wait()
            with transaction.atomic():
                numbers.append(next_number("TEST", 2020))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == list(range(1, 9))
