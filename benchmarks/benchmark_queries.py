"""Speed of the benchmark ("Waar staat je gemeente") on a synthetic scale-up of the real data.

Today's 342 gemeenten with their real inhabitants (CBS 2020, mapped onto today's division) get ``1,000 × scale``
synthetic indicators over 20 years (2006–2025): 6.8 M observations at ``--scale 1``. The script prints p50/p95 for

- a gemeente profile, a compare view (one gemeente against its size class on 50 indicators) and a ranking of all
  gemeenten for one indicator — both the selector (the data the page needs) and the whole page as rendered;
- import throughput in rows/s through the real importer (mapping, ranks, peer statistics, COPY) and for its
  writing step alone (mapping, ranks and peer statistics while COPY stores the rows, then building the indexes
  and swapping the source's partition in);

and answers the same three questions with hand-written DuckDB queries over the same rows, and loads the same rows
with a raw PostgreSQL ``COPY`` into an unindexed table: the floors. Each view's ratio to its floor is printed.

Run it against a database of its own; it is migrated and filled, and left filled so a second run with
``--no-import`` only measures the reads::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/meent_benchmark_queries \\
        PYTHONPATH=src python benchmarks/benchmark_queries.py --scale 0.05
"""

import argparse
import csv
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

YEARS = range(2006, 2026)
COMPARE_INDICATORS = 50
SOURCES_OF = 50  # indicators per import: one source each, like real CBS tables


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm caches and connections, as a running site has them
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: list[float], floor: list[float] | None = None) -> float:
    p50, p95 = statistics.median(samples), percentile(samples, 95)
    ratio = f"  {p95 / percentile(floor, 95):5.1f}× DuckDB p95" if floor else ""
    print(f"  {label:<44} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms{ratio}")
    return p95


