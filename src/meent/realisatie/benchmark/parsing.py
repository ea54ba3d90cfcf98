"""Readers for the import formats. Pure parsing, no database: each returns a :class:`ParsedFile` or raises
:class:`ImportRefused` naming the first bad lines, so an import is all or nothing."""

import csv
import datetime
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from meent.core.refusals import ImportRefused

MAX_ERRORS = 10


@dataclass(frozen=True)
class SourceInfo:
    key: str
    name: str
    url: str = ""
    licence: str = ""
    synthetic: bool = False


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit: str = ""
    theme: str = "overig"
    description: str = ""
    higher_is_better: bool | None = None
    additive: bool = True
    cumulative: bool = False
    decimals: int = 0


@dataclass
class ParsedFile:
    source: SourceInfo
    indicators: list[IndicatorInfo] = field(default_factory=list)
    # (indicator code, area code, period code) -> value
    values: dict[tuple[str, str, str], float] = field(default_factory=dict)
    rows_read: int = 0
    skipped: Counter = field(default_factory=Counter)
    # What the import log should say besides the counts: rows that were counted but look wrong.
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PeriodInfo:
    code: str
    kind: str
    start: datetime.date
    end: datetime.date


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


_PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})(?:JJ00)?$"), "jaar"),
    (re.compile(r"^(\d{4})(?:-Q|KW0?)([1-4])$"), "kwartaal"),
    (re.compile(r"^(\d{4})(?:-|MM)(\d{2})$"), "maand"),
    (re.compile(r"^(\d{4})-?W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:]+)?$"), "dag"),
]


def parse_period(text: str) -> PeriodInfo:
    """Accept ``2020``, ``2020JJ00``, ``2020-Q3``/``2020KW03``, ``2020-03``/``2020MM03``, ``2020-W37``, ``2020-09-15``
    (a time after the date is ignored). Raises ``ValueError`` with a Dutch reason."""
    text = text.strip().upper()
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        numbers = [int(g) for g in match.groups()]
        year = numbers[0]
        if not 1900 <= year <= 2100:
            break
        try:
            if kind == "jaar":
                return PeriodInfo(f"{year}", kind, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
            if kind == "kwartaal":
                q = numbers[1]
                return PeriodInfo(f"{year}-Q{q}", kind, datetime.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
            if kind == "maand":
                month = numbers[1]
                return PeriodInfo(f"{year}-{month:02d}", kind, datetime.date(year, month, 1), _month_end(year, month))
            if kind == "week":
                start = datetime.date.fromisocalendar(year, numbers[1], 1)
                return PeriodInfo(f"{year}-W{numbers[1]:02d}", kind, start, start + datetime.timedelta(days=6))
            day = datetime.date(*numbers)
            return PeriodInfo(day.isoformat(), kind, day, day)
        except ValueError:
            break
    raise ValueError(
        f"onbekende periode {text!r} (verwacht bijvoorbeeld 2020, 2020-Q3, 2020-03, 2020-W37 of 2020-09-15)"
    )


_AREA = re.compile(r"^(GM\d{4}|PV\d{2}|VR\d{2}|NL\d{0,2})$")


def normalise_area(text: str) -> str | None:
    """The area code Meent uses, or None for a kind of area the benchmark does not hold (wijk, buurt, COROP…)."""
    code = text.strip().upper()
    if re.fullmatch(r"\d{1,4}", code):
        code = f"GM{int(code):04d}"
    if not _AREA.match(code):
        return None
    return "NL00" if code.startswith("NL") else code


def parse_number(text: str) -> float | None:
    """A number in either notation (``1234.5``, ``1.234,5``); ``None`` for CBS's empty marks (``.``, ``x``, ``-``)."""
    text = text.strip()
    if text in {"", ".", "x", "-", "?"}:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused("Niets geïmporteerd: het bestand is geen UTF-8-tekst.") from exc


def _refuse(errors: list[str]) -> None:
    if errors:
        more = f" (en nog {len(errors) - MAX_ERRORS} fouten)" if len(errors) > MAX_ERRORS else ""
        raise ImportRefused("Niets geïmporteerd: " + "; ".join(errors[:MAX_ERRORS]) + more + ".")


def _reader(text: str) -> csv.DictReader:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)


def _require(reader: csv.DictReader, columns: set[str]) -> None:
    present = {c.strip() for c in (reader.fieldnames or [])}
    if not columns <= present:
        raise ImportRefused(f"Niets geïmporteerd: kolommen ontbreken: {', '.join(sorted(columns - present))}.")


# --- generic long CSV ----------------------------------------------------------------------------------------

THEMES = {
    "bevolking",
    "financien",
    "werk-inkomen",
    "zorg-jeugd",
    "veiligheid",
    "wonen",
    "mobiliteit",
    "corona",
    "overig",
}


def parse_generic(data: bytes, *, source: SourceInfo) -> ParsedFile:
    """``indicator,gebied,periode,waarde`` (``;`` also accepted); optional columns ``naam``, ``eenheid``, ``thema``
    define indicators that do not exist yet. An empty value is skipped, anything unreadable refuses the file."""
    reader = _reader(_decode(data))
    _require(reader, {"indicator", "gebied", "periode", "waarde"})
    parsed = ParsedFile(source=source)
    errors: list[str] = []
    definitions: dict[str, IndicatorInfo] = {}
    for line, row in enumerate(reader, start=2):
        parsed.rows_read += 1
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        indicator = row["indicator"].lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,119}", indicator):
            errors.append(f"regel {line}: ongeldige indicatorcode {row['indicator']!r}")
            continue
        area = normalise_area(row["gebied"])
        if area is None:
            errors.append(f"regel {line}: onbekend gebied {row['gebied']!r}")
            continue
        try:
            period = parse_period(row["periode"]).code
        except ValueError as exc:
            errors.append(f"regel {line}: {exc}")
            continue
        try:
            value = parse_number(row["waarde"])
        except ValueError:
            errors.append(f"regel {line}: geen getal {row['waarde']!r}")
            continue
        if value is None:
            parsed.skipped["geen waarde"] += 1
            continue
        key = (indicator, area, period)
        if key in parsed.values:
            errors.append(f"regel {line}: {indicator} {area} {period} staat dubbel in het bestand")
            continue
        parsed.values[key] = value
        if row.get("naam") and indicator not in definitions:
            theme = row.get("thema", "").lower() or "overig"
            if theme not in THEMES:
                errors.append(f"regel {line}: onbekend thema {theme!r}")
                continue
            definitions[indicator] = IndicatorInfo(indicator, row["naam"], row.get("eenheid", ""), theme)
    _refuse(errors)
    if not parsed.values:
        skipped = ", ".join(f"{reason}: {count}" for reason, count in parsed.skipped.items())
        raise ImportRefused(
            "Niets geïmporteerd: het bestand bevat geen waarnemingen"
            + (f" (overgeslagen regels — {skipped})" if skipped else "")
            + "."
        )
    parsed.indicators = list(definitions.values())
    return parsed


