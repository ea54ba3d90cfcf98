"""On PostgreSQL each source's figures live in a partition of their own, which an import builds and swaps in."""

import threading

import pytest
from django.db import connection, connections

from meent.realisatie.benchmark import services, storage
from meent.realisatie.benchmark.models import Area, DataImport, Observation, Source
from meent.realisatie.benchmark.tests.conftest import rivm_subset
from meent.realisatie.benchmark.tests.factories import IndicatorFactory, ObservationFactory, SourceFactory, YearFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

HEADER = b"indicator;gebied;periode;waarde;naam\n"


def rows_in(table: str, source: Source) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE source_id = %s", [source.id])  # noqa: S608
        return cursor.fetchone()[0]


def indexes(table: str) -> list[tuple[str, str | None]]:
    """(index, the parent's index it is attached to) for every index of ``table``."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.relname, parent.relname FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_inherits h ON h.inhrelid = x.indexrelid
            LEFT JOIN pg_class parent ON parent.oid = h.inhparent
            WHERE x.indrelid = %s::regclass ORDER BY 1
            """,
            [table],
        )
        return cursor.fetchall()


def test_an_import_puts_its_figures_in_a_partition_with_the_tables_own_indexes():
    log = services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="rivm.csv")
    source = log.source
    partition = storage.partition_name(source.id)
    assert rows_in(partition, source) == Observation.objects.filter(source=source).count() == log.observations_written
    parent_indexes = sorted(name for name, _ in indexes(storage.TABLE))
    # Every index the import built was adopted by the table's own; ATTACH did not have to build one itself.
    attached = indexes(partition)
    assert sorted(parent for _, parent in attached) == parent_indexes
    assert all(name.startswith(partition) for name, _ in attached)


def test_a_reimport_swaps_the_partition_and_takes_rows_written_elsewhere_along():
    source = SourceFactory(key="afval", name="Afvalcijfers")
    services.ensure_areas()
    # Written through the ORM before the source had a partition: it lands in the default partition.
    ObservationFactory(
        indicator=IndicatorFactory(code="afval"),
        area=Area.objects.get(code="GM0344"),
        period=YearFactory(code="2022"),
        source=source,
    )
    assert rows_in(storage.DEFAULT_PARTITION, source) == 1

    services.run_import("generiek", HEADER + b"afval;GM0518;2023;10;Afval\n", filename="a.csv", source_key="afval")
    services.run_import("generiek", HEADER + b"afval;GM0599;2023;20;Afval\n", filename="a.csv", source_key="afval")
    assert rows_in(storage.DEFAULT_PARTITION, source) == 0
    assert list(Observation.objects.filter(source=source).values_list("area__code", "value")) == [("GM0599", 20)]


def test_deleting_a_source_drops_its_partition():
    log = services.run_import("generiek", HEADER + b"afval;GM0518;2023;10;Afval\n", filename="a.csv")
    partition = storage.partition_name(log.source_id)
    services.delete_under_lock(Source.objects.filter(pk=log.source_id))
    assert not Observation.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [partition])
        assert cursor.fetchone()[0] is None


@pytest.mark.django_db(transaction=True)
def test_imports_of_different_sources_at_the_same_time_both_succeed():
    services.ensure_areas()
    statuses: dict[str, str] = {}
    start = threading.Barrier(2)

    def run(name: str, area: bytes) -> None:
        try:
            start.wait()
            data = HEADER + b"\n".join(
                b"%s;%s;%d;%d;%s" % (name.encode(), area, 2016 + y, y, name.encode()) for y in range(5)
            )
            statuses[name] = services.run_import("generiek", data, filename=f"{name}.csv").status
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in (("afval", b"GM0518"), ("banen", b"GM0599"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == {"afval": DataImport.Status.GESLAAGD, "banen": DataImport.Status.GESLAAGD}
    assert Observation.objects.count() == 10
