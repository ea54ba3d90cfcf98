"""Writing, publishing and freezing a report; traceable figures; exports, API and CLI."""

import io

import pytest
from openpyxl import load_workbook

from meent.cli import main
from meent.core.refusals import ConflictRefused, Refused
from meent.core.roles import Role
from meent.jaarverslag import selectors, services
from meent.jaarverslag.models import Block, Chapter, Publication, PublishedValue
from meent.jaarverslag.tests import test_figure

pytestmark = pytest.mark.django_db
KEY = test_figure.KEY


@pytest.fixture
def report():
    test_figure.register()
    report = services.create_report(2020)
    chapter = Chapter.objects.create(report=report, key="test", title="Testhoofdstuk", order=999)
    services.save_block(chapter, body=f'{{{{ kaart {KEY} "blokken" }}}}\n\nGemeenten: {{{{ leden.gemeenten }}}}.')
    return report


@pytest.fixture
def editor(make_account):
    return make_account(Role.COMMUNICATIE, username="redacteur")


def test_a_new_report_has_a_chapter_per_registered_draft(report):
    keys = list(report.chapters.values_list("key", flat=True))
    assert keys[:3] == ["leden", "connect", "ibd"] and "test" in keys
    assert report.chapters.get(key="connect").blocks.count() >= 5
    with pytest.raises(ConflictRefused):
        services.create_report(2020)
    with pytest.raises(Refused):
        services.create_report(1800)


def test_saving_an_unknown_figure_is_refused_with_the_valid_keys(report):
    chapter = report.chapters.get(key="test")
    with pytest.raises(Refused) as refused:
        services.save_block(chapter, body="{{ connect.bestaat_niet }}")
    assert refused.value.field == "body" and "connect.congressen_digitaal" in str(refused.value)
    assert chapter.blocks.count() == 1


def test_the_editor_refuses_an_unknown_key_in_the_form(report, client, login, editor):
    login(editor)
    chapter = report.chapters.get(key="test")
    url = f"/jaarverslag/2020/hoofdstukken/test/blokken/{chapter.blocks.get().pk}/"
    page = client.get(url).content.decode()
    assert '<datalist id="cijfer-sleutels">' in page and f'value="{KEY}"' in page
    response = client.post(url, {"kind": "tekst", "body": "{{ ibd.onbekend }}", "order": 10})
    assert response.status_code == 400 and "Onbekende cijfers: ibd.onbekend" in response.content.decode()
    response = client.post(url, {"kind": "citaat", "body": "Nieuw {{ ibd.incidenten }}", "speaker": "An", "order": 5})
    assert response.status_code == 302
    assert Block.objects.get(chapter=chapter).kind == "citaat"


def test_the_preview_renders_without_saving(report, client, login, editor):
    login(editor)
    response = client.post("/jaarverslag/2020/voorbeeld/", {"body": "**Vet** {{ leden.gemeenten }} {{ x.y }}"})
    html = response.content.decode()
    assert "<strong>Vet</strong>" in html and ">355</a>" in html and "Onbekende cijfers: x.y" in html
    assert Block.objects.filter(body__contains="Vet").count() == 0


def test_publishing_freezes_every_value_and_corrections_show_as_differences(report, client, login, editor):
    publication = services.publish(report, by=editor)
    frozen = PublishedValue.objects.get(publication=publication, key=KEY, year=2020)
    assert frozen.number == 1 and publication.published_by == editor and publication.version == 1
    assert PublishedValue.objects.filter(publication=publication, key="leden.gemeenten").get().number == 355

    # A correction in the records (one more block) does not change the published report
    services.save_block(report.chapters.get(key="test"), body="Nog een blok.")
    page = client.get("/jaarverslag/2020/").content.decode()
    assert f'{KEY}/?jaar=2020">1</a>' in page and "Nog een blok" not in page
    differences = selectors.differences(report)
    assert [(d["key"], str(d["published"]), str(d["value"])) for d in differences] == [(KEY, "1", "2")]
    login(editor)
    assert "Cijfers die nu anders zijn dan gepubliceerd" in client.get("/jaarverslag/2020/bewerken/").content.decode()

    # A new version needs a change note
    response = client.post("/jaarverslag/2020/bewerken/", {"note": ""})
    assert response.status_code == 400 and Publication.objects.count() == 1
    assert client.post("/jaarverslag/2020/bewerken/", {"note": "Blok toegevoegd"}).status_code == 302
    assert report.latest_publication.version == 2 and selectors.differences(report) == []
    client.logout()
    page = client.get("/jaarverslag/2020/").content.decode()
    assert f'{KEY}/?jaar=2020">2</a>' in page and "Blok toegevoegd" in page


