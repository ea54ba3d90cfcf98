"""Tests read the open-data files the repository ships (``data/``); only ``test_shipped_data.py`` compares them
with the public files in ``../shared/data``."""

import csv
import functools
import io

import pytest
from django_scopes import scopes_disabled

from meent.conftest import ensure_reference_data
from meent.realisatie.benchmark import shipped


@functools.cache
def shipped_bytes(name: str) -> bytes:
    return shipped.read(name)


def rivm_rows() -> list[dict[str, str]]:
    text = shipped_bytes(shipped.RIVM_CUMULATIVE).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def rivm_subset(dates: set[str]) -> bytes:
    """The real file cut to a few report dates, as RIVM formats it (BOM, ``;``, CRLF)."""
    lines = shipped_bytes(shipped.RIVM_CUMULATIVE).split(b"\r\n")
    kept = [lines[0]] + [line for line in lines[1:] if line[:10].decode() in dates]
    return b"\r\n".join(kept) + b"\r\n"


@pytest.fixture(scope="module")
def corona_2020(django_db_setup, django_db_blocker):
    """The real RIVM, sewage and NICE files imported once per test module (the RIVM file is 68,629 rows)."""
    from meent.realisatie.benchmark import services

    with django_db_blocker.unblock(), scopes_disabled():
        ensure_reference_data()
        logs = [
            services.run_import("rivm", shipped_bytes(shipped.RIVM_CUMULATIVE), filename=shipped.RIVM_CUMULATIVE),
            services.run_import("rioolwater", shipped_bytes(shipped.RIOOLWATER), filename="rioolwater.csv"),
            services.run_import("nice", shipped_bytes(shipped.NICE), filename=shipped.NICE),
        ]
    yield logs
    with django_db_blocker.unblock(), scopes_disabled():
        _clear()


def _clear() -> None:
    from meent.realisatie.benchmark import services
    from meent.realisatie.benchmark.models import DataImport, Indicator, Period, Source

    services.delete_under_lock(Source.objects.all())
    services.delete_under_lock(Indicator.objects.all())
    DataImport.objects.all().delete()
    Period.objects.all().delete()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """What ``make demo`` loads: the shipped 2020 corona files, inhabitants and the synthetic indicators."""
    from meent.realisatie.benchmark import demo

    with django_db_blocker.unblock(), scopes_disabled():
        ensure_reference_data()
        demo.load_demo()
    yield
    with django_db_blocker.unblock(), scopes_disabled():
        _clear()
