"""Helpers for the permission-matrix test. Each app lists its URLs in ``<app>/tests/access.py`` as
``ACCESS = {url_name: Case(...)}``; the matrix test fails for any URL in the URL conf that no app lists."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from meent.core.roles import Role

# The public files the shipped copies were taken from; only the tests that compare the copies read them.
PUBLIC_DATA = Path(os.environ.get("MEENT_PUBLIC_DATA", Path(__file__).resolve().parents[3] / ".." / "shared" / "data"))

ANONYMOUS = "anoniem"
# Persona → (roles, gemeente code). The two gemeente personas are in different gemeenten.
PERSONAS: dict[str, tuple[tuple[Role, ...], str | None]] = {
    ANONYMOUS: ((), None),
    "gemeente-amsterdam": ((Role.GEMEENTE,), "GM0363"),
    "gemeente-utrecht-iso": ((Role.GEMEENTE, Role.GEMEENTE_ISO), "GM0344"),
    "bestuur": ((Role.BESTUUR,), None),
    "communicatie": ((Role.COMMUNICATIE,), None),
    "connect": ((Role.CONNECT,), None),
    "naleving": ((Role.NALEVING,), None),
    "realisatie": ((Role.REALISATIE,), None),
    "ibd-analist": ((Role.IBD_ANALIST,), None),
    "risicobeheer": ((Role.RISICOBEHEER,), None),
    "international": ((Role.INTERNATIONAL,), None),
    "expert": ((), None),  # a (former) official in the CriT pool, signed in with an account without roles
    # An account without any role, as an NGO applying to the grant fund has (its app links it to its applicant).
    "aanvrager": ((), None),
}
EVERYONE = frozenset(PERSONAS)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset(
    {"bestuur", "communicatie", "connect", "naleving", "realisatie", "ibd-analist", "risicobeheer", "international"}
)


@dataclass(frozen=True)
class Case:
    """``url`` (a callable taking the fixtures dict, or a string) may be opened by exactly ``allowed``."""

    url: object
    allowed: frozenset[str]
    method: str = "get"
    data: dict = field(default_factory=dict)
    # Some pages are reached with a status other than 200 when allowed (a redirect after a POST, 201…).
    allowed_status: tuple[int, ...] = (200,)

    def resolve_url(self, fixtures: dict) -> str:
        return self.url(fixtures) if callable(self.url) else str(self.url)


# Browser tests (Playwright on Debian's Chromium, axe-core from npm). Fixtures ``browser`` and ``page`` live in
# ``meent/conftest.py`` so every app's browser tests share one set-up.
CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the open page, one readable line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in(page, base_url: str, username: str) -> None:
    """The real two-step login of a demo account (password, then the TOTP code when the account has a device)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meent.core.demo import DEMO_PASSWORD, DEMO_TOTP_KEY

    page.goto(f"{base_url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    device = TOTPDevice.objects.filter(user__username=username).first()
    if device is not None:
        page.locator("input[name=token-otp_token]").fill(f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
        page.get_by_role("button", name="Volgende").click()
    page.wait_for_url(f"{base_url}/")


def public_file(name: str) -> bytes:
    """A public file from ``PUBLIC_DATA`` (``../shared/data`` beside the repository, or ``$MEENT_PUBLIC_DATA``).

    A fresh clone has no such folder: the comparing test is skipped then, except in CI (``CI`` set), where a missing
    folder would silently turn the comparison off."""
    path = PUBLIC_DATA.resolve() / name
    if not path.is_file():
        reason = f"{path} ontbreekt: de vergelijking met het openbare bestand draait alleen waar ../shared/data is"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path.read_bytes()
