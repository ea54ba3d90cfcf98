"""The community page (events through core's registry), the figures, the chapter, the 360° section and the demo."""

import datetime

import pytest
from django.test import RequestFactory

from meent.core import registry
from meent.core.registry import EventRef, EventSource
from meent.leden.models import Gemeente, Organisation
from meent.risicobeheer import demo, selectors
from meent.risicobeheer.models import Claim, Contribution, PoolMember, Risk, Scenario
from meent.risicobeheer.panels import gemeente_section
from meent.risicobeheer.tests.factories import RiskFactory, ScenarioFactory, organisation_of

pytestmark = pytest.mark.django_db


def test_the_platform_shows_the_events_its_organisation_commissions(client, login, people, monkeypatch):
    platform = Organisation.objects.create(name=selectors.PLATFORM_NAME, kind=Organisation.Kind.PARTNER)
    asked = []

    def source(organisation_pk):
        asked.append(organisation_pk)
        return [EventRef("Masterclass scenariodenken", datetime.datetime(2021, 3, 1, 10), "Trainingsdag", "/e/1/")]

    test_registry = registry.EventSourceRegistry("event source")
    test_registry.register(EventSource("test", source))
    monkeypatch.setattr(registry, "event_sources", test_registry)
    login(people["amsterdam"])
    page = client.get("/risicobeheer/platform/").text
    assert asked == [platform.pk] and "Masterclass scenariodenken" in page and 'href="/e/1/"' in page


def test_the_gemeente_section_shows_only_what_the_viewer_may_see(people):
    utrecht = Gemeente.objects.get(code="GM0344")
    ScenarioFactory(author=organisation_of("GM0344"), title="Openbaar", visibility=Scenario.Visibility.LEDEN)
    ScenarioFactory(author=organisation_of("GM0344"), title="Eigen", visibility=Scenario.Visibility.AUTEUR)
    RiskFactory(net_likelihood=5, net_impact=4)
    request = RequestFactory().get("/")
    request.user = people["amsterdam"]
    section = gemeente_section(request, utrecht)
    assert [s.title for s in section["scenarios"]] == ["Openbaar"] and section["summary"] is None
    request.user = people["utrecht"]
    section = gemeente_section(request, utrecht)
    assert {s.title for s in section["scenarios"]} == {"Openbaar", "Eigen"}
    assert section["summary"]["open"] == 1 and section["summary"]["high"] == 1
    request.user = people["connect"]
    assert gemeente_section(request, utrecht) is None


def test_the_chapter_places_only_registered_figures():
    import re

    chapter = registry.chapters["risicobeheer"]
    keys = set(registry.figures.keys())
    for language in ("nl", "en"):
        text = " ".join(getattr(block, language) for block in chapter.blocks[2020])
        placed = set(re.findall(r"\{\{\s*(?:kaart\s+)?([a-z_]+\.[a-z_]+)", text))
        assert placed == set(registry.figures.keys()) & {k for k in keys if k.startswith("risicobeheer.")}


def test_the_demo_loads_twice_and_its_figures_come_from_its_records(people):
    demo.load_demo()
    counts = (Scenario.objects.count(), Risk.unscoped.count(), Claim.objects.count(), Contribution.objects.count())
    demo.load_demo()
    assert (
        Scenario.objects.count(),
        Risk.unscoped.count(),
        Claim.objects.count(),
        Contribution.objects.count(),
    ) == counts
    values = registry.figures.values("risicobeheer", 2020)
    assert values["pool_deelnemers"].number == 25 == PoolMember.objects.count()
    assert values["scenarios_gedeeld"].number == Scenario.objects.filter(published_on__year=2020).count() >= 6
    assert values["scenarios_hergebruikt"].number == Risk.unscoped.filter(scenario__isnull=False).count() >= 10
    assert values["pool_bijdragen"].number == selectors.balance(2020).contributions
    assert values["pool_saldo"].number == selectors.balance(2020).result
    assert values["pool_schades"].number == Claim.objects.filter(incident_on__year=2020).count()
    # The demo's registers are enough for the anonymised comparison to show groups.
    assert selectors.comparison().by_scenario
    records = registry.figures["risicobeheer.scenarios_gedeeld"].records(2020, people["amsterdam"])
    assert len(records) == values["scenarios_gedeeld"].number - 2  # hidden: Groningen's own, Den Haag's for regions


def test_figures_page(client, login, people):
    demo.load_demo()
    login(people["risicobeheer"])
    page = client.get("/risicobeheer/cijfers/?jaar=2020")
    assert page.status_code == 200 and "Deelnemers verzekeringspool" in page.text


def test_the_pages_speak_english(client, login, people):
    from django.utils import translation

    login(people["amsterdam"])
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        page = client.get("/risicobeheer/scenarios/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Scenario library" in page and "Scenariobibliotheek" not in page
