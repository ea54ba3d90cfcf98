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
