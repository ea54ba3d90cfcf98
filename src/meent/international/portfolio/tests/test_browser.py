"""The portfolio in Chromium: the world map's countries are reached with the keyboard and the list beside it is
its alternative, without serious or critical accessibility violations (axe-core); the status form is submitted."""

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.international.portfolio.demo import load_demo
from meent.international.portfolio.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portfolio():
    load_accounts()
    load_demo()


def test_the_map_is_keyboard_reachable_and_has_its_list(portfolio, page, live_server):
    log_in(page, live_server.url, "international")
    page.goto(f"{live_server.url}/international/kaart/?jaar=2020")
    assert serious_violations(page) == []
    links = page.locator("svg.portfolio-map a")
    assert links.count() >= 30
    # Tab through the page until the focus is on a country of the map: it is a link named with its count.
    for _step in range(60):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => document.activeElement.closest('svg') ? document.activeElement.getAttribute('aria-label') : null"
        )
        if label:
            break
    assert label and "project" in label
    page.keyboard.press("Enter")
    page.wait_for_url("**/international/?land=*")
    assert page.get_by_role("heading", level=1).is_visible()
    page.goto(f"{live_server.url}/international/kaart/?jaar=2020")
    assert page.get_by_role("link", name="Mali", exact=True).is_visible()  # the list alternative


@pytest.mark.parametrize("path", ["/international/", "/international/portfolio/?jaar=2020", "/international/iati/"])
def test_the_staff_pages_are_accessible(portfolio, page, live_server, path):
    log_in(page, live_server.url, "international")
    page.goto(live_server.url + path)
    assert page.get_by_role("heading", level=1).is_visible()
    assert serious_violations(page) == []


def test_a_status_change_is_submitted_in_the_browser(portfolio, page, live_server):
    project = Project.objects.get(code="soedan-lokale-vrede")
    log_in(page, live_server.url, "international")
    page.goto(f"{live_server.url}/international/projecten/{project.pk}/status/")
    assert serious_violations(page) == []
    page.get_by_label("Nieuwe status").select_option("hervat")
    page.get_by_label("Datum").fill("2022-02-01")
    page.get_by_label("Reden").select_option("verbeterd")
    page.get_by_label("Toelichting").fill("Partners weer bereikbaar.")
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_url(f"**/international/projecten/{project.pk}/")
    assert page.get_by_text("Partners weer bereikbaar.").is_visible()


def test_the_public_pages_in_french(portfolio, page, live_server):
    page.goto(f"{live_server.url}/international/wereldwijd/")
    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Projets de VNG International"
    assert serious_violations(page) == []


PAGES = [
    "/international/",
    "/international/kaart/",
    "/international/portfolio/?jaar=2020",
    "/international/programmas/",
    "/international/iati/",
    "/international/wereldwijd/",
    "/international/wereldwijd/mali-vrede/",
    "detail",
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pages_fit_a_phone(portfolio, browser, live_server, language):
    from django.conf import settings

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    log_in(page, live_server.url, "international")  # the login page in Dutch, then the pages in the language
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    mali = Project.objects.get(code="mali-vrede")
    for path in PAGES:
        page.goto(live_server.url + (f"/international/projecten/{mali.pk}/" if path == "detail" else path))
        assert page.evaluate("document.documentElement.lang") == language
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
        assert serious_violations(page) == [], path
    context.close()
