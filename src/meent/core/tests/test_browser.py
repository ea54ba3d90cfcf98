"""Each demo role logs in through the real two-step login in Debian's Chromium and opens its home page; axe-core
finds no serious or critical accessibility violations there."""

import pytest

from meent.core.demo import DEMO_ACCOUNTS, load_accounts
from meent.core.testing import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
