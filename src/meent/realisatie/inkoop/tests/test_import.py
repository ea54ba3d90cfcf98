"""The import of participants' yearly figures: CSV and XLSX, every line checked first, all or nothing, the
reasons per line in Dutch; the same through the management command (exit 2 and one line)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from meent.core.refusals import ImportRefused
from meent.realisatie.inkoop import services
from meent.realisatie.inkoop.models import Participation, YearFigure
from meent.realisatie.inkoop.parsing import parse_amount
from meent.realisatie.inkoop.tests.factories import make_contract

pytestmark = pytest.mark.django_db

HEADER = "contract;gemeente;jaar;basiskosten;contractkosten"


def csv(*lines: str) -> bytes:
    return ("\ufeff" + "\n".join([HEADER, *lines]) + "\n").encode()


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def contract():
    return make_contract()


def test_a_csv_file_creates_participants_and_their_figures(contract):
    result = services.import_figures(
        csv(
            f"{contract.number};GM0363;2020;1.250.000,50;937.500,25",
            f"{contract.number};Utrecht;2020;800000.00;600000",
        ),
        filename="cijfers.csv",
        by=None,
    )
    assert (result.created, result.participants_added) == (2, 2)
    amsterdam = YearFigure.unscoped.get(participation__gemeente__code="GM0363")
    assert amsterdam.baseline_cost == Decimal("1250000.50") and amsterdam.saving == Decimal("312500.25")
    assert Participation.unscoped.get(gemeente__code="GM0344").start_date == contract.start_date


def test_an_xlsx_file_replaces_a_known_figure(contract):
    services.import_figures(csv(f"{contract.number};GM0363;2021;100;80"), filename="a.csv", by=None)
    result = services.import_figures(
        xlsx([[contract.number, "GM0363", 2021, 120.5, 90], [contract.number, "GM0363", 2022, 130, 95]]),
        filename="b.xlsx",
        by=None,
    )
    assert (result.created, result.updated) == (1, 1)
    figure = YearFigure.unscoped.get(year=2021)
    assert (figure.baseline_cost, figure.contract_cost) == (Decimal("120.50"), Decimal("90.00"))


def test_one_bad_line_refuses_the_whole_file_with_the_reasons_per_line(contract):
    data = csv(
        f"{contract.number};GM0363;2020;100;80",
        "INK-2020-9999;GM0363;2020;100;80",
        f"{contract.number};GM9999;2020;100;80",
        f"{contract.number};GM0344;2031;100;80",
        f"{contract.number};GM0344;2020;honderd;-5",
        f"{contract.number};GM0363;2020;100;80",
        f"{contract.number};GM0003;2022;100;80",
    )
    with pytest.raises(ImportRefused) as refused:
        services.import_figures(data, filename="fout.csv", by=None)
    errors = refused.value.errors
    assert errors[0] == "Niets geïmporteerd: het bestand bevat fouten."
    assert errors[1] == "Regel 3: onbekend contract 'INK-2020-9999'."
    assert errors[2].startswith("Regel 4: onbekende gemeente 'GM9999'")
    assert errors[3] == f"Regel 5: 2031 valt buiten de looptijd van {contract.number} (2020–2025)."
    assert errors[4] == "Regel 6: basiskosten: 'honderd' is geen bedrag; contractkosten: '-5' is negatief."
    assert errors[5] == "Regel 7: hetzelfde contract, dezelfde gemeente en hetzelfde jaar als regel 2."
    assert errors[6].startswith("Regel 8: Appingedam bestond in 2022 niet meer (opgegaan in Eemsdelta)")
    assert not YearFigure.unscoped.exists() and not Participation.unscoped.exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "het bestand is leeg"),
        (b"contract;gemeente\nX;Y\n", "mist de kolom(men) jaar, basiskosten, contractkosten"),
        (HEADER.encode() + b"\n", "alleen een kopregel"),
        (b"PK\x03\x04 geen echt xlsx", "geen leesbaar XLSX-bestand"),
        ("contract;gemeente".encode("utf-16"), "geen UTF-8-tekst"),
    ],
)
def test_an_unreadable_file_is_refused_in_dutch(contract, data, reason):
    with pytest.raises(ImportRefused, match=reason.replace("(", r"\(").replace(")", r"\)")):
        services.import_figures(data, filename="x.csv", by=None)


def test_a_year_outside_a_known_participation_is_refused(contract):
    services.import_figures(
        (
            "contract;gemeente;jaar;basiskosten;contractkosten;vanaf;tot\n"
            f"{contract.number};GM0363;2021;10;8;2021-01-01;2022-12-31\n"
        ).encode(),
        filename="a.csv",
        by=None,
    )
    with pytest.raises(ImportRefused, match="Regel 2: Amsterdam neemt in 2020 niet deel"):
        services.import_figures(csv(f"{contract.number};GM0363;2020;10;8"), filename="b.csv", by=None)
    assert Participation.unscoped.get().end_date == datetime.date(2022, 12, 31)


def test_gemeente_accounts_may_not_import(contract, people):
    with pytest.raises(PermissionDenied):
        services.import_figures(csv(f"{contract.number};GM0363;2020;10;8"), filename="a.csv", by=people["amsterdam"])
    assert services.import_figures(
        csv(f"{contract.number};GM0363;2020;10;8"), filename="a.csv", by=people["realisatie"]
    )


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12345.67", "12345.67"),
        ("12.345,67", "12345.67"),
        ("12345,6", "12345.60"),
        ("€ 1.000", "1000.00"),
        ("1.005", "1005.00"),
    ],
)
def test_amounts_in_dutch_and_plain_notation(text, amount):
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["1,2,3", "12.34.5,6", "1.0055", "1e5", "0,001", ""])
def test_what_is_no_amount(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_the_command_imports_and_refuses_in_one_line(contract, tmp_path, capsys):
    good = tmp_path / "goed.csv"
    good.write_bytes(csv(f"{contract.number};GM0363;2020;10;8"))
    call_command("import_inkoop", str(good))
    assert "1 jaarcijfers toegevoegd" in capsys.readouterr().out
    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv(f"{contract.number};GM9999;2020;10;8"))
    with pytest.raises(CommandError) as error:
        call_command("import_inkoop", str(bad))
    assert error.value.returncode == 2
    assert "\n" not in str(error.value) and "Regel 2: onbekende gemeente 'GM9999'" in str(error.value)
    with pytest.raises(CommandError) as missing:
        call_command("import_inkoop", str(tmp_path / "weg.csv"))
    assert missing.value.returncode == 2
    assert YearFigure.unscoped.count() == 1


def test_a_contract_needs_known_choices(people):
    from meent.core.refusals import Refused

    with pytest.raises(Refused, match="categorie"):
        make_contract(category="fietsen")
    with pytest.raises(Refused, match="looptijd"):
        make_contract(term_years=0)
    with pytest.raises(Refused, match="verlengingsopties"):
        make_contract(extension_options=1, extensions_used=2)
    with pytest.raises(PermissionDenied):
        services.create_contract(
            by=people["amsterdam"],
            title="X",
            category="printers",
            supplier="Y",
            start_date=datetime.date(2020, 1, 1),
            term_years=4,
            gibit_version="2020",
        )
