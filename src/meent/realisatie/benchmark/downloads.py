"""Downloads of the open-data tables (``selectors.Table``) as CSV or XLSX.

The CSV is written for Dutch Excel, which it declares (``Content-Language: nl``): ``;`` between fields, a decimal
comma and no thousands separator, each figure rounded half up to the indicator's precision (``357597``, ``861,6``;
never ``357597.0``). The XLSX has real numeric cells with the same precision as their number format. ``response`` is
the one place that writes a file, so a shared export module can take its place.
"""

import io
import re

from django.http import HttpResponse

from meent.core.views import csv_response
from meent.realisatie.benchmark.selectors import Figure, Table
from meent.realisatie.benchmark.svg import round_half_up

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_cell(cell: str | Figure) -> str:
    if not isinstance(cell, Figure):
        return cell
    if cell.value is None:
        return ""
    return f"{round_half_up(cell.value, cell.decimals):.{cell.decimals}f}".replace(".", ",")


def xlsx_cell(cell: str | Figure) -> str | int | float | None:
    if not isinstance(cell, Figure):
        return cell
    if cell.value is None:
        return None
    rounded = round_half_up(cell.value, cell.decimals)
    return int(rounded) if cell.decimals == 0 else float(rounded)


def response(table: Table, formaat: str) -> HttpResponse:
    """``table`` as a download in ``formaat`` (one of ``FORMATS``)."""
    if formaat == "csv":
        result = csv_response(f"{table.name}.csv", table.columns, ([csv_cell(c) for c in row] for row in table.rows))
        result["Content-Language"] = "nl"
        return result
    return _xlsx(table)


def _xlsx(table: Table) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[][:*?/\\]", " ", table.title)[:31] or "Tabel"
    sheet.append(table.columns)
    for row in table.rows:
        sheet.append([xlsx_cell(c) for c in row])
        for cell, source in zip(sheet[sheet.max_row], row, strict=True):
            if isinstance(source, Figure) and source.decimals:
                cell.number_format = "0." + "0" * source.decimals
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{table.name}.xlsx"'
    return result
