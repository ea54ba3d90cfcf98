"""The public pages with the demo data in Debian's Chromium: axe-core finds no serious or critical violations, and
the map is reachable with the keyboard."""

import pytest

from meent.core.testing import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/waarstaatjegemeente/",
    "/waarstaatjegemeente/gemeenten/GM0363/",
    "/waarstaatjegemeente/vergelijken/?gemeenten=GM0363&gemeenten=GM0599&peergroep=grootteklasse&thema=werk-inkomen",
    "/waarstaatjegemeente/indicatoren/werkloosheid/",
    "/waarstaatjegemeente/corona/?gemeente=GM0363&maat=per100k",
    "/waarstaatjegemeente/corona/week/",
    "/waarstaatjegemeente/corona/rioolwater/?regio=VR13",
]


def test_public_pages_are_accessible_and_the_map_takes_keyboard_focus(page, live_server):
    from django_scopes import scopes_disabled

    from meent.realisatie.benchmark import demo

    with scopes_disabled():
        demo.load_demo()
    problems = {}
    for url in PAGES:
        page.goto(f"{live_server.url}{url}")
        if found := serious_violations(page):
            problems[url] = found
    assert not problems
    page.goto(f"{live_server.url}/waarstaatjegemeente/corona/week/")
    page.locator(".benchmark-map a").first.focus()
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert "per 100.000 inwoners" in focused
