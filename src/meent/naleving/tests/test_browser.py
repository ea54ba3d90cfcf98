"""Naleving in Chromium: a gemeente answers through its link (no account), Naleving staff create a campaign, send
it and read the coverage, a gemeente records roadmap progress, staff run a programme's sounding board and record a
Global Goals gemeente; no serious or critical axe violations."""

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.naleving import services
from meent.naleving.models import Answer, Campaign, Progress, Target
from meent.naleving.tests.factories import make_campaign, make_roadmap

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_gemeente_answers_through_its_link(page, live_server):
    campaign = make_campaign()
    token = services.link_token(Target.unscoped.get(campaign=campaign, gemeente__code="GM0363"))
    page.goto(f"{live_server.url}/naleving/antwoord/{token}/")
    assert serious_violations(page) == []
    page.get_by_label("Naam").fill("Fatima el Amrani")
    page.get_by_label("Functie").fill("Teamleider onderwijs")
    page.get_by_label("E-mailadres").fill("f.elamrani@amsterdam.example")
    page.get_by_label("Telefoon").fill("020 555 0123")
    page.get_by_label("Bereikbaarheid").select_option("24/7")
    page.get_by_role("button", name="Antwoord versturen").click()
    assert page.get_by_text("Uw antwoord is opgeslagen").is_visible()
    assert Answer.unscoped.get().data["telefoon"] == "+31205550123"
    page.goto(f"{live_server.url}/naleving/antwoord/{token[:-4]}/")
    assert page.get_by_role("heading", name="Deze link werkt niet").is_visible()
    assert serious_violations(page) == []


def test_staff_create_send_and_follow_a_campaign(page, live_server):
    load_accounts()
    log_in(page, live_server.url, "naleving")
    page.goto(f"{live_server.url}/naleving/campagnes/nieuw/")
    assert serious_violations(page) == []
    page.get_by_label("Titel").fill("Contact arbeidsmigranten")
    page.get_by_label("Vraag").fill("Wie is uw contactpersoon?")
    page.get_by_label("Doelgroep").select_option("provincie")
    page.get_by_label("Provincie").select_option(label="Zeeland")
    page.get_by_label("Terugvaladres").fill("naleving@vereniging.example")
    page.get_by_label("Uiterste antwoordmoment").fill("2030-01-01T12:00")
    page.get_by_role("button", name="Aanmaken").click()
    page.get_by_label("Sleutel").fill("naam")
    page.get_by_label("Label").fill("Naam")
    page.get_by_label("Soort").select_option("tekst")
    page.get_by_role("button", name="Veld toevoegen").click()
    page.get_by_role("button", name="Versturen naar alle doelgemeenten").click()
    assert page.get_by_text("van 13 na").is_visible()
    page.get_by_role("button", name="Herinnering sturen aan de ontbrekende gemeenten").click()
    assert serious_violations(page) == []
    assert Campaign.objects.get().sent_at is not None


def test_a_gemeente_records_roadmap_progress(page, live_server):
    load_accounts()
    roadmap = make_roadmap(steps=2)
    log_in(page, live_server.url, "amsterdam")
    page.goto(f"{live_server.url}/naleving/routekaarten/{roadmap.pk}/")
    assert serious_violations(page) == []
    page.locator("#s-1").select_option("gereed")
    page.locator("form[aria-labelledby=stap-1]").get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De voortgang is opgeslagen").is_visible()
    assert Progress.unscoped.get().gemeente.code == "GM0363"


def test_staff_run_a_programme_with_its_sounding_board(page, live_server):
    from meent.naleving.models import BoardMember, Decision

    load_accounts()
    log_in(page, live_server.url, "naleving")
    page.goto(f"{live_server.url}/naleving/programmas/nieuw/")
    assert serious_violations(page) == []
    page.get_by_label("Titel").fill("Bescherming arbeidsmigranten")
    page.get_by_label("Start").fill("2021-01-01")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Lid toevoegen").click()
    assert serious_violations(page) == []
    page.get_by_label("Gemeente").select_option("GM1783")
    page.get_by_label("Voornaam").fill("Ingrid")
    page.get_by_label("Achternaam").fill("van Dalen")
    page.get_by_label("E-mailadres").fill("i.vandalen@westland.example")
    page.get_by_label("Functie").fill("wethouder")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("cell", name="Westland").is_visible()
    page.get_by_role("link", name="Bijeenkomst toevoegen").click()
    page.get_by_label("Datum").fill("2021-03-11")
    page.get_by_label("Agenda").fill("1. Kennismaking")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Besluit toevoegen").click()
    page.get_by_label("Besluit").fill("Werkplan 2021 vastgesteld")
    page.get_by_role("button", name="Opslaan").click()
    page.locator("select[name=status]").select_option("afgerond")
    page.get_by_role("button", name="Bijwerken").click()
    assert page.get_by_text("De status van het besluit is bijgewerkt").is_visible()
    assert serious_violations(page) == []
    assert BoardMember.objects.get().gemeente.code == "GM1783" and Decision.objects.get().status == "afgerond"


def test_staff_record_a_global_goals_gemeente(page, live_server):
    from meent.naleving.models import GlobalGoalsMember

    load_accounts()
    log_in(page, live_server.url, "naleving")
    page.goto(f"{live_server.url}/naleving/global-goals-gemeenten/aanmelden/")
    assert serious_violations(page) == []
    page.get_by_label("Gemeente").select_option("GM0344")
    page.get_by_label("Aangesloten op").fill("2019-09-25")
    page.get_by_role("button", name="Vastleggen").click()
    assert page.get_by_role("row", name="Utrecht").is_visible()
    assert serious_violations(page) == []
    assert GlobalGoalsMember.objects.get().gemeente.code == "GM0344"
