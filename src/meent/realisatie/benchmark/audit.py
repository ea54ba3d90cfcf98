from meent.core.audit import register
from meent.realisatie.benchmark.models import DataImport, Indicator, Source

# Observations are bulk-loaded open data, replaced per source on every import; the import log is their audit trail.
register(Indicator)
register(Source)
register(DataImport)
