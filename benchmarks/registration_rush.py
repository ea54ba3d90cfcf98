"""A rush of registrations against a running Meent on PostgreSQL, next to the physical limit of this machine.

N clients (default 1,000) register at the same moment for one event with capacity C (default 100), through
``POST /api/v1/evenementen/{id}/aanmeldingen``. Prints accepted, waitlisted, errors, throughput and p50/p95
latency, checks the database for overbooking, and then runs ``pgbench`` on a one-row conditional counter
(``UPDATE … SET taken = taken + 1 WHERE id = 1 AND taken < cap``) — the fastest any "take a seat" can be on this
database — so the result reads as a ratio.

Run (the server and this script use the same database):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/meent_bench
    meent manage migrate
    CONNECT_REGISTRATION_RATE= DEBUG=false gunicorn meent.wsgi -w 4 -b 127.0.0.1:8001 &
    python benchmarks/registration_rush.py --url http://127.0.0.1:8001

(``CONNECT_REGISTRATION_RATE=`` switches the per-address limit off: every client here comes from 127.0.0.1.)

pretix documents a few hundred tickets per minute per event; the aim is ten times that (≥ 3,000/min, 50/s) with
zero overbooking and zero 5xx.
"""

import argparse
import datetime
import json
import os
import re
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def setup_event(capacity: int) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()
    from django.utils import timezone

    from meent.connect import services

    start = timezone.now() + datetime.timedelta(days=30)
    event = services.create_event(
        title=f"Benchmark registration rush {timezone.now():%Y-%m-%d %H:%M:%S}",
        kind="webinar",
        format="digitaal",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        stream_url="https://stream.example/benchmark",
        capacity=capacity,
    )
    return event.pk


def check_event(event_id: int) -> dict:
    from meent.connect.models import Event, Registration

    event = Event.objects.get(pk=event_id)
    return {
        "capacity": event.capacity,
        "seats_taken": event.seats_taken,
        "aangemeld_in_db": Registration.objects.filter(event=event, status="aangemeld").count(),
        "wachtlijst_in_db": Registration.objects.filter(event=event, status="wachtlijst").count(),
    }


def register(url: str, n: int, run: str) -> tuple[int, str | None, float]:
    body = json.dumps({"naam": f"Bench {n}", "email": f"bench{n}.{run}@bench.example"}).encode()
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s), checked
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - the URL is the operator's
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, payload = exc.code, exc.read()
    except OSError:
        return 0, None, time.perf_counter() - started
    elapsed = time.perf_counter() - started
    try:
        return status, json.loads(payload).get("status"), elapsed
    except ValueError:
        return status, None, elapsed


def rush(base_url: str, event_id: int, clients: int, concurrency: int) -> dict:
    url = f"{base_url.rstrip('/')}/api/v1/evenementen/{event_id}/aanmeldingen"
    run = str(int(time.time()))
    gate = threading.Event()

    def client(n: int):
        gate.wait()
        return register(url, n, run)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(client, n) for n in range(clients)]
        started = time.perf_counter()
        gate.set()
        results = [f.result() for f in futures]
        wall = time.perf_counter() - started
    latencies = sorted(r[2] for r in results)
    return {
        "accepted": sum(1 for s, st, _ in results if s == 201 and st == "aangemeld"),
        "waitlisted": sum(1 for s, st, _ in results if s == 201 and st == "wachtlijst"),
        "errors_5xx": sum(1 for s, _, _ in results if s >= 500),
        "errors_other": sum(1 for s, _, _ in results if s != 201 and s < 500),
        "seconds": round(wall, 2),
        "throughput_per_s": round(clients / wall, 1),
        "throughput_per_min": round(clients / wall * 60),
        "p50_ms": round(statistics.median(latencies) * 1000),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000),
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8001", help="base URL of the running Meent")
    parser.add_argument("--clients", type=int, default=1000, help="registrations fired (N)")
    parser.add_argument("--capacity", type=int, default=100, help="capacity of the event (C)")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight at once")
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    args = parser.parse_args()
    if not args.url.startswith(("http://", "https://")):
        print("--url moet met http:// of https:// beginnen.", file=sys.stderr)
        return 2
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        print("DATABASE_URL moet naar PostgreSQL wijzen (dezelfde database als de server).", file=sys.stderr)
        return 2

    event_id = setup_event(args.capacity)
    result = rush(args.url, event_id, args.clients, args.concurrency)
    result.update(check_event(event_id))
    result["overbooked"] = result["seats_taken"] > result["capacity"] or result["aangemeld_in_db"] > result["capacity"]
    tps = pgbench_counter(database_url, args.concurrency, args.pgbench_seconds)
    result["pgbench_counter_tps"] = round(tps)
    result["ratio_to_physical_limit"] = round(result["throughput_per_s"] / tps, 3)
    result["pretix_reference_per_min"] = "a few hundred (aim: 10x)"
    for key, value in result.items():
        print(f"{key:>26}: {value}")
    return 1 if result["overbooked"] or result["errors_5xx"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
