"""Fetching the current files from the official sources, and importing a file from there or from disk (what
``meent import benchmark|rivm`` and ``manage.py import_benchmark`` both run)."""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from django_scopes import scopes_disabled

from meent.realisatie.benchmark import parsing
from meent.realisatie.benchmark.models import DataImport
from meent.realisatie.benchmark.services.importing import run_import

logger = logging.getLogger(__name__)


OFFICIAL_URLS = {
    DataImport.Kind.RIVM: parsing.RIVM_SOURCE.url,
    DataImport.Kind.RIOOLWATER: parsing.RIOOLWATER_SOURCE.url,
    DataImport.Kind.NICE: "https://stichting-nice.nl/covid-19/public/new-intake/",
}


def download(url: str, *, timeout: float = 10.0) -> bytes | None:
    """The current file from the official source, or ``None`` when the machine is offline or the source fails."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - fixed https URLs
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        logger.info("download %s failed: %s", url, exc)
        return None


CBS_ODATA = "https://opendata.cbs.nl/ODataApi/odata/{table}/{part}?$format=json"


def download_cbs(table: str, *, timeout: float = 30.0) -> bytes | None:
    """A StatLine table as one JSON document with ``TableInfos``, ``DataProperties`` and ``TypedDataSet`` (the
    form :func:`parsing.parse_cbs_json` reads), or ``None`` when offline. Tables above 10,000 rows need the
    paged bulk API; StatLine then answers with a ``odata.nextLink`` that this does not follow."""
    document = {}
    for part in ("TableInfos", "DataProperties", "TypedDataSet"):
        data = download(CBS_ODATA.format(table=table, part=part), timeout=timeout)
        if data is None:
            return None
        document[part] = json.loads(data)
    return json.dumps(document).encode()


def summary(log: DataImport) -> str:
    text = f"{log.message} Overgeslagen: {log.rows_skipped}"
    if log.skipped_reasons:
        text += " (" + "; ".join(f"{reason}: {count}" for reason, count in log.skipped_reasons.items()) + ")"
    return text + "."


def import_file(options: dict, *, write: Callable[[str], object]) -> DataImport:
    """Download when asked and possible; otherwise, or when offline, read the local file. Raises ``ValueError``
    with a one-line reason when there is nothing to read."""
    kind = options["kind"]
    data = None
    name = options.get("file") or ""
    url = OFFICIAL_URLS.get(kind)
    table = options.get("tabel") or ""
    if kind == DataImport.Kind.CBS_JSON and table:
        url = CBS_ODATA.format(table=table, part="TypedDataSet")
    if options.get("online"):
        if url:
            data = download_cbs(table) if kind == DataImport.Kind.CBS_JSON else download(url)
            if data is None:
                write(f"Geen verbinding met {url}; het lokale bestand wordt gebruikt.")
            else:
                name = url
        else:
            write("Voor deze soort is geen vaste downloadbron; het lokale bestand wordt gebruikt.")
    if data is None:
        if not name:
            raise ValueError("geef een bestand op")
        path = Path(name)
        if not path.is_file():
            raise ValueError(f"bestand niet gevonden: {path}")
        data = path.read_bytes()
    with scopes_disabled():
        return run_import(
            kind,
            data,
            filename=name,
            source_key=options.get("bron", ""),
            table=options.get("tabel", ""),
            theme=options.get("thema", "overig"),
            progress=write,
        )
