"""Readers for the shipped reference files (see ``data/README.md``). Pure parsing, no database."""

import csv
import datetime
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_text(name: str) -> str:
    path = DATA_DIR / name
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return raw.decode("utf-8-sig")


def rows(name: str, delimiter: str = ",") -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(read_text(name), newline=""), delimiter=delimiter)


@dataclass(frozen=True)
class GemeenteRow:
    code: str
    name: str
    province_code: str
    province_name: str


def parse_cbs_gemeenten(text: str) -> tuple[list[GemeenteRow], dict[str, list[str]]]:
    """Parse CBS "Gemeenten alfabetisch" CSV. Returns the rows (first name per code) and aliases per code.

    CBS lists a few gemeenten twice, the official name first and a colloquial alias after
    ('s-Gravenhage / Den Haag); the alias is kept for search, not as a second gemeente.
    Raises ``ValueError`` naming the line of the first bad row.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    required = {"GemeentecodeGM", "Gemeentenaam", "ProvinciecodePV", "Provincienaam"}
    if not reader.fieldnames or not required <= set(reader.fieldnames):
        raise ValueError(f"kolommen ontbreken: verwacht {', '.join(sorted(required))}")
    result: dict[str, GemeenteRow] = {}
    aliases: dict[str, list[str]] = {}
    for line, row in enumerate(reader, start=2):
        code = (row.get("GemeentecodeGM") or "").strip()
        name = (row.get("Gemeentenaam") or "").strip()
        pv = (row.get("ProvinciecodePV") or "").strip()
        pv_name = (row.get("Provincienaam") or "").strip()
        if not (len(code) == 6 and code.startswith("GM") and code[2:].isdigit()):
            raise ValueError(f"regel {line}: ongeldige gemeentecode {code!r} (verwacht GM gevolgd door 4 cijfers)")
        if not name:
            raise ValueError(f"regel {line}: gemeentenaam ontbreekt")
        if not (len(pv) == 4 and pv.startswith("PV") and pv[2:].isdigit()) or not pv_name:
            raise ValueError(f"regel {line}: ongeldige provincie {pv!r} {pv_name!r}")
        if code in result:
            if result[code].province_code != pv:
                raise ValueError(f"regel {line}: {code} staat in twee provincies")
            aliases.setdefault(code, []).append(name)
            continue
        result[code] = GemeenteRow(code, name, pv, pv_name)
    if not result:
        raise ValueError("het bestand bevat geen gemeenten")
    return list(result.values()), aliases


@dataclass(frozen=True)
class HerindelingRow:
    effective_date: datetime.date
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    kind: str


def herindelingen() -> list[HerindelingRow]:
    return [
        HerindelingRow(
            datetime.date.fromisoformat(r["ingangsdatum"]),
            r["oude_gemeentecode"],
            r["oude_gemeentenaam"],
            r["nieuwe_gemeentecode"],
            r["nieuwe_gemeentenaam"],
            r["soort"],
        )
        for r in rows("herindelingen.csv.gz")
    ]


def inhabitants_2020() -> dict[str, int]:
    return {
        f"GM{int(r['Municipality_code']):04d}": int(r["Inhabitants_1-1-2020"])
        for r in rows("inwoners-2020.csv.gz", delimiter=";")
    }


def gemeenten_2025() -> dict[str, str]:
    return {r["gemeentecode"]: r["gemeentenaam"] for r in rows("gemeenten-2025.csv.gz")}