def setup_django() -> None:
    os.environ.setdefault("MEENT_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()


def generate(areas: list, indicator_codes: list[str], rng: random.Random):
    """Per indicator: a level proportional to a random power of the inhabitants, a trend and noise."""
    from meent.realisatie.benchmark import parsing
    from meent.realisatie.benchmark.models import Theme

    themes = [theme for theme in Theme.values if theme != Theme.CORONA]
    for code in indicator_codes:
        exponent = rng.choice([0.0, 0.0, 1.0, 0.3])
        trend = rng.uniform(-0.03, 0.05)
        base = rng.uniform(1, 1000)
        values = {}
        for area in areas:
            level = base * (area.inhabitants or 10_000) ** exponent / (10_000**exponent) * rng.uniform(0.7, 1.3)
            for year in YEARS:
                values[(code, area.code, str(year))] = round(
                    level * (1 + trend) ** (year - 2006) * rng.uniform(0.97, 1.03), 3
                )
        info = parsing.IndicatorInfo(
            code,
            f"Benchmarkindicator {code[-4:]}",
            "eenheid",
            themes[int(code[-4:]) % len(themes)],
            higher_is_better=rng.choice([True, False, None]),
            additive=exponent == 1.0,
        )
        yield info, values


def load(scale: float) -> tuple[int, float, float, float]:
    """Import the synthetic indicators; returns (rows, seconds for the whole import, streaming into COPY, storing
    the peer statistics)."""
    from meent.realisatie.benchmark import parsing, services, storage
    from meent.realisatie.benchmark.models import Area, Indicator, Source

    areas = list(Area.objects.filter(kind=Area.Kind.GEMEENTE, is_current=True).order_by("code"))
    count = max(1, round(1000 * scale))
    codes = [f"bench-{i:04d}" for i in range(count)]
    services.delete_under_lock(Source.objects.filter(key__startswith="benchmark-"))
    services.delete_under_lock(Indicator.objects.filter(code__startswith="bench-"))
    copy_seconds = [0.0]
    peer_seconds = [0.0]
    write, store_peers = storage.replace_observations, services.PeerStatistics.write

    def timed_write(*args, **kwargs):
        start = time.perf_counter()
        written = write(*args, **kwargs)
        copy_seconds[0] += time.perf_counter() - start
        return written

    def timed_store_peers(peers):
        start = time.perf_counter()
        written = store_peers(peers)
        peer_seconds[0] += time.perf_counter() - start
        return written

    storage.replace_observations, services.PeerStatistics.write = timed_write, timed_store_peers
    rng = random.Random(2020)
    rows = 0
    total = 0.0
    try:
        for chunk_start in range(0, count, SOURCES_OF):
            chunk = codes[chunk_start : chunk_start + SOURCES_OF]
            parsed = parsing.ParsedFile(
                source=parsing.SourceInfo(
                    f"benchmark-{chunk_start // SOURCES_OF}", "Benchmark (synthetisch)", synthetic=True
                )
            )
            for info, values in generate(areas, chunk, rng):
                parsed.indicators.append(info)
                parsed.values.update(values)
            parsed.rows_read = len(parsed.values)
            start = time.perf_counter()
            log = services.import_parsed(lambda p=parsed: p, kind="generiek", filename="benchmark")
            total += time.perf_counter() - start
            if log.status != "geslaagd":
                raise SystemExit(f"import geweigerd: {log.message}")
            rows += log.observations_written
            print(f"  … {chunk_start + len(chunk)}/{count} indicatoren, {rows:,} waarnemingen", flush=True)
    finally:
        storage.replace_observations, services.PeerStatistics.write = write, store_peers
    # The peer statistics are written inside replace_observations, just before the swap.
    return rows, total, copy_seconds[0] - peer_seconds[0], peer_seconds[0]


def raw_copy_floor(rows: int) -> float | None:
    """Rows/s of a bare PostgreSQL COPY of the same rows into an unlogged, unindexed table."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw_copy")
        cursor.execute("CREATE UNLOGGED TABLE bench_raw_copy (LIKE benchmark_observation)")
        cursor.execute(
            "SELECT o.id, indicator_id, area_id, period_id, source_id, value, in_source_division, in_current_division, "
            "estimated, rank_high, rank_low FROM benchmark_observation o JOIN benchmark_indicator i "
            "ON i.id = o.indicator_id WHERE i.code LIKE 'bench-%%'"
        )
        data = cursor.fetchall()
        columns = (
            "id, indicator_id, area_id, period_id, source_id, value, in_source_division, in_current_division, "
            "estimated, rank_high, rank_low"
        )
        start = time.perf_counter()
        with cursor.cursor.copy(f"COPY bench_raw_copy ({columns}) FROM STDIN") as copy:
            for row in data:
                copy.write_row(row)
        seconds = time.perf_counter() - start
        cursor.execute("DROP TABLE bench_raw_copy")
    return len(data) / seconds


def duckdb_floor(
    repeat: int, area_ids: list[int], size_class: dict[int, int], indicator_ids: list[int], compare_ids: list[int]
) -> dict[str, list[float]]:
    """The same questions as the views, hand-written for DuckDB over the same observation rows."""
    import duckdb
    from django.db import connection

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "obs.csv"
        with connection.cursor() as cursor, path.open("w", newline="") as handle:
            cursor.execute(
                "SELECT o.indicator_id, o.area_id, CAST(p.code AS INTEGER), o.value FROM benchmark_observation o "
                "JOIN benchmark_indicator i ON i.id = o.indicator_id JOIN benchmark_period p ON p.id = o.period_id "
                "JOIN benchmark_area a ON a.id = o.area_id WHERE i.code LIKE 'bench-%%' AND o.in_current_division "
                "AND a.kind = 'gemeente' AND a.is_current"
            )
            writer = csv.writer(handle)
            while batch := cursor.fetchmany(100_000):
                writer.writerows(batch)
        con = duckdb.connect()
        con.execute(
            f"CREATE TABLE obs AS SELECT * FROM read_csv('{path}', header=false, "
            "columns={'indicator_id': 'INTEGER', 'area_id': 'INTEGER', 'year': 'INTEGER', 'value': 'DOUBLE'})"
        )
    con.execute("CREATE TABLE areas (area_id INTEGER, size_class INTEGER)")
    con.executemany("INSERT INTO areas VALUES (?, ?)", list(size_class.items()))
    con.execute("CREATE TABLE o AS SELECT obs.*, areas.size_class FROM obs JOIN areas USING (area_id)")
    rng = random.Random(7)

    def profile():
        area = rng.choice(area_ids)
        con.execute(
            "SELECT indicator_id, year, value FROM o WHERE area_id = ? ORDER BY indicator_id, year", [area]
        ).fetchall()
        con.execute(
            """
            WITH mine AS (SELECT indicator_id, year, value FROM o WHERE area_id = $area),
                 latest AS (SELECT indicator_id, max(year) AS year FROM mine GROUP BY indicator_id),
                 cur AS (SELECT m.* FROM mine m JOIN latest USING (indicator_id, year))
            SELECT c.indicator_id, c.value, sum(x.value) AS nl,
                   median(x.value) FILTER (WHERE x.size_class = $class) AS peer,
                   1 + count(*) FILTER (WHERE x.value > c.value) AS rank, count(*) AS n
            FROM cur c JOIN o x ON x.indicator_id = c.indicator_id AND x.year = c.year
            GROUP BY c.indicator_id, c.value
            """,
            {"area": area, "class": size_class[area]},
        ).fetchall()

    def compare():
        area = rng.choice(area_ids)
        con.execute(
            f"""
            WITH latest AS (SELECT indicator_id, max(year) AS year FROM o
                            WHERE area_id = $area AND indicator_id IN ({",".join(map(str, compare_ids))})
                            GROUP BY indicator_id)
            SELECT x.indicator_id, max(x.value) FILTER (WHERE x.area_id = $area) AS mine,
                   median(x.value) FILTER (WHERE x.size_class = $class) AS peer, sum(x.value) AS nl
            FROM o x JOIN latest USING (indicator_id, year) GROUP BY x.indicator_id
            """,
            {"area": area, "class": size_class[area]},
        ).fetchall()

    def ranking():
        indicator = rng.choice(indicator_ids)
        con.execute(
            "SELECT area_id, value, rank() OVER (ORDER BY value DESC) AS r FROM o WHERE indicator_id = ? AND year = ? "
            "ORDER BY r",
            [indicator, YEARS[-1]],
        ).fetchall()

    return {"profile": timed(profile, repeat), "compare": timed(compare, repeat), "ranking": timed(ranking, repeat)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="deel van 1.000 indicatoren (standaard 1: 6,8 M rijen)"
    )
    parser.add_argument("--repeat", type=int, default=30, help="metingen per vraag (standaard 30)")
    parser.add_argument("--no-import", action="store_true", help="de gegevens van een vorige run gebruiken")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 1:
        parser.error("--scale ligt tussen 0 en 1")
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_scopes import scopes_disabled

    from meent.leden.services import load_reference_data
    from meent.realisatie.benchmark import selectors, services
    from meent.realisatie.benchmark.models import Area, Indicator

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; schaal {args.scale}", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    with scopes_disabled():
        load_reference_data()
        services.ensure_areas()
        if not args.no_import:
            print("Importeren…", flush=True)
            rows, seconds, copy_seconds, peer_seconds = load(args.scale)
            floor = raw_copy_floor(rows)
            print("Import")
            print(f"  {rows:,} waarnemingen in {seconds:.1f} s: {rows / seconds:,.0f} rijen/s (hele import)")
            print(
                f"  omrekenen + peergroepcijfers + COPY + indexen + wissel: {rows / copy_seconds:,.0f} rijen/s; "
                f"peergroepcijfers opslaan: {peer_seconds:.1f} s"
            )
            if floor:
                print(f"  kale PostgreSQL COPY (zonder indexen): {floor:,.0f} rijen/s")
        areas = list(Area.objects.filter(kind=Area.Kind.GEMEENTE, is_current=True))
        indicators = list(Indicator.objects.filter(code__startswith="bench-"))
        if not indicators:
            raise SystemExit("geen benchmarkgegevens: draai eerst zonder --no-import")
        total = Area.objects.count()
        print(f"Gegevens: {len(indicators)} indicatoren × {len(areas)} gemeenten × {len(YEARS)} jaar; {total} gebieden")
        rng = random.Random(42)
        compare_set = rng.sample(indicators, min(COMPARE_INDICATORS, len(indicators)))
        compare_query = "&".join(f"indicatoren={i.code}" for i in compare_set)
        client = Client()
        import meent.wsgi  # noqa: F401 - starts as a web worker does (loads the views, freezes the startup objects)

        floor = duckdb_floor(
            args.repeat,
            [a.id for a in areas],
            {a.id: a.size_class or 0 for a in areas},
            [i.id for i in indicators],
            [i.id for i in compare_set],
        )
        period = YEARS[-1]
        from meent.realisatie.benchmark.models import Period

        latest = Period.objects.get(code=str(period))

        def page(url: str) -> Callable[[], None]:
            def fetch() -> None:
                response = client.get(url() if callable(url) else url)
                assert response.status_code == 200, response.status_code

            return fetch

        print(f"Lezen ({args.repeat}× per vraag, willekeurige gemeente of indicator)")
        report("DuckDB profiel", floor["profile"])
        report("DuckDB vergelijken (50 indicatoren)", floor["compare"])
        report("DuckDB ranglijst", floor["ranking"])
        report("profiel: selector", timed(lambda: selectors.profile(rng.choice(areas)), args.repeat), floor["profile"])
        report(
            "profiel: pagina (eerste indicatoren van elk thema)",
            timed(page(lambda: f"/waarstaatjegemeente/gemeenten/{rng.choice(areas).code}/"), args.repeat),
            floor["profile"],
        )
        report(
            "profiel: pagina (één thema, blz. 2)",
            timed(
                page(lambda: f"/waarstaatjegemeente/gemeenten/{rng.choice(areas).code}/?thema=wonen&page=2"),
                args.repeat,
            ),
            floor["profile"],
        )
        report(
            "vergelijken: selector",
            timed(lambda: selectors.compare([rng.choice(areas)], compare_set, group="grootteklasse"), args.repeat),
            floor["compare"],
        )
        report(
            "vergelijken: pagina",
            timed(
                page(
                    lambda: (
                        f"/waarstaatjegemeente/vergelijken/?gemeenten={rng.choice(areas).code}"
                        f"&peergroep=grootteklasse&{compare_query}"
                    )
                ),
                args.repeat,
            ),
            floor["compare"],
        )
        report(
            "ranglijst: selector",
            timed(lambda: selectors.ranking(rng.choice(indicators), latest), args.repeat),
            floor["ranking"],
        )
        report(
            "ranglijst: pagina (met kaart)",
            timed(
                page(lambda: f"/waarstaatjegemeente/indicatoren/{rng.choice(indicators).code}/?periode={period}"),
                args.repeat,
            ),
            floor["ranking"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
