"""The gemeente 360° page in Chromium on a 390 px phone: a gemeente account opens "Mijn gemeente" from the menu,
staff open another gemeente's page from the register; every section is there, the page never scrolls sideways and
axe-core finds no serious or critical violations, in Dutch and in English."""

import pytest
from django_scopes import scopes_disabled

from meent.core.testing import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _make_data() -> None:
    from meent.connect.tests.factories import AssignmentFactory, PastEventFactory, RegistrationFactory
    from meent.core.demo import load_accounts
    from meent.leden.models import Account, Gemeente
    from meent.realisatie.ibd.models import TLP
    from meent.realisatie.ibd.tests.factories import make_incident

    load_accounts()
    event = PastEventFactory(title="Dag van de Stad voor gemeentelijke organisaties en hun partners")
    RegistrationFactory.create_batch(2, event=event, organisation_name="Gemeente Utrecht")
    AssignmentFactory(organisation=Gemeente.objects.get(code="GM0344").organisation, title="Wijkgericht werken")
    make_incident(Account.objects.get(username="utrecht-iso"), tlp=TLP.AMBER, title="Phishing bij Burgerzaken")


def _check(page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_360_page_on_a_phone(language, page, live_server):
    with scopes_disabled():
        _make_data()
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "utrecht-iso")
    if language == "en":
        page.goto(f"{live_server.url}/")
        page.get_by_role("button", name="English").click()
    page.goto(f"{live_server.url}/mijn-gemeente/")
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    title = {"nl": "Mijn gemeente: Utrecht", "en": "My municipality: Utrecht"}[language]
    assert page.get_by_role("heading", level=1).inner_text() == title
    expected = {
        "nl": ["Gemeente en contactpersonen", "Congressen, trainingen en trainees", "IBD-incidenten"],
        "en": ["Municipality and contacts", "Congresses, training and trainees", "IBD incidents"],
    }[language]
    assert [h for h in headings if h in expected] == expected
    assert page.get_by_text("Phishing bij Burgerzaken").is_visible()
    _check(page)
    # The IBD section's full list: this gemeente's incidents as far as this account may see them.
    full_list = page.locator("a[href^='/ibd/incidenten/?']")
    assert (
        full_list.text_content()
        == {"nl": "Volledige lijst: IBD-incidenten", "en": "Full list: IBD incidents"}[language]
    )
    full_list.click()
    assert page.get_by_role("link", name="Phishing bij Burgerzaken").count() == 0  # the list names it by number
    assert page.get_by_text("Phishing bij Burgerzaken").is_visible()


def test_staff_open_a_gemeentes_page_from_the_register(page, live_server):
    with scopes_disabled():
        _make_data()
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "connect")
    page.goto(f"{live_server.url}/gemeenten/GM0344/")
    page.get_by_role("link", name="Alles van Utrecht op één plek").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Utrecht in beeld"
    assert page.get_by_text("Wijkgericht werken").is_visible()
    assert page.get_by_role("heading", name="IBD-incidenten").count() == 0  # Connect staff are not in the IBD community
    _check(page)