def test_a_draft_is_for_staff_only(report, client, login, make_account):
    assert client.get("/jaarverslag/2020/").status_code == 302
    assert client.get("/api/v1/jaarverslagen").json() == []
    login(make_account(Role.GEMEENTE, gemeente="GM0363", username="amsterdammer"))
    assert client.get("/jaarverslag/2020/").status_code == 403
    assert client.get("/api/v1/jaarverslagen/2020/kerncijfers").status_code == 403
    services.publish(report, by=None)
    assert client.get("/jaarverslag/2020/").status_code == 200
    assert client.get("/jaarverslag/2020/?concept=1").status_code == 200  # the published version, not the live one


def test_the_records_page_lists_exactly_what_the_figure_counts(report, client, login, make_account):
    login(make_account(Role.CONNECT, username="medewerker"))
    html = client.get(f"/jaarverslag/cijfers/{KEY}/2020/").content.decode()
    assert 'data-testid="waarde">1<' in html and 'data-testid="aantal">1<' in html
    services.save_block(report.chapters.get(key="test"), body="Tweede blok")
    html = client.get(f"/jaarverslag/cijfers/{KEY}/2020/").content.decode()
    assert 'data-testid="waarde">2<' in html and 'data-testid="aantal">2<' in html and "Tweede blok" in html
    # A figure that lists no records has no records page; its definition page still answers
    assert client.get("/jaarverslag/cijfers/connect.waardering_algemeen/2020/").status_code == 404  # an average
    assert "Gemeenten in de indeling" in client.get("/jaarverslag/cijfers/leden.gemeenten/").content.decode()
    assert client.get("/jaarverslag/cijfers/bestaat.niet/").status_code == 404


def test_the_records_are_only_what_the_user_may_see(report, client, login, make_account):
    # The draft's blocks are for staff: a gemeente account sees none of them, though the figure counts one
    login(make_account(Role.GEMEENTE, gemeente="GM0363", username="amsterdammer"))
    html = client.get(f"/jaarverslag/cijfers/{KEY}/2020/").content.decode()
    assert 'data-testid="waarde">1<' in html and 'data-testid="aantal">0<' in html


def test_key_figures_as_csv_xlsx_and_api(report, client, editor):
    services.publish(report, by=editor)
    csv = client.get("/jaarverslag/2020/kerncijfers.csv").content.decode("utf-8-sig")
    assert 'leden.gemeenten;Gemeenten;355;aantal;"Gemeenten in de indeling' in csv
    workbook = load_workbook(io.BytesIO(client.get("/jaarverslag/2020/kerncijfers.xlsx").content))
    rows = list(workbook.active.values)
    assert rows[0] == ("Sleutel", "Naam", "Waarde", "Eenheid", "Definitie")
    assert rows[[r[0] for r in rows].index("leden.gemeenten")][:3] == ("leden.gemeenten", "Gemeenten", 355)
    assert client.get("/jaarverslag/2020/kerncijfers.pdf").status_code == 404
    listing = client.get("/api/v1/jaarverslagen").json()
    assert listing[0]["jaar"] == 2020 and listing[0]["gepubliceerd"] and listing[0]["versie"] == 1
    figures = {f["sleutel"]: f for f in client.get("/api/v1/jaarverslagen/2020/kerncijfers").json()}
    gemeenten = figures["leden.gemeenten"]
    assert gemeenten["waarde"] == "355" and gemeenten["gepubliceerdeWaarde"] == "355"
    assert gemeenten["eenheid"] == "aantal" and gemeenten["definitie"].startswith("Gemeenten in de indeling")
    assert client.get("/api/v1/jaarverslagen/1999/kerncijfers").status_code == 404


def test_the_command_writes_pdf_and_csv(report, tmp_path, capsys):
    pdf, csv = tmp_path / "jv.pdf", tmp_path / "jv.csv"
    assert main(["jaarverslag", "2020", "--pdf", str(pdf), "--csv", str(csv)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "leden.gemeenten" in csv.read_text(encoding="utf-8-sig")
    assert main(["jaarverslag", "1999", "--csv", str(csv)]) == 2
    assert "geen jaarverslag over 1999" in capsys.readouterr().err
    assert main(["jaarverslag", "2020"]) == 2
    assert main(["jaarverslag", "2020", "--pdf", str(tmp_path / "nergens" / "x.pdf")]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["jaarverslag", "twintig"])
    assert exit_.value.code == 2
