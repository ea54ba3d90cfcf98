import pytest

from meent.core.roles import Role
from meent.international.portfolio.models import Project


@pytest.fixture
def staff(demo, make_account, login):
    login(make_account(Role.INTERNATIONAL, username="int-api"))


def test_projects_filter_by_land_thema_donor_status_jaar(staff, client):
    def codes(query: str) -> set[str]:
        response = client.get(f"/api/v1/projecten?{query}")
        assert response.status_code == 200
        return {p["code"] for p in response.json()["results"]}

    assert codes("land=ml") == {"mali-vrede", "sahel-veiligheid-2022"}
    assert "benin-water" in codes("thema=water") and "mali-vrede" not in codes("thema=water")
    assert codes("status=gestopt") == {"myanmar-lokaal-bestuur"}
    assert "kenia-counties" not in codes("jaar=2020") and "kenia-counties" in codes("jaar=2021")
    from meent.leden.models import Organisation

    usaid = Organisation.objects.get(name="USAID").pk
    assert codes(f"donor={usaid}") == {"oekraine-crisisbeheersing", "guatemala-transparantie"}


def test_bad_filters_are_problem_json(staff, client):
    response = client.get("/api/v1/projecten?status=weg&jaar=twintig")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/problem+json")


def test_a_project_its_money_and_its_history(staff, client):
    mali = Project.objects.get(code="mali-vrede")
    project = client.get(f"/api/v1/projecten/{mali.pk}").json()
    assert project["financiering"][0]["activiteitDonor"] == "XM-DAC-7-PPR-4000001927"
    history = client.get(f"/api/v1/projecten/{mali.pk}/statushistorie").json()["results"]
    assert [step["naar"] for step in history] == ["voorbereiding", "actief", "opgeschort", "hervat", "opgeschort"]
    assert history[-1]["reden"] == "staatsgreep"
    assert client.get("/api/v1/projecten/999999/statushistorie").status_code == 404
    programmes = client.get("/api/v1/programmas").json()["results"]
    strategic = next(p for p in programmes if p["strategisch"])
    assert strategic["budgetEur"] == "50000000.00" and len(strategic["landen"]) == 10 and len(strategic["themas"]) == 4
