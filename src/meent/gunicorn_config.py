"""gunicorn settings for Meent (``meent serve`` passes ``--config python:meent.gunicorn_config``; the repository's
``gunicorn.conf.py`` loads this for a bare ``gunicorn meent.wsgi``): refuse to serve with DEBUG on an address
other machines can reach."""

import os
import sys


def on_starting(server) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")
    import django
    from django.conf import settings

    django.setup()
    if not settings.DEBUG:
        return
    from meent.cli import LOOPBACK_HOSTS

    for address in server.cfg.address:
        host = address[0] if isinstance(address, tuple) else "unix"
        if host != "unix" and host not in LOOPBACK_HOSTS:
            print(
                f"meent: DEBUG staat aan; starten op {host} (niet alleen deze machine) is geweigerd — zet DEBUG=false",
                file=sys.stderr,
            )
            sys.exit(2)
