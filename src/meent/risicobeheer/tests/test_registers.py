"""Risk registers: tenancy, scores, heat map, filters, export, history, reminders and the anonymised comparison."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django_scopes import scope
from openpyxl import load_workbook

from meent.core.refusals import Refused
from meent.leden.models import Gemeente
from meent.risicobeheer import selectors, services
from meent.risicobeheer.models import Register, Risk, Theme
from meent.risicobeheer.tests.factories import RegisterFactory, RiskFactory, ScenarioFactory, organisation_of

pytestmark = pytest.mark.django_db
VALID = {
    "title": "Uitval ICT",
    "theme": "ict",
    "cause": "Storing",
    "effect": "Geen dienstverlening",
    "owner": "CIO",
    "gross_likelihood": "5",
    "gross_impact": "4",
    "net_likelihood": "2",
    "net_impact": "3",
    "review_on": "2030-01-01",
    "status": "open",
}


def test_the_data_layer_scopes_registers_to_the_gemeente():
    utrecht = RiskFactory()
    RiskFactory(register=RegisterFactory(organisation=organisation_of("GM0363")))
    amsterdam = Gemeente.objects.get(code="GM0363")
    with scope(gemeente=[amsterdam.pk]):
        assert utrecht not in Risk.objects.all() and Risk.objects.count() == 1
        assert Register.objects.get().organisation.gemeente == amsterdam


def test_a_gemeente_cannot_read_or_edit_another_register(client, login, people):
    risk = RiskFactory(title="Vertrouwelijk risico Utrecht")
    organisation = risk.register.organisation_id
    login(people["amsterdam"])
    for url in (
        f"/risicobeheer/registers/{organisation}/",
        f"/risicobeheer/registers/{organisation}/export.xlsx",
        f"/risicobeheer/registers/{organisation}/nieuw/",
        f"/risicobeheer/risicos/{risk.pk}/",
        f"/risicobeheer/risicos/{risk.pk}/bewerken/",
        f"/api/v1/risicoregisters/{organisation}/risicos",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/risicobeheer/registers/{organisation}/nieuw/", VALID).status_code == 404
    assert client.post(f"/risicobeheer/risicos/{risk.pk}/bewerken/", VALID).status_code == 404
    assert "Vertrouwelijk" not in client.get("/risicobeheer/registers/").text
    with pytest.raises(Refused):
        services.add_risk(risk.register, by=people["amsterdam"], **{**VALID, "gross_likelihood": 5})
    assert Risk.unscoped.count() == 1


def test_scores_outside_one_to_five_are_refused(people):
    register = services.register_of(organisation_of("GM0344"))
    values = {k: v for k, v in VALID.items() if k not in ("review_on",)} | {"review_on": datetime.date(2030, 1, 1)}
    for name in services.SCORE_FIELDS:
        values = {**values, **{n: 3 for n in services.SCORE_FIELDS}, name: 6}
        with pytest.raises(Refused):
            services.add_risk(register, by=people["utrecht"], **values)
    assert not Risk.unscoped.exists()


def test_the_form_adds_a_risk_and_its_history_records_changes(client, login, people):
    login(people["utrecht"])
    organisation = organisation_of("GM0344").pk
    response = client.post(f"/risicobeheer/registers/{organisation}/nieuw/", {**VALID, "gross_likelihood": "9"})
    assert response.status_code == 400
    response = client.post(f"/risicobeheer/registers/{organisation}/nieuw/", VALID)
    risk = Risk.unscoped.get()
    assert response.status_code == 302 and risk.gross_score == 20 and risk.net_score == 6
    client.post(f"/risicobeheer/risicos/{risk.pk}/bewerken/", {**VALID, "net_impact": "1"})
    response = client.post(
        f"/risicobeheer/risicos/{risk.pk}/maatregelen/",
        {"description": "Back-ups", "owner": "CIO", "due_on": "2030-02-01"},
    )
    assert response.status_code == 302 and risk.measures.count() == 1
    entries = LogEntry.objects.filter(object_id=risk.pk, content_type__model="risk")
    assert entries.count() == 2 and entries.first().actor == people["utrecht"]
    page = client.get(f"/risicobeheer/risicos/{risk.pk}/").text
    assert "Geschiedenis" in page and "Back-ups" in page


def test_heat_map_filters_and_table_agree(client, login, people):
    register = RegisterFactory()
    RiskFactory(register=register, net_likelihood=5, net_impact=5, theme=Theme.ICT)
    RiskFactory(register=register, net_likelihood=5, net_impact=5, theme=Theme.KLIMAAT)
    RiskFactory(register=register, net_likelihood=1, net_impact=2, theme=Theme.ICT)
    grid = selectors.heat_map(selectors.risks(register))
    assert grid[0][4].count == 2 and grid[4][1].count == 1 and sum(c.count for row in grid for c in row) == 3
    assert grid[0][4].level == "zeer-hoog" and grid[4][0].level == "laag"
    assert len(selectors.risks(register, selectors.RiskFilters(theme=Theme.ICT))) == 2
    assert len(selectors.risks(register, selectors.RiskFilters(min_score=20))) == 2
    login(people["utrecht"])
    page = client.get(f"/risicobeheer/registers/{register.organisation_id}/?theme=ict&min_score=20")
    assert page.status_code == 200 and len(page.context["object_list"]) == 1
    assert "<svg" in page.text and "matrix-tabel" in page.text
    assert client.get(f"/risicobeheer/registers/{register.organisation_id}/?min_score=abc").status_code == 200


def test_export_to_xlsx_holds_the_filtered_risks(client, login, people):
    register = RegisterFactory()
    RiskFactory(register=register, title="=HYPERLINK(1)", theme=Theme.ICT)
    RiskFactory(register=register, title="Wateroverlast", theme=Theme.KLIMAAT)
    login(people["utrecht"])
    response = client.get(f"/risicobeheer/registers/{register.organisation_id}/export.xlsx?theme=ict")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Risico" and len(rows) == 2
    assert rows[1][0] == "=HYPERLINK(1)" and sheet["A2"].data_type == "s"
    assert rows[1][10] == 8  # net 2 × 4


def test_review_reminders_go_once_per_date_after_commit(people, mailoutbox, django_capture_on_commit_callbacks):
    people["utrecht"].email = "iso@utrecht.example"
    people["utrecht"].save()
    risk = RiskFactory(review_on=datetime.date(2030, 1, 5))
    RiskFactory(review_on=datetime.date(2030, 3, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_review_reminders(datetime.date(2030, 1, 1)) == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["iso@utrecht.example"]
    assert f"/risicobeheer/risicos/{risk.pk}/" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_review_reminders(datetime.date(2030, 1, 2)) == 0
    risk.review_on = datetime.date(2030, 1, 6)
    risk.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_review_reminders(datetime.date(2030, 1, 2)) == 1
    assert len(mailoutbox) == 2


CODES = ["GM0363", "GM0344", "GM0599", "GM0518", "GM0772", "GM0014"]


def _spread(theme: str, codes: list[str], scenario=None) -> None:
    for code in codes:
        RiskFactory(register=RegisterFactory(organisation=organisation_of(code)), theme=theme, scenario=scenario)


def test_the_comparison_never_shows_a_group_under_five_gemeenten():
    scenario = ScenarioFactory(title="Corona: financiële effecten")
    _spread(Theme.ICT, CODES[:5])
    _spread(Theme.KLIMAAT, CODES[:4])
    _spread(Theme.FINANCIEN, CODES[:4], scenario=scenario)
    # One gemeente with many risks in a theme is still one gemeente.
    for _ in range(6):
        RiskFactory(register=RegisterFactory(organisation=organisation_of("GM0363")), theme=Theme.PERSONEEL)
    result = selectors.comparison()
    assert [row.label for row in result.by_theme] == [str(Theme.ICT.label)]
    assert result.by_theme[0].gemeenten == 5 and result.by_scenario == []
    assert result.hidden_groups == 4
    _spread(Theme.FINANCIEN, CODES[4:5], scenario=scenario)
    assert [row.gemeenten for row in selectors.comparison().by_scenario] == [5]


def test_the_comparison_page_names_no_gemeente(client, login, people):
    _spread(Theme.ICT, CODES)
    login(people["risicobeheer"])
    page = client.get("/risicobeheer/vergelijking/").text
    assert "ICT en informatie" in page
    assert not any(name in page for name in ("Amsterdam", "Utrecht", "Rotterdam", "Eindhoven"))
    login(people["amsterdam"])
    assert client.get("/risicobeheer/vergelijking/").status_code == 403


def test_a_measure_without_a_date_shows_the_risk_page_again(client, login, people):
    risk = RiskFactory()
    login(people["utrecht"])
    response = client.post(f"/risicobeheer/risicos/{risk.pk}/maatregelen/", {"description": "Back-ups", "owner": "CIO"})
    assert response.status_code == 400 and risk.title in response.text and not risk.measures.exists()
    assert client.get(f"/risicobeheer/risicos/{risk.pk}/maatregelen/").status_code == 405