# --- RIVM COVID-19 per gemeente, cumulative --------------------------------------------------------------------

RIVM_SOURCE = SourceInfo(
    "rivm-covid19-gemeente",
    "RIVM COVID-19 aantallen per gemeente (cumulatief)",
    "https://data.rivm.nl/covid-19/COVID-19_aantallen_gemeente_cumulatief.csv",
    "publiek domein",
)
RIVM_COLUMNS = {
    "Total_reported": IndicatorInfo(
        "covid-positief-cumulatief",
        "Positief geteste personen (cumulatief)",
        "personen",
        "corona",
        "Aantal personen met een positieve COVID-19-test, opgeteld vanaf 27 februari 2020, per meldingsdatum.",
        higher_is_better=False,
        cumulative=True,
    ),
    "Hospital_admission": IndicatorInfo(
        "covid-ziekenhuisopnames-cumulatief",
        "Ziekenhuisopnames COVID-19 (cumulatief)",
        "personen",
        "corona",
        "Aantal bij de GGD gemelde ziekenhuisopnames van COVID-19-patiënten, opgeteld.",
        higher_is_better=False,
        cumulative=True,
    ),
    "Deceased": IndicatorInfo(
        "covid-overleden-cumulatief",
        "Overleden aan COVID-19 (cumulatief)",
        "personen",
        "corona",
        "Aantal bij de GGD gemelde overledenen met COVID-19, opgeteld.",
        higher_is_better=False,
        cumulative=True,
    ),
}
UNPLACED = "zonder gemeente (alleen in het landelijke totaal)"


