import pytest

from meent.leden.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_gemeente_list_defaults_to_the_current_division(client):
    response = client.get("/gemeenten/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 342


def test_year_filter_shows_the_355_of_2020(client):
    response = client.get("/gemeenten/?jaar=2020")
    assert response.context["paginator"].count == 355
    assert "Appingedam" in response.text or response.context["paginator"].page(1)


def test_search_and_province_filter(client):
    response = client.get("/gemeenten/?q=den+bosch&jaar=2020")
    assert [g.code for g in response.context["object_list"]] == ["GM0796"]
    response = client.get("/gemeenten/?provincie=PV24")  # Flevoland
    assert response.context["paginator"].count == 6


def test_search_finds_a_caribbean_public_body(client):
    response = client.get("/gemeenten/?q=Bonaire")
    assert [g.code for g in response.context["openbare_lichamen"]] == ["BQ-BO"]
    assert "/gemeenten/BQ-BO/" in response.text
    assert "Caribisch Nederland" not in client.get("/gemeenten/?q=Amsterdam").text


def test_empty_result_says_so(client):
    response = client.get("/gemeenten/?q=bestaatniet")
    assert "Geen gemeenten gevonden" in response.text


def test_csv_export_lists_the_filtered_gemeenten(client):
    response = client.get("/gemeenten/?provincie=PV24&formaat=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 7 and lines[0].startswith("code;naam")


def test_dissolved_gemeente_points_to_its_successor(client):
    response = client.get("/gemeenten/GM0003/")
    assert response.status_code == 200
    assert "Eemsdelta" in response.text
    assert "bestaat sinds 1 januari 2021 niet meer" in response.text


def test_unknown_gemeente_is_a_404(client):
    assert client.get("/gemeenten/GM0000/").status_code == 404


def test_contacts_only_for_staff_and_own_gemeente(client, make_account, login):
    from meent.core.roles import Role
    from meent.leden.models import Gemeente

    MembershipFactory(
        person__first_name="Geheim",
        person__last_name="Contact",
        organisation=Gemeente.objects.get(code="GM0344").organisation,
        role="ciso",
    )
    assert "Geheim Contact" not in client.get("/gemeenten/GM0344/").text
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    assert "Geheim Contact" not in client.get("/gemeenten/GM0344/").text
    login(make_account(Role.GEMEENTE, gemeente="GM0344"))
    assert "Geheim Contact" in client.get("/gemeenten/GM0344/").text


def test_a_gemeente_account_cannot_open_organisations_by_guessing_ids(client, make_account, login):
    from meent.core.roles import Role
    from meent.leden.models import Gemeente

    other = Gemeente.objects.get(code="GM0344").organisation
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    assert client.get(f"/organisaties/{other.pk}/").status_code == 403
    assert client.get(f"/api/v1/organisaties/{other.pk}").status_code == 403
