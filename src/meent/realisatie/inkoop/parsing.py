"""Reading a participants' figures file (CSV or XLSX) into rows of text, and Dutch or plain numbers into
``Decimal``. Nothing here looks at the database; :func:`services.import_figures` checks the rows."""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from meent.core.refusals import ImportRefused

MAX_ROWS = 50_000
REQUIRED = ("contract", "gemeente", "jaar", "basiskosten", "contractkosten")
OPTIONAL = ("vanaf", "tot")
ALIASES = {"gemeentecode": "gemeente", "contractnummer": "contract", "year": "jaar"}
MAX_AMOUNT = Decimal("999999999999.99")
DUTCH_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# Without a comma, "1.000" can only be Dutch grouping: an amount in cents never has three decimals.
GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class Line:
    number: int  # the line in the file (the header is line 1)
    values: dict[str, str]


def read_table(data: bytes, filename: str) -> list[Line]:
    """The data lines of a CSV (``;`` or ``,``, UTF-8 with or without BOM) or XLSX file (its first sheet)."""
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    rows = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    if not rows:
        raise ImportRefused("Niets geïmporteerd: het bestand is leeg.")
    header = [ALIASES.get(h, h) for h in (_text(cell).lower() for cell in rows[0])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportRefused(
            f"Niets geïmporteerd: de kopregel mist de kolom(men) {', '.join(missing)}. "
            f"Verwacht: {', '.join(REQUIRED)} (en eventueel {', '.join(OPTIONAL)})."
        )
    if len(rows) - 1 > MAX_ROWS:
        raise ImportRefused(f"Niets geïmporteerd: meer dan {MAX_ROWS} regels; splits het bestand.")
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        cells = [_text(cell) for cell in row]
        if not any(cells):
            continue
        values = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header) if name}
        lines.append(Line(number, values))
    if not lines:
        raise ImportRefused("Niets geïmporteerd: het bestand bevat alleen een kopregel.")
    return lines


def _csv_rows(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("Niets geïmporteerd: het bestand is geen UTF-8-tekst (CSV) en geen XLSX.") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportRefused("Niets geïmporteerd: het bestand is geen leesbaar XLSX-bestand.") from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for _, row in zip(range(MAX_ROWS + 2), sheet.iter_rows(values_only=True), strict=False)]
    finally:
        workbook.close()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def parse_amount(text: str) -> Decimal:
    """An amount in euros: ``12345.67``, ``12.345,67``, ``12345,67`` or ``12.345`` (a ``€`` and spaces are allowed).
    Raises
    ``ValueError`` with a Dutch reason."""
    cleaned = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValueError("leeg")
    if "," in cleaned or GROUPED.match(cleaned):
        if not DUTCH_NUMBER.match(cleaned):
            raise ValueError(f"'{text}' is geen bedrag")
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif not PLAIN_NUMBER.match(cleaned):
        raise ValueError(f"'{text}' is geen bedrag")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text}' is geen bedrag") from None
    if amount < 0:
        raise ValueError(f"'{text}' is negatief")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"'{text}' heeft meer dan twee decimalen")
    if amount > MAX_AMOUNT:
        raise ValueError(f"'{text}' is te groot")
    return amount.quantize(Decimal("0.01"))


def parse_year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ValueError(f"'{text}' is geen jaartal")
    return int(text)


def parse_date(text: str) -> datetime.date | None:
    """``2020-01-01`` or ``1-1-2020``; empty is ``None``."""
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is geen datum (gebruik 2020-01-01)")
