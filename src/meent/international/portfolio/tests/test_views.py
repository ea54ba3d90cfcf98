import io

import pytest
from openpyxl import load_workbook

from meent.core.roles import Role
from meent.international.portfolio.models import Project, StatusChange


@pytest.fixture
def staff(demo, make_account, login):
    login(make_account(Role.INTERNATIONAL, username="int-medewerker"))


def test_the_staff_pages_show_the_demo_portfolio(staff, client):
    assert "Lokaal bestuur en vrede in Mali" in client.get("/international/").content.decode()
    mali = Project.objects.get(code="mali-vrede")
    detail = client.get(f"/international/projecten/{mali.pk}/").content.decode()
    assert "Tweede staatsgreep van 24 mei 2021" in detail and "XM-DAC-7-PPR-4000001927" in detail
    page = client.get("/international/portfolio/?jaar=2020").content.decode()
    assert "€ 23,4 miljoen" in page and "<svg" in page and 'id="tabel-financiering"' in page
    assert client.get("/international/programmas/").status_code == 200
    iati = client.get("/international/iati/").content.decode()
    assert "De Engelse titel ontbreekt." in iati and "niet openbaar gemaakt" in iati


@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ("land=ML", "mali-vrede", "benin-water"),
        ("thema=water", "benin-water", "mali-vrede"),
        ("status=gestopt", "myanmar-lokaal-bestuur", "mali-vrede"),
        ("jaar=2020", "mali-vrede", "kenia-counties"),
        ("land=QQ&status=onzin&jaar=abc&donor=²", "mali-vrede", None),  # unknown values are ignored, no crash
    ],
)
def test_the_project_list_filters(staff, client, query, included, excluded):
    page = client.get(f"/international/?{query}")
    assert page.status_code == 200
    codes = {p.code for p in page.context["object_list"]}
    assert included in codes and (excluded is None or excluded not in codes)


def test_the_donor_filter(staff, client):
    from meent.leden.models import Organisation

    usaid = Organisation.objects.get(name="USAID")
    codes = {p.code for p in client.get(f"/international/?donor={usaid.pk}").context["object_list"]}
    assert codes == {"oekraine-crisisbeheersing", "guatemala-transparantie"}


def test_the_status_form_appends_and_refuses(staff, client):
    project = Project.objects.get(code="ethiopie-regionale-steden")
    url = f"/international/projecten/{project.pk}/status/"
    completed = {"to_status": "afgerond", "date": "2022-01-10", "reason": "afgerond", "explanation": "Klaar."}
    refused = client.post(url, completed)
    assert refused.status_code == 400  # suspended cannot be completed: the form does not even offer it
    response = client.post(
        url, {"to_status": "hervat", "date": "2022-03-01", "reason": "verbeterd", "explanation": "Staf terug."}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "hervat"
    assert StatusChange.objects.filter(project=project).last().explanation == "Staf terug."


def test_the_exports_hold_the_table(staff, client):
    response = client.get("/international/portfolio/financiering.xlsx?jaar=2020")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Internationale donoren"] == 51 and rows["Nederlandse overheid"] == 43
    csv = client.get("/international/portfolio/staf.csv?jaar=2020").content.decode("utf-8-sig")
    assert "Totaal Nederland;ja;54" in csv and "Totaal buitenland;nee;130" in csv
    assert client.get("/international/portfolio/onbekend.csv?jaar=2020").status_code == 404


def test_the_map_links_every_country_with_projects_and_lists_them(staff, client):
    page = client.get("/international/kaart/?jaar=2020")
    html = page.content.decode()
    assert len(page.context["object_list"]) == 32
    assert 'aria-label="Mali: 1 project"' in html and html.count("<a href=") >= 30


def test_the_public_pages_in_french(demo, client):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/international/wereldwijd/"})
    page = client.get("/international/wereldwijd/").content.decode()
    assert '<html lang="fr" ' in page and "Projets de VNG International" in page and "Mali" in page
    assert client.get("/international/wereldwijd/myanmar-lokaal-bestuur/").status_code == 404
    assert client.get("/international/wereldwijd/mali-vrede/").status_code == 200
