"""The one export module: neutralised formulas, no control characters, Dutch Excel's CSV, real XLSX cells."""

import csv
import datetime
import decimal
import io

from django.utils import timezone
from openpyxl import load_workbook

from meent.core import exports

ROWS = [
    ["=1+1", 1.5, decimal.Decimal("2.25"), 3, None, datetime.date(2026, 1, 2)],
    ["@cmd", -4.0, "-4", "\rCR", "A\x01B", "gewoon"],
]
HEADER = ["tekst", "getal", "bedrag", "aantal", "leeg", "datum"]


def test_csv_neutralises_formulas_and_writes_the_declared_decimal_sign():
    text = exports.csv_text(HEADER, ROWS, exports.EXCEL_NL)
    assert text.startswith("\ufefftekst;getal;")
    header, first, second = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";")
    assert header == HEADER and first == ["'=1+1", "1,5", "2,25", "3", "", "2026-01-02"]
    assert second == ["'@cmd", "-4,0", "'-4", "'\rCR", "AB", "gewoon"]
    assert exports.csv_text(HEADER, ROWS).splitlines()[1] == "'=1+1;1.5;2.25;3;;2026-01-02"


def test_xlsx_writes_numbers_dates_and_text_never_formulas():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 30))
    content = exports.xlsx_bytes("Blad\x02", [*HEADER, "moment"], [[*ROWS[0], moment], [*ROWS[1], None]])
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Blad" and sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=1+1" and sheet["A2"].quotePrefix
    assert sheet["B2"].value == 1.5 and sheet["D2"].value == 3 and sheet["F2"].value == datetime.datetime(2026, 1, 2)
    assert sheet["G2"].value == datetime.datetime(2026, 3, 1, 9, 30)  # local wall-clock time
    assert sheet["E3"].value == "AB" and sheet["C3"].data_type == "s" and sheet["C3"].quotePrefix
    assert not sheet["F3"].quotePrefix


def test_the_streaming_response_sends_the_same_file():
    response = exports.csv_streaming_response("x.csv", HEADER, iter(ROWS))
    assert b"".join(response.streaming_content).decode() == exports.csv_text(HEADER, ROWS)
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
