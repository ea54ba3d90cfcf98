"""Downloads of the open-data tables (``selectors.Table``) as CSV or XLSX, written by core's export module.

The CSV is written for Dutch Excel, which it declares (``Content-Language: nl``): ``;`` between fields, a decimal
comma and no thousands separator, each figure rounded half up to the indicator's precision (``357597``, ``861,6``;
never ``357597.0``). The XLSX has real numeric cells, rounded the same way.
"""

from decimal import Decimal

from django.http import HttpResponse

from meent.core.exports import EXCEL_NL, FORMATS, table_response
from meent.realisatie.benchmark.selectors import Figure, Table
from meent.realisatie.benchmark.svg import round_half_up

__all__ = ["FORMATS", "response"]


def cell(value: str | Figure) -> str | Decimal | None:
    """A figure rounded half up to its indicator's precision; text as it is."""
    if not isinstance(value, Figure):
        return value
    return None if value.value is None else round_half_up(value.value, value.decimals)


def response(table: Table, formaat: str) -> HttpResponse:
    """``table`` as a download in ``formaat`` (one of ``FORMATS``)."""
    rows = ([cell(c) for c in row] for row in table.rows)
    result = table_response(formaat, table.name, table.title, table.columns, rows, dialect=EXCEL_NL)
    if formaat == "csv":
        result["Content-Language"] = "nl"
    return result
