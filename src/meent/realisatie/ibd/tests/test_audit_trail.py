"""F3: the audit trail shows an entry of the incident desk only as far as its record is visible to the reader."""

import re

import pytest
from auditlog.models import LogEntry

from meent.core.audit import entries_for, log_read
from meent.leden.models import Gemeente
from meent.realisatie.ibd import services
from meent.realisatie.ibd.models import TLP, Category
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db
HIDDEN = "Een record dat u niet mag inzien"


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', page, re.S)


def test_bestuur_sees_no_detail_of_a_red_incident(client, login, people):
    analyst = people["analyst"]
    red = make_incident(people["utrecht_iso"], tlp=TLP.RED, recipients=[analyst], category=Category.RANSOMWARE)
    log_read(people["analyst"], red)
    login(people["bestuur"])
    page = client.get(f"/beheer/audittrail/?q={red.number}").text
    assert "Geen regels gevonden." in page  # a hidden record's number finds nothing
    rows = [row for row in _rows(client.get("/beheer/audittrail/").text) if HIDDEN in row]
    assert len(rows) == LogEntry.objects.get_for_object(red).count() == 3  # created, recipients, read
    assert all(f"(nr. {red.pk})" in row and "<strong>" not in row and "ransomware" not in row for row in rows)
    clear = make_incident(people["utrecht_iso"], tlp=TLP.CLEAR, category=Category.DDOS)
    rows = _rows(client.get(f"/beheer/audittrail/?q={clear.number}").text)
    assert any("<strong>gemeente</strong>" in row and "ddos" in row for row in rows)


def test_red_advisory_titles_stay_out_of_the_trail(client, login, people):
    advisory = services.publish_advisory(
        by=people["analyst"],
        title="Geheime kwetsbaarheid in Zaaksysteem",
        body="Alleen voor Utrecht.",
        severity="kritiek",
        affected_products="Zaaksysteem",
        tlp=TLP.RED,
        audience=[Gemeente.objects.get(code="GM0344")],
        recipients=[people["utrecht_iso"]],
    )
    login(people["bestuur"])
    assert "Geheime kwetsbaarheid" not in client.get("/beheer/audittrail/").text
    assert "Geheime kwetsbaarheid" not in client.get("/beheer/audittrail/?q=Geheime").text
    assert LogEntry.objects.get_for_object(advisory).exists()


def test_the_trail_applies_each_records_visibility(people):
    amber = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    services.add_observable(amber, type="ip", value="203.0.113.9", by=people["analyst"], tlp=TLP.CLEAR)
    hidden = {e.content_type.model for e in entries_for(people["bestuur"]) if e.hidden}
    assert {"incident", "observable"} <= hidden
    assert not any(e.hidden for e in entries_for(people["analyst"]) if e.content_type.model == "observable")


@pytest.mark.parametrize("action", ["abc", "²", "99", "-1", "9" * 5000])
def test_a_bad_action_filter_is_ignored(client, login, people, action):
    login(people["bestuur"])
    assert client.get("/beheer/audittrail/", {"actie": action}).status_code == 200
