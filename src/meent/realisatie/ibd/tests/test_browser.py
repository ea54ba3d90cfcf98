"""The incident desk in Chromium: a gemeente's security officer and an IBD analyst see their pages without serious
or critical accessibility violations (axe-core), and the officer never sees another gemeente's incident."""

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.leden.models import Account
from meent.realisatie.ibd.models import TLP
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def incident(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"
    load_accounts()
    return make_incident(Account.objects.get(username="utrecht-iso"), tlp=TLP.AMBER, title="Phishing bij Burgerzaken")


@pytest.mark.parametrize("path", ["/ibd/wachtrij/", "/ibd/adviezen/", "/ibd/cijfers/", "incident"])
def test_analyst_pages_are_accessible(path, incident, page, live_server):
    log_in(page, live_server.url, "ibd")
    page.goto(live_server.url + (f"/ibd/incidenten/{incident.number}/" if path == "incident" else path))
    assert page.get_by_role("heading", level=1).is_visible()
    assert serious_violations(page) == []


def test_security_officer_reports_and_follows_own_incidents(incident, page, live_server):
    log_in(page, live_server.url, "utrecht-iso")
    page.goto(f"{live_server.url}/ibd/incidenten/")
    assert page.get_by_text("Phishing bij Burgerzaken").is_visible()
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/ibd/incidenten/melden/")
    assert serious_violations(page) == []


def test_another_gemeente_sees_nothing_of_it(incident, page, live_server):
    log_in(page, live_server.url, "amsterdam")
    page.goto(f"{live_server.url}/ibd/incidenten/")
    assert page.get_by_text("Phishing bij Burgerzaken").count() == 0
    response = page.goto(f"{live_server.url}/ibd/incidenten/{incident.number}/")
    assert response.status == 404


def test_a_report_submitted_twice_makes_one_incident(incident, page, live_server):
    import datetime

    from django.utils import timezone

    from meent.realisatie.ibd.models import Incident

    log_in(page, live_server.url, "utrecht-iso")
    page.goto(f"{live_server.url}/ibd/incidenten/melden/")
    page.fill("[name=title]", "Ransomware op de fileserver")
    page.fill("[name=description]", "Bestanden versleuteld.")
    page.fill("[name=detected_at]", (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    # A double click: the same form, with its one-time key, sent twice.
    page.evaluate("() => { const f = document.querySelector('form[enctype]'); f.requestSubmit(); f.requestSubmit(); }")
    page.wait_for_url("**/ibd/incidenten/IBD-*/")
    assert page.get_by_text("Uw melding is ontvangen").is_visible()
    assert Incident.unscoped.filter(title="Ransomware op de fileserver").count() == 1
