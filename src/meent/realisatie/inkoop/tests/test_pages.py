"""The pages and the API: Realisatie sees every contract and figure, a gemeente only its own (another gemeente's
contract is not found), the import form shows the reasons per line, downloads hold what the reader may see."""

import io

import pytest
from openpyxl import load_workbook

from meent.leden.models import Gemeente
from meent.realisatie.inkoop.models import YearFigure
from meent.realisatie.inkoop.tests.factories import ParticipationFactory, YearFigureFactory, make_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_contract():
    contract = make_contract(title="Printers samen")
    for code, baseline in (("GM0363", 1000), ("GM0344", 5000)):
        participation = ParticipationFactory(contract=contract, gemeente=Gemeente.objects.get(code=code))
        YearFigureFactory(participation=participation, year=2020, baseline_cost=baseline, contract_cost=baseline - 100)
    return contract


def test_realisatie_sees_all_participants_and_their_savings(shared_contract, people, login):
    client = login(people["realisatie"])
    page = client.get("/inkoop/").content.decode()
    assert "Printers samen" in page and "€ 200" in page and "<svg" in page and "lijst-bijschrift" in page
    detail = client.get(f"/inkoop/contracten/{shared_contract.number}/").content.decode()
    assert "Amsterdam" in detail and "Utrecht" in detail


def test_a_gemeente_sees_only_its_own_figures(shared_contract, people, login):
    client = login(people["amsterdam"])
    detail = client.get(f"/inkoop/contracten/{shared_contract.number}/").content.decode()
    assert "Amsterdam" in detail and "Utrecht" not in detail and "€ 100" in detail
    other = make_contract(title="Alleen Utrecht")
    ParticipationFactory(contract=other, gemeente=Gemeente.objects.get(code="GM0344"))
    assert "Alleen Utrecht" not in client.get("/inkoop/").content.decode()
    assert client.get(f"/inkoop/contracten/{other.number}/").status_code == 404
    assert client.get(f"/api/v1/contracten/{other.number}").status_code == 404
    workbook = load_workbook(io.BytesIO(client.get("/inkoop/export.xlsx").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["GM0363"]


def test_the_api_gives_the_savings_with_the_same_rules(shared_contract, people, login):
    staff = login(people["realisatie"]).get("/api/v1/contracten").json()
    [contract] = staff["results"]
    assert contract["nummer"] == shared_contract.number and contract["deelnemers"] == 2
    assert contract["besparingLooptijd"] == "200.00"
    assert contract["besparingPerJaar"] == [
        {"jaar": 2020, "deelnemers": 2, "basiskosten": "6000.00", "contractkosten": "5800.00", "besparing": "200.00"}
    ]
    own = login(people["amsterdam"]).get(f"/api/v1/contracten/{shared_contract.number}").json()
    assert own["besparingLooptijd"] == "100.00" and own["deelnemers"] == 1
    bad = login(people["realisatie"]).get("/api/v1/contracten?categorie=fietsen")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")


def test_the_import_form_shows_the_reasons_per_line_and_saves_nothing(shared_contract, people, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(people["realisatie"])
    data = (
        "contract;gemeente;jaar;basiskosten;contractkosten\n"
        f"{shared_contract.number};GM0363;2021;10;5\n"
        f"{shared_contract.number};GM0363;2040;10;5\n"
    ).encode()
    response = client.post("/inkoop/importeren/", {"bestand": SimpleUploadedFile("cijfers.csv", data)})
    assert response.status_code == 400
    assert "Regel 3: 2040 valt buiten de looptijd" in response.content.decode()
    assert YearFigure.unscoped.count() == 2
    good = data.rsplit(b"\n", 2)[0] + b"\n"
    response = client.post("/inkoop/importeren/", {"bestand": SimpleUploadedFile("cijfers.csv", good)})
    assert response.status_code == 302 and YearFigure.unscoped.count() == 3


def test_the_360_section_shows_only_what_the_viewer_may_see(shared_contract, people, rf):
    from meent.realisatie.inkoop.panels import gemeente_section

    utrecht = Gemeente.objects.get(code="GM0344")
    request = rf.get("/")
    request.user = people["amsterdam"]
    assert gemeente_section(request, utrecht) is None
    own = gemeente_section(request, people["amsterdam"].gemeente)
    assert own["total"] == 100 and [p.contract for p, _ in own["participations"]] == [shared_contract]
    request.user = people["realisatie"]
    assert gemeente_section(request, utrecht)["total"] == 100
    request.user = people["connect"]
    assert gemeente_section(request, utrecht) is None


def test_the_360_page_shows_the_section_with_its_contracts_and_savings(shared_contract, people, login, client):
    login(people["amsterdam"])
    response = client.get("/mijn-gemeente/")
    assert response.status_code == 200
    section = response.text.split("Gezamenlijke inkoop", 1)[1]
    assert "Inkoopcontracten van Amsterdam" in section and shared_contract.title in section
    assert "€ 100" in section
