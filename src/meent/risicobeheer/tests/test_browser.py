"""Risicobeheer in Chromium: every form submitted once, by a gemeente (scenario library and own register) and by
Risicobeheer staff (the pool), with the main pages free of serious or critical axe violations."""

import datetime
from decimal import Decimal

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.leden.models import Veiligheidsregio
from meent.risicobeheer import services
from meent.risicobeheer.models import Claim, Contribution, Measure, Risk, Scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def accounts():
    load_accounts()


def _submit(page, label: str) -> None:
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


def test_a_gemeente_shares_reuses_and_keeps_its_register(accounts, page, live_server):
    log_in(page, live_server.url, "utrecht-iso")
    page.goto(f"{live_server.url}/risicobeheer/scenarios/nieuw/")
    assert serious_violations(page) == []
    page.fill("[name=title]", "Corona: sociaal domein, drie scenario's")
    page.fill("[name=description]", "Bijstand en schuldhulp onder druk.")
    page.select_option("[name=theme]", "sociaal")
    page.select_option("[name=visibility]", "leden")
    page.fill("[name=tags]", "corona, sociaal domein")
    page.fill("[name=variants]", "Mild, Midden, Zwaar")
    page.fill("[name=variables]", "Bijstandsaanvragen; %; 10; 25; 40")
    _submit(page, "Scenario delen")
    scenario = Scenario.objects.get()
    assert page.url.endswith(f"/risicobeheer/scenarios/{scenario.pk}/")
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/risicobeheer/scenarios/{scenario.pk}/bewerken/")
    page.fill("[name=title]", "Corona: sociaal domein (herzien)")
    _submit(page, "Opslaan")
    page.goto(f"{live_server.url}/risicobeheer/scenarios/?q=herzien")
    assert page.get_by_role("link", name="Corona: sociaal domein (herzien)").is_visible()
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/risicobeheer/scenarios/{scenario.pk}/")
    _submit(page, "Hergebruiken in ons risicoregister")
    risk = Risk.unscoped.get()
    page.select_option("[name=net_likelihood]", "2")
    _submit(page, "Opslaan")
    assert page.url.endswith(f"/risicobeheer/risicos/{risk.pk}/")
    page.fill("[name=description]", "Extra formatie schuldhulp")
    page.fill("[name=owner]", "Wethouder sociaal domein")
    page.fill("[name=due_on]", "2030-03-01")
    _submit(page, "Maatregel toevoegen")
    assert Measure.unscoped.get().risk == risk
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/risicobeheer/registers/{risk.register.organisation_id}/nieuw/")
    page.fill("[name=title]", "Cyberaanval")
    page.select_option("[name=theme]", "ict")
    page.fill("[name=cause]", "Phishing")
    page.fill("[name=effect]", "Dienstverlening ligt stil")
    page.fill("[name=owner]", "CIO")
    page.fill("[name=review_on]", "2030-01-01")
    _submit(page, "Opslaan")
    assert Risk.unscoped.count() == 2
    page.goto(f"{live_server.url}/risicobeheer/registers/{risk.register.organisation_id}/")
    assert page.locator("svg.meent-heatmap").is_visible()
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_risicobeheer_runs_the_pool(accounts, page, live_server):
    for region in Veiligheidsregio.objects.order_by("code"):
        services.join_pool(region, joined_on=datetime.date(2019, 1, 1))
    log_in(page, live_server.url, "risicobeheer")
    page.goto(f"{live_server.url}/risicobeheer/pool/bijdragen/berekenen/")
    page.fill("[name=year]", "2020")
    page.fill("[name=base]", "20000")
    page.fill("[name=share_total]", "1650000")
    page.fill("[name=premium]", "420000")
    _submit(page, "Bijdragen berekenen")
    assert Contribution.objects.filter(year=2020).count() == 25
    assert serious_violations(page) == []

    contribution = Contribution.objects.filter(year=2020).first()
    page.goto(f"{live_server.url}/risicobeheer/pool/bijdragen/{contribution.pk}/")
    page.fill("[name=amount]", "15000.00")
    page.fill("[name=reason]", "Toegetreden per 1 juli")
    _submit(page, "Opslaan")
    contribution.refresh_from_db()
    assert contribution.amount == Decimal("15000.00")

    page.goto(f"{live_server.url}/risicobeheer/pool/schades/")
    page.select_option("[name=member]", index=1)
    page.fill("[name=incident_on]", "2020-04-01")
    page.fill("[name=description]", "Val van ladder bij oefening")
    page.fill("[name=reserve]", "10000")
    _submit(page, "Schade registreren")
    claim = Claim.objects.get()
    page.fill("[name=betaling-amount]", "4000")
    page.fill("[name=betaling-paid_on]", "2020-05-01")
    _submit(page, "Betaling boeken")
    assert claim.payments.count() == 1
    page.select_option("[name=afsluiten-status]", "afgewikkeld")
    _submit(page, "Afsluiten")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.AFGEWIKKELD
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/risicobeheer/pool/wat-als/")
    page.fill("[name=year]", "2021")
    _submit(page, "Doorrekenen")
    assert page.get_by_text("Verwacht saldo").is_visible()
    assert serious_violations(page) == []
    for path in (
        "/risicobeheer/pool/",
        "/risicobeheer/vergelijking/",
        "/risicobeheer/platform/",
        "/risicobeheer/cijfers/",
    ):
        page.goto(live_server.url + path)
        assert serious_violations(page) == [], path
