"""The yearly figures as a table (for the CSV/XLSX downloads through :mod:`meent.core.exports`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _


def header() -> list[str]:
    # The first columns are the import's own, so an exported file can be corrected and imported again.
    return ["contract", "gemeente", _("gemeentenaam"), "jaar", "basiskosten", "contractkosten", _("besparing")]


def rows(figures: QuerySet):
    for f in figures.iterator(chunk_size=2000):
        p = f.participation
        yield [p.contract.number, p.gemeente.code, p.gemeente.name, f.year, f.baseline_cost, f.contract_cost, f.saving]