def parse_rivm_cumulative(data: bytes) -> ParsedFile:
    """RIVM's cumulative per-gemeente file. Rows without a gemeente code (cases not placed in a gemeente) are not
    stored per gemeente but count in the national total, which is stored on ``NL00`` for every report date."""
    reader = _reader(_decode(data))
    _require(reader, {"Date_of_report", "Municipality_code", *RIVM_COLUMNS})
    parsed = ParsedFile(source=RIVM_SOURCE, indicators=list(RIVM_COLUMNS.values()))
    national: dict[tuple[str, str, str], float] = defaultdict(float)
    errors: list[str] = []
    for line, row in enumerate(reader, start=2):
        parsed.rows_read += 1
        try:
            period = parse_period(row["Date_of_report"]).code
        except ValueError:
            errors.append(f"regel {line}: ongeldige datum {row['Date_of_report']!r}")
            continue
        code = (row["Municipality_code"] or "").strip()
        area = normalise_area(code) if code else None
        if code and (area is None or not area.startswith("GM")):
            errors.append(f"regel {line}: ongeldige gemeentecode {code!r}")
            continue
        for column, indicator in RIVM_COLUMNS.items():
            raw = (row[column] or "").strip()
            if not raw.isdigit():
                errors.append(f"regel {line}: {column} is geen geheel getal: {raw!r}")
                break
            value = float(raw)
            national[(indicator.code, "NL00", period)] += value
            if area:
                if (indicator.code, area, period) in parsed.values:
                    errors.append(f"regel {line}: {area} op {period} staat dubbel in het bestand")
                    break
                parsed.values[(indicator.code, area, period)] = value
        if not area:
            parsed.skipped[UNPLACED] += 1
    _refuse(errors)
    if not parsed.values:
        raise ImportRefused("Niets geïmporteerd: het bestand bevat geen gemeenten.")
    parsed.values.update(national)
    return parsed


# --- RIVM sewage, NICE ICU intakes ----------------------------------------------------------------------------

RIOOLWATER_SOURCE = SourceInfo(
    "rivm-rioolwater",
    "RIVM rioolwatermetingen SARS-CoV-2",
    "https://data.rivm.nl/covid-19/COVID-19_rioolwaterdata.csv",
    "publiek domein",
)
RIOOLWATER_INDICATOR = IndicatorInfo(
    "rioolwater-rna",
    "Virusdeeltjes in rioolwater (SARS-CoV-2 RNA per ml)",
    "RNA per ml",
    "corona",
    "Gemiddelde van de metingen van de rioolwaterzuiveringen in de veiligheidsregio op die dag, gewogen naar het "
    "deel van het verzorgingsgebied dat in de regio ligt. Metingen die het RIVM niet representatief noemt "
    "(Representative_measurement=FALSE) tellen niet mee.",
    higher_is_better=False,
    additive=False,
)


def parse_rioolwater(data: bytes) -> ParsedFile:
    """Sewage measurements averaged per veiligheidsregio and day. Rows RIVM marks as not representative are left
    out; a row whose region name belongs to another region code is counted under its code and named in the notes."""
    reader = _reader(_decode(data))
    _require(reader, {"Date_measurement", "Security_region_code", "Percentage_in_security_region", "RNA_per_ml"})
    parsed = ParsedFile(source=RIOOLWATER_SOURCE, indicators=[RIOOLWATER_INDICATOR])
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    names: dict[str, Counter] = defaultdict(Counter)
    named: list[tuple[int, str, str, str]] = []  # line, plant, region code, region name
    errors: list[str] = []
    for line, row in enumerate(reader, start=2):
        parsed.rows_read += 1
        region = (row["Security_region_code"] or "").strip().upper()
        try:
            period = parse_period(row["Date_measurement"]).code
            rna = parse_number(row["RNA_per_ml"] or "")
            share = parse_number(row["Percentage_in_security_region"] or "") or 1.0
        except ValueError:
            errors.append(f"regel {line}: datum of getal onleesbaar")
            continue
        if not re.fullmatch(r"VR\d{2}", region):
            errors.append(f"regel {line}: ongeldige veiligheidsregio {region!r}")
            continue
        if (row.get("Representative_measurement") or "").strip().upper() == "FALSE":
            parsed.skipped["niet representatief"] += 1
            continue
        if rna is None:
            parsed.skipped["geen meetwaarde"] += 1
            continue
        if name := (row.get("Security_region_name") or "").strip():
            names[region][name] += 1
            named.append((line, (row.get("RWZI_AWZI_name") or "").strip(), region, name))
        acc = sums[(region, period)]
        acc[0] += rna * share
        acc[1] += share
    _refuse(errors)
    for (region, period), (weighted, weight) in sums.items():
        parsed.values[(RIOOLWATER_INDICATOR.code, region, period)] = weighted / weight
    if not parsed.values:
        raise ImportRefused("Niets geïmporteerd: het bestand bevat geen metingen.")
    parsed.notes = _region_name_clashes(names, named)
    return parsed


