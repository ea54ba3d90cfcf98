"""The campaign page in Chromium, in Dutch, English and French: chosen on the page, without serious or critical axe
violations, and one real pledge made in each language by a signed-in staff member."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.international.inzameling import services
from meent.leden.models import Account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUTTON = {"nl": "Nederlands", "en": "English", "fr": "Français"}
PLEDGE = {"nl": "Toezeggen", "en": "Pledge", "fr": "Promettre"}


@pytest.fixture
def campaign():
    load_accounts()
    today = timezone.localdate()
    return services.create_campaign(
        by=Account.objects.get(username="international"),
        title="Steun voor collega's (test)",
        purpose="Overbrugging voor collega's zonder werk.",
        beneficiaries="Lokale medewerkers, zonder namen.",
        target="2500",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=30),
    )


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_staff_pledge_on_the_campaign_page_in_their_language(language, campaign, page, live_server):
    page.goto(f"{live_server.url}/inzameling/{campaign.pk}/")
    assert serious_violations(page) == []  # the public page, before logging in
    log_in(page, live_server.url, "connect")
    page.goto(f"{live_server.url}/inzameling/{campaign.pk}/")
    if language != "nl":
        page.get_by_role("form", name="Taal van deze pagina").get_by_role("button", name=BUTTON[language]).click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    assert serious_violations(page) == []
    page.fill("[name=amount]", "40")
    page.fill("[name=message]", "Sterkte!")
    page.get_by_role("button", name=PLEDGE[language]).click()
    page.wait_for_url(f"**/inzameling/{campaign.pk}/")
    assert serious_violations(page) == []
    pledge = campaign.pledges.get()
    assert pledge.amount == Decimal("40") and pledge.donor.username == "connect" and pledge.confirmed_at is None
