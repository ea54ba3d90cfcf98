"""Tables as downloads: CSV (for Dutch Excel: ``;``, a BOM, a declared decimal sign) and XLSX (real numbers and
dates). Every module exports through here, so every cell is made safe once:

- a text that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) gets a leading ``'`` in CSV, and is written as text, never as a formula, in XLSX (OWASP, "CSV Injection");
- control characters that XML cannot hold (and that would make openpyxl refuse the whole file) are dropped.
"""

import csv
import datetime
import decimal
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Dialect:
    """How numbers and fields are written in CSV. ``EXCEL_NL`` is what Excel with Dutch regional settings opens
    without an import step; ``POINT`` keeps the decimal point for programs that read CSV themselves."""

    delimiter: str = ";"
    decimal: str = ","


EXCEL_NL = Dialect()
POINT = Dialect(decimal=".")


def clean_text(value: str) -> str:
    """The text without the control characters a spreadsheet file cannot hold (tab, line feed and carriage return
    stay)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def csv_cell(value, dialect: Dialect = POINT) -> str:
    """One CSV field: text neutralised, ``None`` empty, numbers with the dialect's decimal sign, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | decimal.Decimal):
        return str(value).replace(".", dialect.decimal)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return str(_local(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = clean_text(str(value))
    return "'" + text if is_formula_like(text) else text


def _local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets know no time zones: an aware moment is written as the local wall-clock time."""
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence], dialect: Dialect = POINT) -> Iterator[str]:
    """The file line by line, starting with the BOM by which Excel recognises UTF-8."""

    class Line:
        def write(self, text: str) -> str:
            return text

    writer = csv.writer(Line(), delimiter=dialect.delimiter)
    yield "\ufeff" + writer.writerow([csv_cell(h, dialect) for h in header])
    for row in rows:
        yield writer.writerow([csv_cell(v, dialect) for v in row])


def csv_text(header: Sequence[str], rows: Iterable[Sequence], dialect: Dialect = POINT) -> str:
    return "".join(csv_lines(header, rows, dialect))


def _attachment(response: HttpResponse | StreamingHttpResponse, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence], dialect: Dialect = POINT):
    return _attachment(HttpResponse(csv_text(header, rows, dialect), content_type="text/csv; charset=utf-8"), filename)


def csv_streaming_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence], dialect: Dialect = POINT
) -> StreamingHttpResponse:
    """For long tables: the rows are read and sent as they come (pass an ``.iterator()``)."""
    return _attachment(
        StreamingHttpResponse(csv_lines(header, rows, dialect), content_type="text/csv; charset=utf-8"), filename
    )


def _xlsx_cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, datetime.datetime):
        value = _local(value)
    elif isinstance(value, str):
        value = clean_text(value)
    elif value is not None and not isinstance(value, int | float | decimal.Decimal | datetime.date | datetime.time):
        value = clean_text(str(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"  # text, never a formula
    if isinstance(value, str) and is_formula_like(value):
        cell.quotePrefix = True  # what Excel itself does for typed text such as '=1+1: it stays text when edited
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(sheet_title: str, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(clean_text(sheet_title)[:31] or "Blad1")
    sheet.freeze_panes = "A2"
    sheet.append([_xlsx_cell(sheet, str(h), bold=True) for h in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, sheet_title: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    return _attachment(HttpResponse(xlsx_bytes(sheet_title, header, rows), content_type=XLSX), filename)


def table_response(
    fmt: str,
    basename: str,
    sheet_title: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    dialect: Dialect = POINT,
) -> HttpResponse:
    """The table as ``basename.csv`` or ``basename.xlsx``; ``fmt`` is one of :data:`FORMATS`."""
    if fmt == "xlsx":
        return xlsx_response(f"{basename}.xlsx", sheet_title, header, rows)
    if fmt == "csv":
        return csv_response(f"{basename}.csv", header, rows, dialect)
    raise ValueError(fmt)