def _region_name_clashes(names: dict[str, Counter], named: list[tuple[int, str, str, str]]) -> list[str]:
    """Rows whose region name is the usual name of another region code (Burgum: VR09, "Friesland"); a name that
    is only spelt differently (IJselland) is not a clash."""
    usual = {code: counter.most_common(1)[0][0] for code, counter in names.items()}
    code_of = {name: code for code, name in usual.items()}
    return [
        f"Regel {line} ({plant or 'onbekende zuivering'}): regiocode {code}, maar regionaam {name!r} hoort bij "
        f"{code_of[name]}; geteld bij {code}."
        for line, plant, code, name in named
        if name != usual[code] and code_of.get(name, code) != code
    ]


NICE_SOURCE = SourceInfo(
    "nice-ic-opnames", "Stichting NICE, nieuwe IC-opnames", "https://stichting-nice.nl/covid-19/public/new-intake/", ""
)
NICE_INDICATORS = [
    IndicatorInfo(
        "ic-opnames-bewezen",
        "Nieuwe IC-opnames (COVID-19 bewezen)",
        "patiënten",
        "corona",
        "Nieuwe opnames op een intensive care met bewezen COVID-19, per dag, heel Nederland.",
        False,
    ),
    IndicatorInfo(
        "ic-opnames-verdacht",
        "Nieuwe IC-opnames (COVID-19 verdacht)",
        "patiënten",
        "corona",
        "Nieuwe opnames op een intensive care met verdenking van COVID-19, per dag, heel Nederland.",
        False,
    ),
]


def parse_nice(data: bytes) -> ParsedFile:
    """NICE's ``new-intake`` answer: a list of series (proven, suspected) of ``{date, value}``."""
    try:
        series = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"Niets geïmporteerd: geen geldige JSON (regel {exc.lineno}).") from exc
    if not isinstance(series, list) or not series or not all(isinstance(s, list) for s in series):
        raise ImportRefused("Niets geïmporteerd: verwacht een lijst van reeksen met {date, value}.")
    parsed = ParsedFile(source=NICE_SOURCE, indicators=NICE_INDICATORS[: len(series)])
    errors: list[str] = []
    for indicator, points in zip(NICE_INDICATORS, series, strict=False):
        for index, point in enumerate(points):
            parsed.rows_read += 1
            try:
                period = parse_period(str(point["date"])).code
                value = float(point["value"])
            except (KeyError, TypeError, ValueError):
                errors.append(f"{indicator.name}, punt {index + 1}: onleesbaar")
                continue
            parsed.values[(indicator.code, "NL00", period)] = value
    _refuse(errors)
    return parsed


# --- CBS StatLine ---------------------------------------------------------------------------------------------

_CBS_GEO_KEYS = {"regios", "gemeenten", "wijkenenbuurten", "regioaanduiding", "gebied"}


def _cbs_values(obj: object, name: str) -> list[dict]:
    if isinstance(obj, dict) and isinstance(obj.get("value"), list):
        obj = obj["value"]
    if not isinstance(obj, list) or not all(isinstance(item, dict) for item in obj):
        raise ImportRefused(f"Niets geïmporteerd: {name} ontbreekt of is geen lijst.")
    return obj


def _cbs_table_id(document: dict, fallback: str) -> str:
    for info in _cbs_values(document.get("TableInfos", []), "TableInfos")[:1]:
        if info.get("Identifier"):
            return str(info["Identifier"])
    metadata = str(document.get("odata.metadata", ""))
    match = re.search(r"/([0-9]{5}[A-Z]{3})/", metadata)
    return match.group(1) if match else fallback


