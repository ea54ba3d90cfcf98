"""Public forms outside the modules, submitted in Chromium (the two-step login is in ``test_browser.py``): the
password reset request, the language switch, and what a visitor sees when a form fails the CSRF check."""

import pytest
from django.core import mail

from meent.core.demo import load_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_asks_for_a_new_password(page, live_server):
    load_accounts()
    page.goto(f"{live_server.url}/account/password_reset/")
    page.locator("input[name=email]").fill(mail_address := _demo_address())
    page.locator("main [type=submit], form [type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/account/password_reset/done/")
    assert any(mail_address in message.to for message in mail.outbox)


def _demo_address() -> str:
    from meent.leden.models import Account

    return Account.objects.exclude(email="").order_by("username").values_list("email", flat=True).first()


def test_a_refused_form_shows_our_page_in_the_readers_language(page, live_server):
    page.goto(f"{live_server.url}/gemeenten/")
    page.context.clear_cookies(name="csrftoken")  # as when the cookie expired while the page stood open
    page.get_by_role("button", name="English").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Verzoek geweigerd"
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("link", name="Terug naar het formulier").click()
    page.wait_for_url(f"{live_server.url}/gemeenten/")

    page.get_by_role("button", name="English").click()  # a fresh token: the switch works
    page.wait_for_url(f"{live_server.url}/gemeenten/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.context.clear_cookies(name="csrftoken")
    page.get_by_role("button", name="Nederlands").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Request refused"
    assert page.get_by_role("link", name="Back to the form").is_visible()
