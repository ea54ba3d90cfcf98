"""Benchmark ("Waar staat je gemeente"): open data per gemeente, comparison with peers and the corona dashboard.

Dutch terms used in this app:

- *indicator* — a measured quantity (inwoners, positief geteste personen…), with a unit and a theme.
- *gebied* — the area an observation is about: a gemeente, a provincie, a veiligheidsregio or Nederland.
- *periode* — a year, quarter (kwartaal), month (maand), ISO week or single day (dag).
- *waarneming* — one value of one indicator for one gebied and periode.
- *peergroep* — the gemeenten a gemeente is compared with: same provincie, same CBS size class
  (*grootteklasse*, by inhabitants), same veiligheidsregio, or all of Nederland.
- *indeling* — the municipal division of a year. Sources report on the division of their own year; after a
  *herindeling* (merger or split, see ``meent.leden``) a dissolved gemeente's figures are mapped onto today's
  gemeenten: summed for a merger, apportioned by inhabitants for a split (marked as *geschat*, estimated).
- *rioolwater* — sewage; RIVM measures SARS-CoV-2 RNA per ml per treatment plant (*RWZI*).

Storage choice. Observations live in one narrow relational table (indicator, gebied, periode, value) with two
flags: ``in_source_division`` (the figure as the source gave it, on the division of its own year) and
``in_current_division`` (part of today's division). An unchanged gemeente's row carries both flags, so only the
few gemeenten touched by a herindeling are stored twice. One unique index (indicator, periode, gebied, flag,
source) serves rankings and compare views; an (gebied, indicator, periode) index that carries the flags serves the
profile. Each row of today's gemeenten carries its rank (from the top and from the bottom), and peer-group
statistics (count, sum, mean, inhabitant-weighted mean, median, quartiles per provincie, size class,
veiligheidsregio and Nederland) are pre-aggregated into ``PeerStatistic`` on every import, so no read aggregates
over all gemeenten. Imports stream their rows into PostgreSQL ``COPY`` (psycopg 3, binary) while Python maps the
next ones onto today's division (one ``executemany`` on SQLite), computing the peer statistics from the same rows
on their way in (only an indicator that several sources report on is recounted in the database, with
``percentile_cont``). The observation and peer-statistic tables declare no foreign keys, because checking them row
by row costs as much as the load (see :class:`~meent.realisatie.benchmark.models.Observation` for how integrity is
kept instead).

On PostgreSQL the observation table is partitioned by source (:mod:`~meent.realisatie.benchmark.storage`): an
import copies its rows into a new table without indexes, builds the indexes once by sorting and swaps the table in
for the source's previous partition, rather than keeping the indexes of a large table up to date row by row. The
price: a unique key per source (the importer refuses a figure another source already gives), a PostgreSQL-only
schema step in migration 0003, and a planning cost per query that grows with the number of sources. The measured
speeds, and why the relational path was kept rather than a second engine (DuckDB), are in ``benchmarks/README.md``.

Cumulative series (RIVM) are stored as given; daily and weekly counts are differences derived on read, and a
negative difference is shown as a correction rather than hidden.
"""
