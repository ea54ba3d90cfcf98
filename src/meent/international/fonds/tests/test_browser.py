"""The NGO's pages in Chromium, in Dutch, English and French: the open calls, the registration form and the
application form without serious or critical accessibility violations (axe-core), and one real submission."""

import pytest

from meent.core.testing import log_in, serious_violations
from meent.international.fonds.models import Application
from meent.international.fonds.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LANGUAGES = {"nl": "Nederlands", "en": "English", "fr": "Français"}


@pytest.fixture
def ngo(settings, tmp_path):
    from meent.core.demo import DEMO_PASSWORD

    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"
    call = factories.make_call(title="Dialogue on basic services")
    _applicant, account = factories.make_applicant(username="ngo-browser")
    account.set_password(DEMO_PASSWORD)
    account.save()
    return call, account


def _choose(page, language: str) -> None:
    page.get_by_role("button", name=LANGUAGES[language]).first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_in_each_language(language, ngo, page, live_server):
    page.goto(f"{live_server.url}/fonds/oproepen/")
    _choose(page, language)
    assert page.get_by_text("Dialogue on basic services").is_visible()
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/fonds/registreren/")
    assert serious_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_application_form_in_each_language(language, ngo, page, live_server):
    call, _account = ngo
    log_in(page, live_server.url, "ngo-browser")
    page.goto(f"{live_server.url}/fonds/oproepen/{call.pk}/aanvragen/")
    _choose(page, language)
    assert page.get_by_role("heading", level=1).is_visible()
    assert serious_violations(page) == []
    page.locator("button[value=indienen]").click()  # empty: the errors are listed, still accessible
    page.wait_for_load_state()
    assert page.locator("[data-meent-error-summary]").is_visible()
    assert serious_violations(page) == []


def test_an_ngo_submits_its_application_in_french(ngo, page, live_server):
    call, _account = ngo
    log_in(page, live_server.url, "ngo-browser")
    page.goto(f"{live_server.url}/fonds/oproepen/{call.pk}/aanvragen/")
    _choose(page, "fr")
    page.fill("[name=title]", "Dialogue citoyen à Demo-woreda")
    page.fill("[name=contact_name]", "Abebe Exemple")
    for box in page.locator("[name=areas]").all():
        box.check()
    page.fill("[name=activities]", "Réunions entre citoyens et administration.")
    page.fill("[name=amount_requested]", "100000")
    page.fill("[name=line_1_description]", "Formations")
    page.fill("[name=line_1_amount]", "60000")
    page.fill("[name=line_2_description]", "Réunions")
    page.fill("[name=line_2_amount]", "40000")
    page.set_input_files(
        "[name=document]", files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 plan"}]
    )
    page.locator("button[value=indienen]").click()
    page.wait_for_url("**/fonds/aanvragen/*/")
    application = Application.objects.get(title="Dialogue citoyen à Demo-woreda")
    assert application.status == "ontvangen" and application.number.startswith("FONDS-")
    assert application.documents.count() == 1
    assert page.get_by_text(application.number).first.is_visible()
    assert serious_violations(page) == []
