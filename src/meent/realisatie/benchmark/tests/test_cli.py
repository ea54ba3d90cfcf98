"""``meent import rivm|benchmark``: one line on success or refusal, exit code 2 for bad input, offline fallback."""

from pathlib import Path

import pytest

from meent.cli import main
from meent.realisatie.benchmark import services
from meent.realisatie.benchmark.models import Observation
from meent.realisatie.benchmark.tests.conftest import rivm_subset

pytestmark = pytest.mark.django_db


def test_import_rivm_file(tmp_path: Path, capsys):
    path = tmp_path / "rivm.csv"
    path.write_bytes(rivm_subset({"2020-09-15"}))
    assert main(["import", "rivm", str(path)]) == 0
    out = capsys.readouterr().out
    assert "waarnemingen opgeslagen uit 367 regels" in out and "zonder gemeente" in out
    assert Observation.objects.filter(area__code="GM0363", period__code="2020-09-15").exists()


def test_generic_import_with_an_error_is_exit_2_with_one_line(tmp_path: Path, capsys):
    path = tmp_path / "x.csv"
    path.write_text("indicator,gebied,periode,waarde,naam\nx,GM0363,gisteren,1,X\n")
    assert main(["import", "benchmark", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("meent: Niets geïmporteerd: regel 2: onbekende periode") and "\n" not in err


def test_missing_file_is_exit_2(tmp_path: Path, capsys):
    assert main(["import", "benchmark", "--soort", "cbs-json", str(tmp_path / "weg.json")]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err


def test_offline_download_falls_back_to_the_local_file_in_one_line(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setattr(services.sources, "download", lambda url, timeout=10.0: None)
    path = tmp_path / "rivm.csv"
    path.write_bytes(rivm_subset({"2020-09-15"}))
    assert main(["import", "rivm", "--online", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Geen verbinding met {services.OFFICIAL_URLS['rivm']}; het lokale bestand wordt gebruikt."


def test_management_command_imports_too(tmp_path: Path):
    from django.core.management import call_command

    path = tmp_path / "x.csv"
    path.write_text("indicator;gebied;periode;waarde;naam\nbanen;GM0344;2020-Q2;100;Banen\n")
    call_command("import_benchmark", "generiek", str(path))
    assert Observation.objects.get(indicator__code="banen", in_current_division=True).value == 100


def test_cbs_table_is_fetched_when_online(tmp_path: Path, capsys, monkeypatch):
    import json

    answers = {
        "TableInfos": {"value": [{"Identifier": "03759ned", "Title": "Bevolking op 1 januari"}]},
        "DataProperties": {
            "value": [
                {"Key": "RegioS", "Type": "GeoDimension"},
                {"Key": "Perioden", "Type": "TimeDimension"},
                {"Key": "BevolkingOp1Januari_1", "Type": "Topic", "Title": "Bevolking op 1 januari", "Unit": "aantal"},
            ]
        },
        "TypedDataSet": {"value": [{"RegioS": "GM0344", "Perioden": "2020JJ00", "BevolkingOp1Januari_1": 357597}]},
    }
    urls = []

    def fake_download(url: str, timeout: float = 10.0) -> bytes:
        urls.append(url)
        return json.dumps(next(v for k, v in answers.items() if f"/{k}?" in url)).encode()

    monkeypatch.setattr(services.sources, "download", fake_download)
    assert main(["import", "benchmark", "--soort", "cbs-json", "--tabel", "03759ned", "--online"]) == 0
    assert urls[0] == "https://opendata.cbs.nl/ODataApi/odata/03759ned/TableInfos?$format=json"
    assert (
        Observation.objects.get(indicator__code="cbs-03759ned.bevolkingop1januari_1", area__code="GM0344").value
        == 357597
    )
