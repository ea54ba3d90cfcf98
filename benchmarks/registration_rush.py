"""A rush of registrations against Meent on gunicorn and PostgreSQL, next to the framework floor and the database's
hot-row limit.

The script starts gunicorn itself (``--workers``, default 4, ``DEBUG=false``, the database task backend as in
production) with the settings in ``benchmarks/rush_server/``: Meent's own settings plus one extra URL,
``POST /benchmark/kale-post``, a bare Django view behind the same middleware that reads the JSON body and answers
201 — what any POST costs on this server before Meent does anything. Only this benchmark serves that URL.

Per round (``--rounds``, default 2), ``--clients`` requests (default 1,000, ``--concurrency`` 64 in flight) go to
the bare view, and then the same number of registrations to ``POST /api/v1/evenementen/{id}/aanmeldingen`` for a
new event with capacity C (default 100). It prints throughput and p50/p95 of both, accepted / waitlisted / errors,
checks the database for overbooking, samples how many database sessions wait for a lock during the rush, and at
the end runs ``pgbench`` on a one-row conditional counter (``UPDATE … SET taken = taken + 1 WHERE id = 1 AND
taken < cap``): the fastest any "take a seat" can be on this database. The ratios read rush / floor and
rush / pgbench; the aim is a rush at ≥ 50 % of the floor. The machine's load (``uptime``) is printed with them:
the client shares the cores with the server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/meent_bench_rush python benchmarks/registration_rush.py

``--src`` serves another checkout's ``src`` (e.g. an older commit, ``git archive <commit> src | tar -x -C DIR``)
against the same database, for before/after figures.

pretix documents a few hundred tickets per minute per event; the aim is ten times that (≥ 3,000/min, 50/s) with
zero overbooking and zero 5xx.
"""

import argparse
import datetime
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def setup_event(capacity: int) -> int:
    from django.utils import timezone

    from meent.connect import services

    start = timezone.now() + datetime.timedelta(days=30)
    event = services.create_event(
        title=f"Benchmark registration rush {timezone.now():%Y-%m-%d %H:%M:%S.%f}",
        kind="webinar",
        format="digitaal",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        stream_url="https://stream.example/benchmark",
        capacity=capacity,
    )
    return event.pk


def check_event(event_id: int) -> dict:
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from meent.connect.models import Event, Registration

    event = Event.objects.get(pk=event_id)
    ids = [str(pk) for pk in Registration.objects.filter(event=event).values_list("pk", flat=True)]
    return {
        "capacity": event.capacity,
        "seats_taken": event.seats_taken,
        "aangemeld_in_db": Registration.objects.filter(event=event, status="aangemeld").count(),
        "wachtlijst_in_db": Registration.objects.filter(event=event, status="wachtlijst").count(),
        "audit_entries": LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Registration), object_pk__in=ids
        ).count(),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(src: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": f"{HERE / 'rush_server'}{os.pathsep}{src}",
        "DJANGO_SETTINGS_MODULE": "rush_settings",
        "MEENT_ENV": "demo",  # the database task backend, as in production
        "DEBUG": "false",
        "CONNECT_REGISTRATION_RATE": "",  # every client here comes from 127.0.0.1
    }
    command = ["gunicorn", "meent.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=src.parent)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=5):  # noqa: S310 - our own server
                return server, base
        except OSError:
            if server.poll() is not None:
                raise SystemExit("gunicorn stopte bij het starten.") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn antwoordde niet binnen 120 s.")


def post(url: str, n: int, run: str) -> tuple[int, float]:
    body = json.dumps({"naam": f"Bench {n}", "email": f"bench{n}.{run}@bench.example"}).encode()
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s), checked
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - the URL is the operator's
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def fire(url: str, clients: int, concurrency: int, expected: int) -> dict:
    """``clients`` POSTs, ``concurrency`` in flight, all released at the same moment; ``expected`` is the status
    a successful one answers (an anonymous registration: 202, the same seated or waiting — the database says
    which, see :func:`check_event`)."""
    run = f"{time.time_ns()}"
    gate = threading.Event()

    def client(n: int):
        gate.wait()
        return post(url, n, run)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(client, n) for n in range(clients)]
        started = time.perf_counter()
        gate.set()
        results = [f.result() for f in futures]
        wall = time.perf_counter() - started
    latencies = sorted(elapsed for _, elapsed in results)
    return {
        f"answered_{expected}": sum(1 for s, _ in results if s == expected),
        "errors_5xx": sum(1 for s, _ in results if s >= 500),
        "errors_other": sum(1 for s, _ in results if s != expected and s < 500),
        "seconds": round(wall, 2),
        "throughput_per_s": round(clients / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000),
    }


