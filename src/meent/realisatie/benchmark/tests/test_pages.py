"""The public pages with the demo's real 2020 data: what a visitor sees and downloads."""

import io
import re

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

BASE = "/waarstaatjegemeente"


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_home_lists_themes_and_finds_a_gemeente(client, demo_data):
    page = text(client.get(f"{BASE}/", {"q": "amster"}))
    assert "Amsterdam" in page and "Corona" in page and "Werk en inkomen" in page
    assert client.get(f"{BASE}/", {"gemeente": "GM0363"})["Location"] == f"{BASE}/gemeenten/GM0363/"


def test_profile_shows_value_nederland_peer_and_rank(client, demo_data):
    page = text(client.get(f"{BASE}/gemeenten/GM0344/", {"peergroep": "provincie"}))
    assert "Utrecht" in page and "Mediaan provincie Utrecht" in page
    assert "Positief geteste personen (cumulatief)" in page
    assert re.search(r"\d+ van 342", page)
    assert "synthetisch" in page
    assert "<svg" in page  # trend sparkline


def test_profile_shows_one_theme_at_a_time_paginated(client, demo_data, monkeypatch):
    from meent.realisatie.benchmark.views import ProfileView

    monkeypatch.setattr(ProfileView, "overview_per_theme", 1)
    monkeypatch.setattr(ProfileView, "per_page", 2)
    overview = text(client.get(f"{BASE}/gemeenten/GM0344/"))
    corona_count = int(re.search(r"Corona \((\d+)\)", overview).group(1))
    assert corona_count > 2
    heading = '<h2 class="utrecht-heading-2">Werk en inkomen</h2>'
    assert f"Alle {corona_count} indicatoren over Corona" in overview and heading in overview

    first = text(client.get(f"{BASE}/gemeenten/GM0344/", {"thema": "corona"}))
    assert heading not in first and "indicatoren over" not in first
    assert f"Pagina 1 van {(corona_count + 1) // 2}" in first
    assert 'href="?thema=corona" aria-current="page"' in first
    second = text(client.get(f"{BASE}/gemeenten/GM0344/", {"thema": "corona", "page": 2}))
    names = re.compile(r'scope="row"><a class="utrecht-link" href="[^"]+">([^<]+)</a>')
    shown = names.findall(first) + names.findall(second)
    assert len(names.findall(first)) == 2 and len(set(shown)) == len(shown) == min(corona_count, 4)

    assert '<input type="hidden" name="thema" value="corona">' in first  # choosing a peer group keeps the theme
    unknown = text(client.get(f"{BASE}/gemeenten/GM0344/", {"thema": "bestaat-niet"}))
    assert heading in unknown and "Pagina " not in unknown


def test_profile_of_a_dissolved_gemeente_shows_its_own_figures_and_successor(client, demo_data):
    page = text(client.get(f"{BASE}/gemeenten/GM0788/"))
    assert "bestaat niet meer" in page and "Tilburg" in page
    assert "Positief geteste personen (cumulatief)" in page


def test_unknown_gemeente_is_404(client, demo_data):
    assert client.get(f"{BASE}/gemeenten/GM9999/").status_code == 404


def test_compare_several_gemeenten_with_peer_group_and_downloads(client, demo_data):
    query = {"gemeenten": ["GM0363", "GM0599"], "peergroep": "grootteklasse", "thema": "werk-inkomen"}
    page = text(client.get(f"{BASE}/vergelijken/", query))
    assert "Amsterdam" in page and "Rotterdam" in page and "Mediaan gemeenten met ≥ 250.000 inwoners" in page
    assert page.count('<svg class="benchmark-chart"') >= 2
    csv_text = client.get(f"{BASE}/vergelijken/", {**query, "formaat": "csv"}).content.decode("utf-8-sig")
    header = csv_text.splitlines()[0].split(";")
    assert header[3:5] == ["Amsterdam", "Rotterdam"]
    assert any(line.startswith("Werkloosheid;") for line in csv_text.splitlines())
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/vergelijken/", {**query, "formaat": "xlsx"}).content))
    rows = list(workbook.active.values)
    assert rows[0][3:5] == ("Amsterdam", "Rotterdam")
    assert len(rows) == len(csv_text.splitlines())


def test_compare_rejects_an_unknown_gemeente_with_a_message(client, demo_data):
    page = text(client.get(f"{BASE}/vergelijken/", {"gemeenten": "GM9999"}))
    assert "Controleer de volgende velden" in page


