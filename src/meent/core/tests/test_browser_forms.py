"""Public forms outside the modules, submitted in Chromium (the two-step login is in ``test_browser.py``): the
password reset request, the language switch, and what a visitor sees when a form fails the CSRF check."""

import re

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


def test_a_long_multiple_choice_is_a_checkbox_list_with_a_filter(page, live_server):
    """The longest list in Meent: the 342 gemeenten an IBD advisory may be limited to (the shared form include)."""
    from meent.core.testing import log_in, serious_violations

    load_accounts()
    log_in(page, live_server.url, "ibd")
    page.goto(f"{live_server.url}/ibd/adviezen/nieuw/")
    group = page.get_by_role("group", name=re.compile("Beperkte groep gemeenten"))
    assert group.locator("select").count() == 0
    total = group.get_by_role("checkbox").count()
    assert total >= 300
    group.get_by_label("Zoek in de lijst").fill("amsterdam")
    assert group.locator("input[type=checkbox]:visible").count() == 1
    assert group.get_by_text(f"1 van {total} getoond").is_visible()
    group.get_by_label("Amsterdam", exact=True).check()
    group.get_by_label("Zoek in de lijst").fill("UTRECHT")
    assert group.locator("input[type=checkbox]:visible").count() == 2  # Utrecht, Utrechtse Heuvelrug
    group.get_by_label("Utrecht", exact=True).check()
    group.get_by_label("Zoek in de lijst").press("Enter")  # the filter never submits the form
    assert page.url.endswith("/ibd/adviezen/nieuw/")
    assert serious_violations(page) == []

    page.get_by_role("button", name="Publiceren").click()  # the other fields are empty: the choices stay
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert group.get_by_label("Utrecht", exact=True).is_checked()
    assert group.get_by_label("Amsterdam", exact=True).is_checked()


def test_the_api_documentation_renders_without_outside_servers(page, live_server):
    outside = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    page.get_by_role("heading", name=re.compile("Meent API")).first.wait_for()
    assert outside == []
