"""Writes: areas derived from the registry (``division``), the pre-aggregated peer statistics (``peers``),
imports, all or nothing and idempotent per source (``importing``), and fetching the official files (``sources``)."""

from meent.realisatie.benchmark.services.division import (
    POPULATION_YEAR,
    SIZE_CLASSES,
    RowKeys,
    Share,
    current_division_shares,
    division_rows,
    ensure_areas,
    ensure_periods,
    size_class,
    with_ranks,
)
from meent.realisatie.benchmark.services.importing import (
    delete_under_lock,
    import_parsed,
    refuse_figures_of_other_sources,
    run_import,
)
from meent.realisatie.benchmark.services.peers import (
    PEER_COLUMNS,
    PEER_COPY_TYPES,
    PEER_STATISTICS_SQL,
    PeerStatistics,
    refresh_peer_statistics,
)
from meent.realisatie.benchmark.services.sources import (
    CBS_ODATA,
    OFFICIAL_URLS,
    download,
    download_cbs,
    import_file,
    summary,
)

__all__ = [
    "CBS_ODATA",
    "OFFICIAL_URLS",
    "PEER_COLUMNS",
    "PEER_COPY_TYPES",
    "PEER_STATISTICS_SQL",
    "POPULATION_YEAR",
    "SIZE_CLASSES",
    "PeerStatistics",
    "RowKeys",
    "Share",
    "current_division_shares",
    "delete_under_lock",
    "division_rows",
    "download",
    "download_cbs",
    "ensure_areas",
    "ensure_periods",
    "import_file",
    "import_parsed",
    "refresh_peer_statistics",
    "refuse_figures_of_other_sources",
    "run_import",
    "size_class",
    "summary",
    "with_ranks",
]