def _cbs_rows(
    table: str,
    rows: list[dict],
    properties: list[dict],
    *,
    theme: str,
    title: str,
) -> ParsedFile:
    dims = [p for p in properties if p.get("Type") in {"Dimension", "GeoDimension", "TimeDimension"}]
    topics = [p for p in properties if p.get("Type") == "Topic"]
    geo = [p["Key"] for p in dims if p.get("Type") == "GeoDimension"]
    time = [p["Key"] for p in dims if p.get("Type") == "TimeDimension"]
    if len(geo) != 1 or len(time) != 1 or not topics:
        raise ImportRefused(
            "Niets geïmporteerd: de tabel moet precies één regio-dimensie, één perioden-dimensie en ten minste "
            "één onderwerp hebben."
        )
    other = [p["Key"] for p in dims if p.get("Type") == "Dimension"]
    source = SourceInfo(
        f"cbs-{table.lower()}",
        f"CBS StatLine {table}" + (f": {title}" if title else ""),
        f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table",
        "CC BY 4.0",
    )
    parsed = ParsedFile(source=source)
    definitions: dict[str, IndicatorInfo] = {}
    errors: list[str] = []
    for number, row in enumerate(rows, start=1):
        parsed.rows_read += 1
        area = normalise_area(str(row.get(geo[0], "")))
        if area is None:
            parsed.skipped["gebiedssoort niet in de benchmark (wijk, buurt, COROP…)"] += 1
            continue
        try:
            period = parse_period(str(row.get(time[0], ""))).code
        except ValueError as exc:
            errors.append(f"rij {number}: {exc}")
            continue
        suffix = "".join(f".{str(row.get(key, '')).strip().lower()}" for key in other)
        for topic in topics:
            raw = row.get(topic["Key"])
            try:
                value = raw if isinstance(raw, int | float) else parse_number(str(raw if raw is not None else ""))
            except ValueError:
                errors.append(f"rij {number}: {topic['Key']} is geen getal: {raw!r}")
                continue
            if value is None:
                parsed.skipped["geen waarde (CBS: '.')"] += 1
                continue
            code = re.sub(r"[^a-z0-9_.-]", "-", f"cbs-{table.lower()}.{topic['Key'].lower()}{suffix}")[:120]
            if code not in definitions:
                label = topic.get("Title") or topic["Key"]
                if suffix:
                    label += " (" + ", ".join(f"{k} {row.get(k, '')!s}".strip() for k in other) + ")"
                definitions[code] = IndicatorInfo(
                    code,
                    label[:300],
                    str(topic.get("Unit") or ""),
                    theme,
                    str(topic.get("Description") or "").strip(),
                    decimals=int(topic.get("Decimals") or 0),
                )
            parsed.values[(code, area, period)] = float(value)
    _refuse(errors)
    if not parsed.values:
        raise ImportRefused("Niets geïmporteerd: de tabel bevat geen waarden voor gemeenten, provincies of Nederland.")
    parsed.indicators = list(definitions.values())
    return parsed


def parse_cbs_json(data: bytes, *, table: str = "", theme: str = "overig") -> ParsedFile:
    """A JSON object with ``TypedDataSet`` and ``DataProperties`` (each the OData v3 answer or its ``value``
    list), optionally ``TableInfos``."""
    try:
        document = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"Niets geïmporteerd: geen geldige JSON (regel {exc.lineno}).") from exc
    if not isinstance(document, dict):
        raise ImportRefused("Niets geïmporteerd: verwacht een object met TypedDataSet en DataProperties.")
    rows = _cbs_values(document.get("TypedDataSet"), "TypedDataSet")
    properties = _cbs_values(document.get("DataProperties"), "DataProperties")
    table_id = _cbs_table_id(document, table or "onbekend")
    infos = _cbs_values(document.get("TableInfos", []), "TableInfos")
    return _cbs_rows(table_id, rows, properties, theme=theme, title=str(infos[0].get("Title", "")) if infos else "")


def parse_cbs_csv(data: bytes, *, table: str, theme: str = "overig") -> ParsedFile:
    """StatLine's CSV download of a typed data set: the column names are the keys (``RegioS``, ``Perioden``,
    topics); a numeric column is a topic, any other column a dimension."""
    reader = _reader(_decode(data))
    rows = [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]
    columns = [c.strip() for c in reader.fieldnames or []]
    if not rows:
        raise ImportRefused("Niets geïmporteerd: het bestand bevat geen rijen.")
    properties = []
    for column in columns:
        if column == "ID":
            continue
        if column.lower().replace("'", "") in _CBS_GEO_KEYS:
            properties.append({"Key": column, "Type": "GeoDimension"})
        elif column.lower() == "perioden":
            properties.append({"Key": column, "Type": "TimeDimension"})
        elif all(_is_number(row[column]) for row in rows):
            properties.append({"Key": column, "Type": "Topic", "Title": column})
        else:
            properties.append({"Key": column, "Type": "Dimension"})
    return _cbs_rows(table, rows, properties, theme=theme, title="")


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ValueError:
        return False
    return True
