"""Each demo role logs in through the real two-step login in Debian's Chromium and opens its home page; axe-core
finds no serious or critical accessibility violations there."""

import os
from pathlib import Path

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from meent.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_KEY, load_accounts

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[4] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: apt-get install chromium (make test doet dit in CI)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    device = TOTPDevice.objects.filter(user__username=username).first()
    if device is not None:
        page.locator("input[name=token-otp_token]").fill(f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
        page.get_by_role("button", name="Volgende").click()
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize("username", [account.username for account in DEMO_ACCOUNTS])
def test_each_role_logs_in_and_its_home_page_is_accessible(username, page, live_server):
    from django_scopes import scopes_disabled

    from meent.leden.models import Account

    with scopes_disabled():
        load_accounts()
        full_name = Account.objects.get(username=username).get_full_name()
    log_in(page, live_server.url, username)
    assert page.get_by_role("heading", level=1).inner_text() == f"Welkom, {full_name}"
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/gemeenten/?jaar=2020", "/gemeenten/GM0003/", "/account/login/"])
def test_public_pages_are_accessible(path, page, live_server):
    page.goto(f"{live_server.url}{path}")
    assert serious_violations(page) == []


def test_gemeente_account_sees_mijn_gemeente(page, live_server):
    from django_scopes import scopes_disabled

    with scopes_disabled():
        load_accounts()
    log_in(page, live_server.url, "amsterdam")
    page.get_by_role("link", name="Mijn gemeente").first.click()
    assert "Amsterdam" in page.get_by_role("heading", level=1).inner_text()
    assert serious_violations(page) == []
