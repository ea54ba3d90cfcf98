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


def test_the_global_goals_and_programme_pages_in_english(client, make_account, login):
    import datetime

    from meent.leden.models import Gemeente
    from meent.naleving.tests.factories import DecisionFactory, GlobalGoalsMemberFactory

    GlobalGoalsMemberFactory(gemeente=Gemeente.objects.get(code="GM0363"), joined=datetime.date(2019, 1, 1))
    with translation.override("en"):
        html = client.get("/naleving/global-goals-gemeenten/?jaar=2020", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Global Goals municipalities in 2020" in html and "Member since" in html
    decision = DecisionFactory()
    login(make_account(Role.NALEVING))
    with translation.override("en"):
        url = f"/naleving/programmas/{decision.meeting.programme_id}/"
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sounding board" in html and "Decision list of" in html and "In progress" in html


def test_asking_a_roadmap_and_the_360_progress_in_english(client, make_account, login):
    from meent.naleving import services
    from meent.naleving.tests.factories import make_roadmap

    roadmap = make_roadmap(steps=1)
    campaign = make_campaign(sent=False)
    login(make_account(Role.NALEVING))
    with translation.override("en"):
        html = client.get(f"/naleving/campagnes/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Ask the progress on a roadmap" in html and "Add the steps as fields" in html
        services.add_roadmap_fields(campaign, roadmap)
        html = client.get(f"/naleving/campagnes/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert f"becomes the progress on step 1 of {roadmap.title}" in html
        html = client.get("/gemeenten/GM0363/360/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Progress of Amsterdam per step" in html and "Not started" in html
