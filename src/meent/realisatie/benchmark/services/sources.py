"""Fetching the current files from the official sources."""

import json
import logging
import urllib.error
import urllib.request

from meent.realisatie.benchmark import parsing
from meent.realisatie.benchmark.models import (
    DataImport,
)

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
