"""Demo data: the real 2020 corona files shipped in ``data/``, inhabitants per gemeente (CBS 2020) and a handful of
synthetic indicators for the other themes, clearly marked as generated. Each file is imported through the same
importer staff use; a file already imported successfully is not imported again, so a second run is quick."""

import hashlib
import math

from meent.leden import reference
from meent.realisatie.benchmark import parsing, services, shipped
from meent.realisatie.benchmark.models import DataImport

SHIPPED = [
    (DataImport.Kind.RIVM, shipped.RIVM_CUMULATIVE),
    (DataImport.Kind.RIOOLWATER, shipped.RIOOLWATER),
    (DataImport.Kind.NICE, shipped.NICE),
]

INHABITANTS = parsing.IndicatorInfo(
    "inwoners", "Inwoners op 1 januari", "inwoners", "bevolking", "Aantal inwoners volgens de CBS-bevolkingsstatistiek."
)
INHABITANTS_SOURCE = parsing.SourceInfo(
    "cbs-inwoners-2020", "CBS StatLine, bevolking op 1 januari 2020", "https://opendata.cbs.nl/statline/", "CC BY 4.0"
)
SYNTHETIC_SOURCE = parsing.SourceInfo(
    "demo-synthetisch", "Synthetische demogegevens (geen echte cijfers)", synthetic=True
)

# code, name, unit, theme, higher is better, additive, base value, spread, yearly trend, decimals
SYNTHETIC = [
    ("werkloosheid", "Werkloosheid", "% beroepsbevolking", "werk-inkomen", False, False, 4.5, 0.35, -0.04, 1),
    (
        "bijstand",
        "Bijstandsuitkeringen per 1.000 inwoners",
        "per 1.000 inwoners",
        "werk-inkomen",
        False,
        False,
        25.0,
        0.4,
        -0.02,
        1,
    ),
    ("jeugdzorg", "Jongeren met jeugdzorg", "% van 0–18 jaar", "zorg-jeugd", None, False, 9.5, 0.25, 0.03, 1),
    (
        "wmo-clienten",
        "Cliënten met een Wmo-maatwerkvoorziening",
        "per 1.000 inwoners",
        "zorg-jeugd",
        None,
        False,
        60.0,
        0.25,
        0.02,
        0,
    ),
    (
        "misdrijven",
        "Geregistreerde misdrijven per 1.000 inwoners",
        "per 1.000 inwoners",
        "veiligheid",
        False,
        False,
        40.0,
        0.35,
        -0.03,
        1,
    ),
    ("woz-waarde", "Gemiddelde WOZ-waarde van woningen", "× € 1.000", "wonen", None, False, 250.0, 0.3, 0.06, 0),
    (
        "lasten-per-inwoner",
        "Totale lasten van de gemeente per inwoner",
        "€ per inwoner",
        "financien",
        None,
        False,
        2600.0,
        0.15,
        0.03,
        0,
    ),
    ("afstand-station", "Afstand tot een treinstation", "km", "mobiliteit", False, False, 6.0, 0.6, 0.0, 1),
]
YEARS = range(2016, 2021)
# Quarterly unemployment benefits, with the spring 2020 rise: the "economic effects" series of the dashboard.
WW_QUARTERS = [f"{year}-Q{q}" for year in (2019, 2020) for q in (1, 2, 3, 4)]
WW_EFFECT = {"2020-Q2": 1.25, "2020-Q3": 1.2, "2020-Q4": 1.15}


def _noise(*parts: str) -> float:
    """A repeatable number in [-1, 1) per gemeente and indicator, so the demo is the same on every machine."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**31 - 1


def synthetic_csv() -> bytes:
    lines = ["indicator,gebied,periode,waarde,naam,eenheid,thema"]
    inhabitants = reference.inhabitants_2020()
    for code_, name, unit, theme, _, _, base, spread, trend, decimals in SYNTHETIC:
        first = True
        for gemeente, count in sorted(inhabitants.items()):
            urban = math.log10(max(count, 1000)) - 4.5  # bigger gemeenten: more benefits, crime, higher WOZ
            level = base * (1 + spread * _noise(code_, gemeente) + 0.15 * urban * (code_ != "afstand-station"))
            if code_ == "afstand-station":
                level = max(0.5, base * (1 + spread * _noise(code_, gemeente)) - 3 * urban)
            for year in YEARS:
                value = level * (1 + trend) ** (year - 2016) * (1 + 0.03 * _noise(code_, gemeente, str(year)))
                label = f",{name},{unit},{theme}" if first else ",,,"
                lines.append(f"{code_},{gemeente},{year},{value:.{decimals}f}{label}")
                first = False
    first = True
    for gemeente in sorted(inhabitants):
        level = 14 * (1 + 0.3 * _noise("ww", gemeente))
        for quarter in WW_QUARTERS:
            value = level * WW_EFFECT.get(quarter, 1.0) * (1 + 0.02 * _noise("ww", gemeente, quarter))
            label = ",WW-uitkeringen per 1.000 inwoners,per 1.000 inwoners,werk-inkomen" if first else ",,,"
            lines.append(f"ww-uitkeringen,{gemeente},{quarter},{value:.1f}{label}")
            first = False
    return ("\n".join(lines) + "\n").encode()


def _imported(filename: str) -> bool:
    return DataImport.objects.filter(filename=filename, status=DataImport.Status.GESLAAGD).exists()


def load_demo() -> None:
    for kind, name in SHIPPED:
        filename = f"meegeleverd/{name}"
        if not _imported(filename):
            services.run_import(kind, shipped.read(name), filename=filename)
    if not _imported("meegeleverd/inwoners-2020"):
        services.import_parsed(
            lambda: parsing.ParsedFile(
                source=INHABITANTS_SOURCE,
                indicators=[INHABITANTS],
                values={("inwoners", code, "2020"): float(n) for code, n in reference.inhabitants_2020().items()},
                rows_read=len(reference.inhabitants_2020()),
            ),
            kind=DataImport.Kind.CBS_CSV,
            filename="meegeleverd/inwoners-2020",
        )
    if not _imported("demo/synthetisch.csv"):
        services.import_parsed(
            lambda: _synthetic(),
            kind=DataImport.Kind.GENERIEK,
            filename="demo/synthetisch.csv",
        )
    services.ensure_areas()


def _synthetic() -> parsing.ParsedFile:
    parsed = parsing.parse_generic(synthetic_csv(), source=SYNTHETIC_SOURCE)
    settings = {row[0]: (row[4], row[5], row[9]) for row in SYNTHETIC}
    parsed.indicators = [
        parsing.IndicatorInfo(
            i.code,
            i.name,
            i.unit,
            i.theme,
            "Gegenereerd voor de demo; geen echte cijfers.",
            higher_is_better=settings.get(i.code, (False, False, 1))[0],
            additive=settings.get(i.code, (False, False, 1))[1],
            decimals=settings.get(i.code, (False, False, 1))[2],
        )
        for i in parsed.indicators
    ]
    return parsed
