"""The API follows the pages' rules: one's own register only, visible scenarios only, problem+json for bad
parameters, and a machine client only within the modules it was given."""

import pytest

from meent.risicobeheer.models import Risk, Scenario
from meent.risicobeheer.tests.factories import RegisterFactory, RiskFactory, ScenarioFactory, organisation_of

pytestmark = pytest.mark.django_db


def test_a_gemeente_reads_its_own_register_with_filters(client, login, people):
    register = RegisterFactory()
    RiskFactory(register=register, title="Cyberaanval", theme="ict")
    RiskFactory(register=register, title="Gesloten risico", theme="ict", status=Risk.Status.GESLOTEN)
    RiskFactory(register=RegisterFactory(organisation=organisation_of("GM0363")), title="Van Amsterdam")
    login(people["utrecht"])
    url = f"/api/v1/risicoregisters/{register.organisation_id}/risicos"
    body = client.get(url, {"status": "open"}).json()
    assert [r["risico"] for r in body["results"]] == ["Cyberaanval"]
    assert body["results"][0]["kansBruto"] == 4 and body["results"][0]["impactNetto"] == 4
    response = client.get(url, {"status": "weg"})
    assert response.status_code == 400 and response["Content-Type"].startswith("application/problem+json")
    assert client.get(f"/api/v1/risicoregisters/{organisation_of('GM0363').pk}/risicos").status_code == 404
    assert client.get("/api/v1/risicoregisters/999999999/risicos").status_code == 404


def test_scenarios_in_the_api_carry_variables_and_tags(client, login, people):
    scenario = ScenarioFactory(title="Corona: drie scenario's")
    scenario.variables.create(name="Derving", unit="%", values={"Mild": "10", "Zwaar": "40"})
    ScenarioFactory(visibility=Scenario.Visibility.AUTEUR, author=organisation_of("GM0599"))
    login(people["amsterdam"])
    body = client.get("/api/v1/scenarios", {"zoek": "derving"}).json()
    assert body["count"] == 1
    detail = client.get(f"/api/v1/scenarios/{scenario.pk}").json()
    assert detail["variabelen"] == [{"naam": "Derving", "eenheid": "%", "waarden": {"Mild": "10", "Zwaar": "40"}}]
    assert detail["auteur"] == str(organisation_of("GM0363"))


def test_a_machine_client_needs_the_risicobeheer_module(client, people, api_key):
    ScenarioFactory()
    without = api_key(people["amsterdam"], modules=("leden",), write=False)
    assert client.get("/api/v1/scenarios", HTTP_AUTHORIZATION=f"Token {without}").status_code == 403
    with_module = api_key(people["amsterdam"], modules=("risicobeheer",), write=False)
    response = client.get("/api/v1/scenarios", HTTP_AUTHORIZATION=f"Token {with_module}")
    assert response.status_code == 200 and response.json()["count"] == 1


def test_the_pool_is_for_risicobeheer_only(client, login, people):
    login(people["amsterdam"])
    assert client.get("/api/v1/verzekeringspool").status_code == 403
    login(people["risicobeheer"])
    assert client.get("/api/v1/verzekeringspool").json() == {"deelnemers": [], "saldi": []}
