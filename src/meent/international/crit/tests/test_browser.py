"""The public question form in Chromium, in Dutch, English and French: chosen on the page itself, without serious
or critical axe violations, and one real question sent in each language."""

import pytest

from meent.core.testing import serious_violations
from meent.international.crit.models import Question, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUTTON = {"nl": "Nederlands", "en": "English", "fr": "Français"}
SEND = {"nl": "Vraag versturen", "en": "Send question", "fr": "Envoyer la question"}
SENT = {"nl": "Bevestig uw e-mailadres", "en": "Confirm your e-mail address", "fr": "Confirmez votre adresse e-mail"}


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_a_partner_asks_a_question_in_their_language(language, page, live_server):
    page.goto(f"{live_server.url}/helpdesk/vraag-stellen/")
    if language != "nl":
        page.get_by_role("form", name="Taal van deze pagina").get_by_role("button", name=BUTTON[language]).click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    assert serious_violations(page) == []
    page.get_by_role("button", name=SEND[language]).click()  # empty: errors in the page's language, still accessible
    assert page.locator("[data-meent-error-summary]").is_visible()
    assert serious_violations(page) == []
    page.fill("[name=partner_name]", "Commune de Ségou (test)")
    page.fill("[name=contact_name]", "Awa Traoré")
    page.fill("[name=contact_email]", f"awa-{language}@example.org")
    page.fill("[name=subject]", "Cellule de crise")
    page.fill("[name=text]", "Comment organiser une cellule de crise communale ?")
    page.select_option("[name=topic]", "crisisbeheersing")
    page.select_option("[name=country]", "ML")
    page.select_option("select[name=language]", language)
    page.set_input_files(
        "[name=attachments]", files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 plan"}]
    )
    page.get_by_role("button", name=SEND[language]).click()
    assert page.get_by_role("heading", level=1).inner_text() == SENT[language]
    assert serious_violations(page) == []
    question = Question.objects.get(contact_email=f"awa-{language}@example.org")
    assert question.status == Status.UNVERIFIED and question.language == language
    assert question.attachments.count() == 1


def test_the_staff_pages_fit_a_phone_and_are_accessible(browser, live_server):
    from meent.core.demo import load_accounts
    from meent.core.testing import log_in
    from meent.international.crit import demo

    load_accounts()
    demo.load_demo()
    open_question = Question.objects.exclude(status=Status.CLOSED).first()
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        log_in(page, live_server.url, "international")
        for path in (
            "/helpdesk/",
            f"/helpdesk/vragen/{open_question.pk}/",
            "/helpdesk/experts/",
            "/helpdesk/cijfers/?jaar=2020",
            "/helpdesk/klankbordgroep/",
            f"/helpdesk/vragen/{open_question.pk}/samenvatting/",
        ):
            page.goto(live_server.url + path)
            assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), path
            assert serious_violations(page) == [], path
    finally:
        context.close()
