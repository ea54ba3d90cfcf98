"""The open-data files shipped in ``data/`` (see its README): gzip copies of the public files."""

import gzip
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
RIVM_CUMULATIVE = "rivm-covid19-gemeente-cumulatief.csv"
RIOOLWATER = "rivm-covid19-rioolwater.csv"
NICE = "nice-ic-opnames.json"
FILES = [RIVM_CUMULATIVE, RIOOLWATER, NICE]  # the gemeente boundaries are in meent.core.maps


def read(name: str) -> bytes:
    return gzip.decompress((DATA_DIR / f"{name}.gz").read_bytes())