def test_indicator_page_ranks_maps_and_switches_period(client, demo_data):
    page = text(client.get(f"{BASE}/indicatoren/inwoners/"))
    assert "Ranglijst" in page and 'class="benchmark-map"' in page
    ranking = page[page.index('id="ranglijst"') :]
    assert ranking.index("Amsterdam") < ranking.index("Rotterdam") < ranking.index("Utrecht")
    assert page.count('<a href="/waarstaatjegemeente/gemeenten/GM') >= 340  # every gemeente on the map is a link
    page = text(client.get(f"{BASE}/indicatoren/werkloosheid/", {"periode": "2017", "indeling": "bron"}))
    assert "2017" in page and "Haaren" in page  # the 2020 division of the source, Haaren still separate


def test_corona_dashboard_per_week_per_100k_with_lines_and_corrections(client, demo_data):
    page = text(
        client.get(f"{BASE}/corona/", {"gemeente": "GM0363", "maat": "per100k", "peergroep": "veiligheidsregio"})
    )
    assert "Coronadashboard" in page and "Amsterdam" in page and "2020-W37" in page
    assert "veiligheidsregio Amsterdam-Amstelland" in page
    assert 'stroke-dasharray="6 3"' in page  # national line
    assert "IC-opnames" in page


def test_corona_daily_shows_corrections(client, demo_data):
    page = text(client.get(f"{BASE}/corona/", {"per": "dag"}))
    assert "correctie" in page


def test_corona_week_overview_of_all_gemeenten(client, demo_data):
    page = text(client.get(f"{BASE}/corona/week/", {"week": "2020-W37"}))
    assert page.count("?gemeente=GM") >= 342
    assert 'class="benchmark-map"' in page


def test_sewage_per_veiligheidsregio(client, demo_data):
    page = text(client.get(f"{BASE}/corona/rioolwater/", {"regio": "VR13"}))
    assert "Amsterdam-Amstelland" in page and "RNA per ml" in page and "<svg" in page


