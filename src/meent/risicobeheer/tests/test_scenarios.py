"""The scenario library: visibility, search, sharing, editing only one's own, reuse into one's own register."""

import pytest

from meent.core.refusals import ConflictRefused, Refused
from meent.risicobeheer import selectors, services
from meent.risicobeheer.models import Risk, Scenario, Theme
from meent.risicobeheer.tests.factories import ScenarioFactory, organisation_of

pytestmark = pytest.mark.django_db


def _share(by, **overrides):
    data = {
        "title": "Corona: financiële effecten, drie scenario's",
        "description": "Drie scenario's voor de begroting.",
        "theme": Theme.FINANCIEN,
        "visibility": Scenario.Visibility.LEDEN,
        "tags": ["Corona", "financiën", " corona "],
        "variants": ["Mild", "Midden", "Zwaar"],
        "variables": [
            {"name": "Derving parkeren", "unit": "%", "values": {"Mild": "15", "Midden": "30", "Zwaar": "50"}}
        ],
    }
    data.update(overrides)
    return services.share_scenario(by=by, **data)


def test_visibility_decides_who_reads_a_scenario(people):
    public = ScenarioFactory(visibility=Scenario.Visibility.LEDEN)
    regions = ScenarioFactory(visibility=Scenario.Visibility.VEILIGHEIDSREGIOS, author=organisation_of("GM0599"))
    private = ScenarioFactory(visibility=Scenario.Visibility.AUTEUR, author=organisation_of("GM0344"))

    def seen(user):
        return set(selectors.visible_scenarios(user))

    assert seen(people["amsterdam"]) == {public}
    assert seen(people["utrecht"]) == {public, private}
    assert seen(people["veiligheidsregio"]) == {public, regions}
    assert seen(people["risicobeheer"]) == {public, regions, private}
    assert seen(people["connect"]) == set()


def test_sharing_keeps_tags_once_and_variables_per_variant(people):
    scenario = _share(people["amsterdam"])
    assert scenario.author == organisation_of("GM0363")
    assert sorted(tag.name for tag in scenario.tags.all()) == ["corona", "financiën"]
    assert scenario.variables.get().row(scenario.variants) == ["15", "30", "50"]


def test_a_variable_for_an_unknown_variant_is_refused(people):
    with pytest.raises(Refused):
        _share(people["amsterdam"], variables=[{"name": "X", "unit": "", "values": {"Extreem": "1"}}])
    assert not Scenario.objects.exists()


def test_full_text_search_tags_and_theme(people):
    corona = _share(people["amsterdam"])
    other = ScenarioFactory(title="Wateroverlast", description="Hevige buien", theme=Theme.KLIMAAT)
    user = people["utrecht"]
    assert list(selectors.search_scenarios(user, text="parkeren begroting")) == [corona]  # a variable and the text
    assert list(selectors.search_scenarios(user, tag="corona")) == [corona]
    assert list(selectors.search_scenarios(user, theme=Theme.KLIMAAT)) == [other]
    assert list(selectors.search_scenarios(user, text="buien corona")) == []


def test_a_gemeente_edits_only_its_own_scenario(people):
    scenario = _share(people["amsterdam"])
    with pytest.raises(Refused):
        services.change_scenario(scenario, by=people["utrecht"], title="Gekaapt")
    services.change_scenario(scenario, by=people["amsterdam"], visibility=Scenario.Visibility.AUTEUR)
    scenario.refresh_from_db()
    assert scenario.title.startswith("Corona") and scenario.visibility == Scenario.Visibility.AUTEUR


def test_reuse_copies_into_the_own_register_with_a_link_and_shows_who_reuses(people):
    scenario = _share(people["amsterdam"])
    risk = services.reuse_scenario(scenario, by=people["utrecht"])
    assert risk.register.organisation == organisation_of("GM0344")
    assert risk.scenario == scenario and "Derving parkeren: 15, 30, 50" in risk.effect
    assert selectors.reusers(scenario) == [organisation_of("GM0344")]
    with pytest.raises(ConflictRefused):
        services.reuse_scenario(scenario, by=people["utrecht"])
    assert Risk.unscoped.count() == 1


def test_a_private_scenario_cannot_be_reused_by_another(people):
    private = ScenarioFactory(visibility=Scenario.Visibility.AUTEUR, author=organisation_of("GM0344"))
    with pytest.raises(Refused):
        services.reuse_scenario(private, by=people["amsterdam"])


def test_pages_hide_another_gemeentes_private_scenario(client, login, people):
    private = ScenarioFactory(
        title="Geheim werkdocument", visibility=Scenario.Visibility.AUTEUR, author=organisation_of("GM0344")
    )
    login(people["amsterdam"])
    assert "Geheim werkdocument" not in client.get("/risicobeheer/scenarios/?q=geheim").text
    assert client.get(f"/risicobeheer/scenarios/{private.pk}/").status_code == 404
    assert client.post(f"/risicobeheer/scenarios/{private.pk}/bewerken/", {"title": "x"}).status_code == 404
    assert client.get(f"/api/v1/scenarios/{private.pk}").status_code == 404
    assert client.get("/api/v1/scenarios").json()["results"] == []


def test_editing_another_gemeentes_public_scenario_is_forbidden(client, login, people):
    scenario = ScenarioFactory(author=organisation_of("GM0363"))
    login(people["utrecht"])
    assert client.get(f"/risicobeheer/scenarios/{scenario.pk}/").status_code == 200
    response = client.post(f"/risicobeheer/scenarios/{scenario.pk}/bewerken/", {"title": "Gekaapt"})
    assert response.status_code == 403
    scenario.refresh_from_db()
    assert scenario.title != "Gekaapt"


def test_sharing_through_the_form_and_a_bad_variable_line(client, login, people):
    login(people["utrecht"])
    data = {
        "title": "Corona: sociaal domein",
        "description": "Bijstand en schuldhulp",
        "theme": "sociaal",
        "visibility": "leden",
        "tags": "corona, sociaal domein",
        "variants": "Mild, Zwaar",
        "variables": "Bijstandsaanvragen; %; 10",
    }
    response = client.post("/risicobeheer/scenarios/nieuw/", data)
    assert response.status_code == 400 and "Regel 1" in response.text
    data["variables"] = "Bijstandsaanvragen; %; 10; 40"
    response = client.post("/risicobeheer/scenarios/nieuw/", data)
    scenario = Scenario.objects.get()
    assert response.status_code == 302 and scenario.variables.get().values == {"Mild": "10", "Zwaar": "40"}
    response = client.post(f"/risicobeheer/scenarios/{scenario.pk}/hergebruiken/")
    risk = Risk.unscoped.get()
    assert response["Location"] == f"/risicobeheer/risicos/{risk.pk}/bewerken/"


def test_the_api_filters_on_theme_and_refuses_an_unknown_one(client, login, people):
    ScenarioFactory(theme=Theme.KLIMAAT, title="Droogte")
    ScenarioFactory(theme=Theme.ICT, title="Storing")
    login(people["amsterdam"])
    body = client.get("/api/v1/scenarios?thema=klimaat").json()
    assert [s["titel"] for s in body["results"]] == ["Droogte"]
    response = client.get("/api/v1/scenarios?thema=maan")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/problem+json")
