import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "meent.cli", *args], capture_output=True, text=True, timeout=120, check=False, **kwargs
    )


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "serve", "import", "manage"):
        assert command in result.stdout


def test_unknown_command_is_exit_2_with_one_line():
    result = run("vliegen")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_import_file_is_exit_2_with_one_line(tmp_path: Path):
    result = run("import", "gemeenten", str(tmp_path / "bestaat-niet.csv"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"meent: bestand niet gevonden: {tmp_path / 'bestaat-niet.csv'}"


@pytest.mark.django_db
def test_import_refuses_a_bad_file_in_one_line(tmp_path: Path, capsys):
    from meent.cli import main

    bad = tmp_path / "gemeenten.csv"
    bad.write_text("Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n1,X,,1,P,\n")
    assert main(["import", "gemeenten", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("meent: Niets geïmporteerd: regel 2")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.django_db
def test_import_reports_what_changed(tmp_path: Path, capsys):
    from meent.cli import main

    good = tmp_path / "gemeenten.csv"
    good.write_text(
        "Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n"
        "0363,GM0363,Amsterdam,27,PV27,Noord-Holland\n"
    )
    assert main(["import", "gemeenten", str(good)]) == 0
    assert capsys.readouterr().out.startswith(
        "Gemeenten geïmporteerd: 0 nieuw, 0 hernoemd, 0 van provincie gewisseld, 1 ongewijzigd"
    )


@pytest.mark.parametrize(("options", "starts_worker"), [([], True), (["--no-worker"], False)])
def test_serve_starts_the_task_worker_unless_told_not_to(options, starts_worker, monkeypatch, capsys):
    """Mail leaves through background tasks: ``meent serve`` without a worker would send none."""
    from meent import cli

    started = []
    monkeypatch.setattr(cli.subprocess, "Popen", lambda command: started.append(command) or _Process())
    monkeypatch.setattr(cli.subprocess, "call", lambda command: 0)
    assert cli.main(["serve", "--port", "8123", *options]) == 0
    assert [command[-2:] for command in started] == ([["db_worker", "--no-reload"]] if starts_worker else [])
    if not starts_worker:
        assert "meent manage db_worker" in capsys.readouterr().out


class _Process:
    def terminate(self) -> None:
        pass
