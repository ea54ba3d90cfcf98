"""The annual report on the demo data (PostgreSQL): the 2020 report as a web page with every figure computed
live, its PDF, and the published (frozen) page against the bare ``/health`` view at 20 concurrent clients.

Targets (issue #14): live page p95 < 1 s, PDF < 10 s, published page p95 within 3× of ``/health``. The demo is
loaded once (a second run reuses it). Requests go through Django's WSGI handler in this process (``Client``), 20
threads for the concurrent part, so the comparison with ``/health`` shares the same framework and the same GIL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/meent_bench_jaarverslag \\
        PYTHONPATH=src python benchmarks/jaarverslag.py
"""

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def setup_django() -> None:
    os.environ.setdefault("MEENT_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load() -> None:
    from django_scopes import scopes_disabled

    from meent.core.demo import load_demo
    from meent.jaarverslag.models import Report

    if not Report.objects.filter(year=2020).exists():
        with scopes_disabled():
            load_demo()


def timed(get, path: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = get(path)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]


def concurrent(path: str, clients: int, per_client: int) -> list[float]:
    from django.test import Client

    def run(_):
        client = Client()
        return timed(client.get, path, per_client)

    with ThreadPoolExecutor(clients) as pool:
        return [t for result in pool.map(run, range(clients)) for t in result]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20, help="requests for the live page")
    parser.add_argument("--pdf", type=int, default=3, help="PDFs to render")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-client", type=int, default=10)
    args = parser.parse_args()
    setup_django()
    load()
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meent.leden.models import Account

    staff = Client()
    account = Account.objects.get(username="bestuur")
    staff.force_login(account)
    session = staff.session  # as after the two-step login
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.filter(user=account).first().persistent_id
    session.save()
    print(f"load average: {os.getloadavg()[0]:.1f}")
    live = timed(staff.get, "/jaarverslag/2020/?concept=1", args.n)
    print(f"live 2020 page (all figures computed): p50 {statistics.median(live):.3f} s, p95 {p95(live):.3f} s")
    pdf = timed(Client().get, "/jaarverslag/2020/pdf", args.pdf)
    print(f"2020 PDF (published): p50 {statistics.median(pdf):.2f} s, max {max(pdf):.2f} s")
    health = concurrent("/health", args.clients, args.per_client)
    page = concurrent("/jaarverslag/2020/", args.clients, args.per_client)
    ratio = p95(page) / p95(health)
    print(
        f"{args.clients} concurrent clients: /health p95 {p95(health):.3f} s, published page p95 {p95(page):.3f} s "
        f"({ratio:.1f}×)"
    )
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