class LockWaits(threading.Thread):
    """Samples, every 20 ms, how many sessions of this database wait for a lock (``pg_stat_activity``)."""

    def __init__(self, database_url: str):
        super().__init__(daemon=True)
        self.database_url, self.samples, self.done = database_url, [], threading.Event()

    def run(self) -> None:
        import psycopg

        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            while not self.done.wait(0.02):
                self.samples.append(connection.execute(query).fetchone()[0])

    def summary(self) -> dict:
        self.done.set()
        self.join()
        samples = self.samples or [0]
        return {
            "lock_waiting_sessions_max": max(samples),
            "lock_waiting_sessions_mean": round(statistics.mean(samples), 2),
            "samples_with_a_lock_wait_pct": round(100 * sum(1 for n in samples if n) / len(samples)),
        }


def pgbench_counter(database_url: str, clients: int, seconds: int) -> float:
    """Transactions per second of the conditional one-row counter: the hot-row limit of this database."""
    setup = (
        "SET client_min_messages = warning;"
        "DROP TABLE IF EXISTS bench_seat_counter;"
        "CREATE TABLE bench_seat_counter (id int PRIMARY KEY, taken bigint NOT NULL, cap bigint NOT NULL);"
        "INSERT INTO bench_seat_counter VALUES (1, 0, 1000000000000);"
    )
    subprocess.run(["psql", "-q", "-X", database_url, "-c", setup], check=True)
    script = "UPDATE bench_seat_counter SET taken = taken + 1 WHERE id = 1 AND taken < cap;\n"
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as handle:
        handle.write(script)
    try:
        output = subprocess.run(
            ["pgbench", "-n", "-f", handle.name, "-c", str(clients), "-j", "2", "-T", str(seconds), database_url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(handle.name)
        subprocess.run(["psql", "-q", "-X", database_url, "-c", "DROP TABLE bench_seat_counter;"], check=True)
    match = re.search(r"tps = ([0-9.]+)", output)
    if not match:
        raise SystemExit(f"pgbench gaf geen tps:\n{output}")
    return float(match.group(1))


def load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="the src directory gunicorn serves")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--clients", type=int, default=1000, help="requests fired per run (N)")
    parser.add_argument("--capacity", type=int, default=100, help="capacity of the event (C)")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight at once")
    parser.add_argument("--rounds", type=int, default=2, help="floor + rush, this many times")
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        print(
            "DATABASE_URL moet naar PostgreSQL wijzen (een eigen database; server en script delen die).",
            file=sys.stderr,
        )
        return 2
    if not (args.src / "meent" / "wsgi.py").exists():
        print(f"--src {args.src}: daar staat geen meent/wsgi.py.", file=sys.stderr)
        return 2
    setup_django()
    server, base = start_server(args.src.resolve(), args.workers)
    failed = False
    try:
        fire(f"{base}/benchmark/kale-post", 50, 8, 201)  # warm every worker
        for round_number in range(1, args.rounds + 1):
            floor = fire(f"{base}/benchmark/kale-post", args.clients, args.concurrency, 201)
            event_id = setup_event(args.capacity)
            waits = LockWaits(database_url)
            waits.start()
            rush = fire(f"{base}/api/v1/evenementen/{event_id}/aanmeldingen", args.clients, args.concurrency, 202)
            rush.update(waits.summary())
            rush.update(check_event(event_id))
            rush["overbooked"] = rush["seats_taken"] > rush["capacity"] or rush["aangemeld_in_db"] > rush["capacity"]
            failed |= rush["overbooked"] or bool(rush["errors_5xx"]) or bool(floor["errors_5xx"])
            print(f"round {round_number} (load {load()})")
            print(
                f"  floor (bare POST view): {floor['throughput_per_s']}/s, p50 {floor['p50_ms']} ms, "
                f"p95 {floor['p95_ms']} ms, 5xx {floor['errors_5xx']}"
            )
            for key, value in rush.items():
                print(f"  {key:>32}: {value}")
            print(f"  {'rush / floor':>32}: {rush['throughput_per_s'] / floor['throughput_per_s']:.0%}")
    finally:
        server.terminate()
        server.wait(timeout=60)
    tps = pgbench_counter(database_url, args.concurrency, args.pgbench_seconds)
    print(f"pgbench conditional one-row counter: {tps:.0f} tps (load {load()})")
    print(f"rush / pgbench (last round): {rush['throughput_per_s'] / tps:.1%}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
