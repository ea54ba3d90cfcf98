"""The public events list (``/evenementen/``) at 100,000 registrations on PostgreSQL: query plans and times.

The list used to count participants by joining every registration (``Count("registrations", filter=…)``), in the
page query and in the paginator's ``COUNT`` alike, before ``LIMIT 20``. It now shows the seat counter each event
keeps (``seats_taken``, moved by the registrations themselves). The script builds ``--events`` events with
``--registrations`` registrations (once; a second run reuses them), prints ``EXPLAIN ANALYZE`` of the paginator's
count and of the first page for both versions, and p50/p95 of each version's count + page and of the whole page as
rendered.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/meent_bench_events \\
        PYTHONPATH=src python benchmarks/events_list.py
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def setup_django() -> None:
    os.environ.setdefault("MEENT_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(events: int, registrations: int) -> None:
    """Events from 2020 on, one every day or so; registrations spread unevenly (a few big congresses)."""
    from django.db import connection, transaction

    from meent.connect.models import Event, Registration

    if Registration.objects.count() >= registrations:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE connect_event CASCADE")
        cursor.execute(
            """
            INSERT INTO connect_event (title, description, kind, format, status, starts_at, ends_at, venue,
                                       stream_url, capacity, seats_taken, created_at)
            SELECT 'Benchmarkevenement ' || n, '', (ARRAY['congres','webinar','trainingsdag'])[1 + mod(n, 3)],
                   (ARRAY['fysiek','digitaal','hybride'])[1 + mod(n, 3)], CASE WHEN mod(n, 40) = 0 THEN 'geannuleerd'
                   ELSE 'gepland' END, timestamp '2020-01-06 10:00' + n * interval '1 day 2 hours',
                   timestamp '2020-01-06 16:00' + n * interval '1 day 2 hours', 'Utrecht', '', 1, 0, now()
            FROM generate_series(1, %s) AS n
            """,
            [events],
        )
        # registration i goes to event 1 + floor(events * r^2) for a uniform r: the first events are the big ones
        cursor.execute(
            """
            INSERT INTO connect_registration (event_id, name, email, organisation_name, status, token,
                                              confirm_token, created_at)
            SELECT e.id, 'Deelnemer ' || g.i, 'd' || g.i || '@bench.example', '',
                   (ARRAY['aangemeld','aangemeld','aangemeld','aanwezig','wachtlijst','geannuleerd'])[1 + mod(g.i, 6)],
                   md5('t' || g.i), md5('c' || g.i), now()
            FROM (SELECT i, 1 + floor(%s * power(random(), 2))::int AS k FROM generate_series(1, %s) AS i) AS g
            JOIN (SELECT id, row_number() OVER (ORDER BY id) AS k FROM connect_event) AS e ON e.k = g.k
            """,
            [events, registrations],
        )
        cursor.execute(
            """
            UPDATE connect_event SET seats_taken = c.n, capacity = greatest(c.n, 1)
            FROM (SELECT event_id, count(*) FILTER (WHERE status IN ('aangemeld', 'aanwezig')) AS n
                  FROM connect_registration GROUP BY event_id) AS c
            WHERE c.event_id = connect_event.id
            """
        )
        cursor.execute("ANALYZE connect_event; ANALYZE connect_registration")
    print(f"built {Event.objects.count():,} events, {Registration.objects.count():,} registrations")


def versions() -> dict[str, Callable]:
    from django.db.models import Count

    from meent.connect import selectors

    return {
        "before (join registrations)": lambda: selectors.catalogue().annotate(
            participant_count=Count("registrations", filter=selectors.SEAT)
        ),
        "after (seat counters)": lambda: selectors.catalogue(),
    }


def explain(label: str, queryset) -> None:
    """``EXPLAIN ANALYZE`` of the two queries the list's paginator runs: the count, and the first page."""
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = Paginator(queryset, 20).get_page(1)
        list(page.object_list)
    for what, query in (("COUNT", queries[0]), ("page 1", queries[1])):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query["sql"].replace("%", "%%"))
            plan = [row[0] for row in cursor.fetchall()]
        print(f"\n--- {label}: {what}\n{query['sql']}\n" + "\n".join(plan))


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    print(f"  {label:<44} p50 {statistics.median(samples):8.1f} ms   p95 {p95:8.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2500)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("DATABASE_URL moet naar een eigen PostgreSQL-database wijzen.", file=sys.stderr)
        return 2
    setup_django()
    build(args.events, args.registrations)
    from django.core.paginator import Paginator
    from django.test import Client

    for label, make in versions().items():
        explain(label, make())
    print("\ncount + first page (the paginator's two queries):")
    for label, make in versions().items():

        def count_and_page(make=make) -> None:
            page = Paginator(make(), 20).get_page(1)
            list(page.object_list)

        report(label, timed(count_and_page, args.repeat))
    client = Client()
    report("whole page /evenementen/ (after)", timed(lambda: client.get("/evenementen/"), args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
