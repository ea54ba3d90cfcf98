"""Time to open an incident with 2,011 observables, and to export it in every format (issue 11, F12).

The script makes its own SQLite database in a temporary folder (or uses ``DATABASE_URL``: give it a database of
its own, it is migrated and filled), loads the reference registry, reports one AMBER incident with 2,011
observables, 40 timeline entries and a few correlating incidents, then times through Django's test client, as
an analyst after the second factor:

- the incident page (first page of observables) and its last page of observables;
- the STIX 2.1, MISP, CSV and PDF exports (the export page's POST).

For each it prints p50/p95 wall time over ``--repeat`` runs and the number of SQL queries of one run::

    PYTHONPATH=src python benchmarks/ibd_large_incident.py --repeat 1
"""

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

OBSERVABLES = 2011
PASSWORD = "Een-lang-benchmarkwachtwoord-1"  # noqa: S105 - a throw-away database


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--observables", type=int, default=OBSERVABLES)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="meent-ibd-bench-")
    os.environ.setdefault("MEENT_ENV", "test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_scopes import scopes_disabled

    settings.ALLOWED_HOSTS = ["*"]
    settings.MEENT_PRIVATE_MEDIA = Path(folder) / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from meent.core.roles import Role
    from meent.leden import services as leden
    from meent.leden.models import Gemeente, Organisation
    from meent.realisatie.ibd import services
    from meent.realisatie.ibd.tests.factories import make_incident

    with scopes_disabled():
        if not Gemeente.objects.exists():
            leden.load_reference_data()
        ibd = leden.create_organisation(name="IBD (benchmark)", kind=Organisation.Kind.VERENIGING)
        analyst = leden.create_account(
            username="bench-analist", password=PASSWORD, organisation=ibd, roles=[Role.IBD_ANALIST]
        )
        iso = leden.create_account(
            username="bench-iso",
            password=PASSWORD,
            organisation=Gemeente.objects.get(code="GM0344").organisation,
            roles=[Role.GEMEENTE, Role.GEMEENTE_ISO],
        )
        incident = make_incident(iso)
        values = [("ip", f"10.{i // 65536}.{i // 256 % 256}.{i % 256}") for i in range(args.observables)]
        services.add_observables(incident, values, by=analyst, tlp="AMBER", source="benchmark")
        for n in range(40):
            services.add_entry(incident, author=analyst, text=f"Regel {n}: verkeer vanaf 10.0.0.{n}", tlp="AMBER")
        for _ in range(5):  # other incidents sharing some values, so correlations are found
            other = make_incident(iso)
            services.add_observables(other, values[:30], by=analyst, tlp="AMBER", source="benchmark")

    client = Client()
    client.force_login(analyst)
    device, _new = TOTPDevice.objects.get_or_create(user=analyst, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    url = f"/ibd/incidenten/{incident.number}/"
    last_page = math.ceil(args.observables / 50)
    cases = {
        "incident page": lambda: client.get(url),
        f"observables page {last_page}": lambda: client.get(f"{url}?observables={last_page}"),
    }
    for format in ("stix", "misp", "csv", "pdf"):
        cases[f"export {format}"] = lambda f=format: client.post(
            url + "delen/", {"format": f, "max_tlp": "AMBER", "recipient": "NCSC"}
        )
    print(f"Incident with {args.observables} observables, {connection.vendor}, {args.repeat} runs each")
    for label, run in cases.items():
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *a, q=queries: q.append(sql) or execute(sql, *a)):
            response = run()
        assert response.status_code == 200, (label, response.status_code)
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = run()
            samples.append(time.perf_counter() - start)
        size = len(response.content) / 1024
        print(
            f"  {label:<22} p50 {statistics.median(samples):7.2f} s   p95 {percentile(samples, 95):7.2f} s"
            f"   {len(queries):5d} queries   {size:8.0f} KB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