def test_pages_are_in_english_on_request(client, demo_data):
    page = text(client.get(f"{BASE}/corona/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Corona dashboard" in page


def test_realisatie_imports_a_file_and_sees_the_log(client, make_account, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meent.core.roles import Role
    from meent.realisatie.benchmark.models import DataImport

    login(make_account(Role.REALISATIE))
    upload = SimpleUploadedFile("banen.csv", b"indicator,gebied,periode,waarde,naam\nbanen,GM0344,2020,5,Banen\n")
    response = client.post(f"{BASE}/imports/", {"soort": "generiek", "bestand": upload, "thema": "overig"})
    assert response.status_code == 302
    log = DataImport.objects.get(filename="banen.csv")
    assert log.status == DataImport.Status.GESLAAGD and log.imported_by.has_role(Role.REALISATIE)
    page = text(client.get(f"{BASE}/imports/"))
    assert "banen.csv" in page and "Geslaagd" in page


def test_import_form_explains_what_is_missing(client, make_account, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meent.core.roles import Role

    login(make_account(Role.REALISATIE))
    upload = SimpleUploadedFile("t.csv", b"ID;RegioS;Perioden;X\n")
    response = client.post(f"{BASE}/imports/", {"soort": "cbs-csv", "bestand": upload, "thema": "overig"})
    assert response.status_code == 400
    assert "Geef de CBS-tabelcode op" in response.content.decode()


def test_a_gemeente_account_cannot_import(client, make_account, login):
    from meent.core.roles import Role

    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    assert client.post(f"{BASE}/imports/", {"soort": "generiek"}).status_code in (403, 404)


def test_home_and_mijn_gemeente_link_to_the_benchmark(client, make_account, login, demo_data):
    from meent.core.roles import Role

    # The data ends on Tuesday 15 September: week 38 is not complete, so week 37 is the latest week.
    assert f"{BASE}/corona/week/?week=2020-W37" in text(client.get("/"))
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    page = text(client.get("/mijn-gemeente/"))
    assert f"{BASE}/gemeenten/GM0363/" in page and "Kerncijfers van Amsterdam" in page
    assert f"{BASE}/indicatoren/" in page


def test_the_figures_list_what_they_count(demo_data):
    from django.contrib.auth.models import AnonymousUser

    from meent.core import registry

    checked = []
    with registry.computing():
        for figure in registry.figures.of_module("benchmark"):
            value = figure.value(2020)
            if figure.records is not None and value.has_data:
                checked.append(figure.key)
                assert len(figure.records(2020, AnonymousUser())) == value.number, figure.key
    assert checked == ["benchmark.bronnen", "benchmark.indicatoren"]


def csv_lines(response) -> list[list[str]]:
    assert response["Content-Language"] == "nl"
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


def test_compare_marks_estimates_and_rounds_its_downloads(client, demo_data):
    """Tilburg took over part of Haaren (2021): its 2020 corona figures are estimates, never raw fractions."""
    query = {"gemeenten": ["GM0363", "GM0855"], "indicatoren": ["covid-positief-cumulatief"], "periode": "2020-09-15"}
    page = text(client.get(f"{BASE}/vergelijken/", query))
    assert page.count('<span class="benchmark-badge" title="geschat') == 1
    header, row = csv_lines(client.get(f"{BASE}/vergelijken/", {**query, "formaat": "csv"}))
    assert header[3:5] == ["Amsterdam", "Tilburg"] and header[-1] == "geschat voor"
    assert row[-1] == "Tilburg"
    assert all(re.fullmatch(r"\d+", cell) for cell in row[3:-1]), row  # no 861.5684508212121, no 357597.0
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/vergelijken/", {**query, "formaat": "xlsx"}).content))
    cells = list(workbook.active.values)[1]
    assert all(isinstance(cell, int) for cell in cells[3:-1]) and cells[-1] == "Tilburg"


def test_ranking_downloads_as_csv_for_dutch_excel_and_as_xlsx_with_numbers(client, demo_data):
    rows = csv_lines(client.get(f"{BASE}/indicatoren/inwoners/", {"formaat": "csv"}))
    assert rows[0][:3] == ["positie", "code", "gemeente"]
    amsterdam = next(r for r in rows if r[1] == "GM0363")
    assert amsterdam[0] == "1" and re.fullmatch(r"\d+", amsterdam[3])
    assert len(rows) == 1 + 342
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/indicatoren/inwoners/", {"formaat": "xlsx"}).content))
    first = list(workbook.active.values)[1]
    assert first[:3] == (1, "GM0363", "Amsterdam") and isinstance(first[3], int)
    assert "formaat=csv" in text(client.get(f"{BASE}/indicatoren/inwoners/"))


def test_corona_dashboard_downloads_and_marks_an_estimated_gemeente(client, demo_data):
    page = text(client.get(f"{BASE}/corona/", {"gemeente": "GM0855"}))
    assert "De cijfers van Tilburg zijn geschat" in page and "formaat=xlsx" in page
    assert "zijn geschat" not in text(client.get(f"{BASE}/corona/", {"gemeente": "GM0363"}))
    rows = csv_lines(client.get(f"{BASE}/corona/", {"gemeente": "GM0855", "formaat": "csv"}))
    assert rows[0][0] == "week" and rows[0][-1] == "geschat"
    assert {r[-1] for r in rows[1:]} == {"geschat"}
    assert all(re.fullmatch(r"-?\d+", r[1]) and re.fullmatch(r"-?\d+,\d", r[2]) for r in rows[1:] if r[1]), rows[:3]
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/corona/", {"formaat": "xlsx"}).content))
    sheet = list(workbook.active.values)
    assert isinstance(sheet[1][1], int) and isinstance(sheet[1][2], float)


def test_estimates_after_the_haaren_split_are_marked_on_the_profile_and_the_week_ranking(client, demo_data):
    badge = '<span class="benchmark-badge" title="geschat'
    profile = text(client.get(f"{BASE}/gemeenten/GM0855/"))  # Tilburg took over part of Haaren
    first_line = profile[profile.index("GM0855 ·") :].split("</p>")[0]
    assert "inwoners" in first_line and badge in first_line
    assert badge not in text(client.get(f"{BASE}/gemeenten/GM0363/")).split("</p>")[0]
    week = text(client.get(f"{BASE}/corona/week/", {"week": "2020-W37"}))
    table = week[week.index("<tbody") :]
    tilburg = table[table.index(">Tilburg<") :].split("</tr>")[0]
    amsterdam = table[table.index(">Amsterdam<") :].split("</tr>")[0]
    assert badge in tilburg and badge not in amsterdam
