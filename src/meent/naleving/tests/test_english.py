import pytest
from django.utils import translation

from meent.core.roles import Role
from meent.naleving.tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def test_the_coverage_page_in_english(client, make_account, login):
    campaign = make_campaign()
    login(make_account(Role.NALEVING))
    with translation.override("en"):
        html = client.get(f"/naleving/campagnes/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0 of 2 after 0 hours" in html and "Send a reminder to the missing municipalities" in html
