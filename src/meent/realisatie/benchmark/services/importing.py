"""Imports: all or nothing, idempotent per source; deleting indicators and sources with their figures."""

from collections.abc import Callable

from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.signals import post_save
from django.utils import timezone

from meent.leden.models import Account
from meent.realisatie.benchmark import parsing, storage
from meent.realisatie.benchmark.models import (
    Area,
    DataImport,
    Indicator,
    Observation,
    PeerStatistic,
    Period,
    Source,
)
from meent.realisatie.benchmark.parsing import ImportRefused, ParsedFile
from meent.realisatie.benchmark.services.division import RowKeys, division_rows, ensure_areas, ensure_periods
from meent.realisatie.benchmark.services.peers import PeerStatistics, refresh_peer_statistics


@transaction.atomic
def delete_under_lock(queryset: QuerySet) -> None:
    """Delete indicators or sources with their observations. The rows are locked first, so a running import of
    their figures finishes before the cascade looks for observations (the observation table declares no foreign
    keys, see :class:`Observation`); a source's partition is dropped at once rather than emptied row by row."""
    storage.lock_for_writing()
    locked = list(queryset.select_for_update().values_list("pk", flat=True))
    if queryset.model is Source:
        storage.drop_partitions(locked)
    queryset.delete()


Progress = Callable[[str], None]


def _store(parsed: ParsedFile, log: DataImport, progress: Progress) -> Source:
    with transaction.atomic():
        storage.lock_for_writing()
        if connection.vendor == "postgresql":
            # Open data can be imported again from its source after a crash, so a large import need not wait
            # for its WAL flush; the database stays consistent either way.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                cursor.execute("SET LOCAL work_mem TO '256MB'")  # the peer statistics sort in memory
        areas = ensure_areas()
        unknown = sorted({k[1] for k in parsed.values} - set(areas))
        if unknown:
            raise ImportRefused(
                f"Niets geïmporteerd: onbekende gebieden: {', '.join(unknown[:10])}"
                + (f" (en nog {len(unknown) - 10})" if len(unknown) > 10 else "")
                + "."
            )
        known = set(Indicator.objects.filter(code__in={k[0] for k in parsed.values}).values_list("code", flat=True))
        defined = {i.code for i in parsed.indicators}
        missing = sorted({k[0] for k in parsed.values} - known - defined)
        if missing:
            raise ImportRefused(
                f"Niets geïmporteerd: onbekende indicatoren zonder naam in het bestand: {', '.join(missing[:10])}."
            )
        source, _ = Source.objects.update_or_create(
            key=parsed.source.key,
            defaults={
                "name": parsed.source.name,
                "url": parsed.source.url,
                "licence": parsed.source.licence,
                "synthetic": parsed.source.synthetic,
            },
        )
        _define_indicators(parsed)
        # Locked, as a declared foreign key would: an indicator cannot be deleted while its figures are written.
        indicators = dict(
            Indicator.objects.select_for_update(no_key=True)
            .filter(code__in={k[0] for k in parsed.values})
            .values_list("code", "id")
        )
        periods = ensure_periods({k[2] for k in parsed.values})
        previous = set(Observation.objects.filter(source=source).values_list("indicator_id", flat=True).distinct())
        # Indicators that other sources also report on get their peer statistics from the database afterwards;
        # the others' are computed from the rows on their way in.
        current = set(indicators.values())
        shared = set(
            Observation.objects.filter(indicator_id__in=current, in_current_division=True)
            .exclude(source=source)
            .values_list("indicator_id", flat=True)
            .distinct()
        )
        PeerStatistic.objects.filter(indicator_id__in=current - shared).delete()
        peers = PeerStatistics(areas.values())

        def add_peer_statistics(indicator_id: int, period_id: int, values: list[tuple[int, float]]) -> None:
            if values and indicator_id not in shared:
                peers.add(indicator_id, period_id, values)

        progress(f"{len(parsed.values)} waarden gelezen; omrekenen naar de huidige gemeentelijke indeling en opslaan…")
        incomplete: list[str] = []
        keys = RowKeys(source.id, indicators, {code: area.id for code, area in areas.items()}, periods)
        rows = division_rows(parsed, areas, incomplete, keys, add_peer_statistics)
        # The computed peer statistics are written before the swap: from there until the commit, readers wait.
        written = storage.replace_observations(source.id, rows, before_swap=peers.write)
        refuse_figures_of_other_sources(source, shared)
        if incomplete:
            log.skipped_reasons = dict(log.skipped_reasons) | {
                "huidige indeling niet te berekenen (voorganger ontbreekt)": len(incomplete)
            }
        log.observations_written = written
        progress("Peergroepcijfers bijwerken…")
        if recount := shared | (previous - current):
            refresh_peer_statistics(recount)  # replaces their old figures itself
        storage.analyze(Area, Indicator, Period)
    return source


def refuse_figures_of_other_sources(source: Source, indicator_ids: set[int]) -> None:
    """Refuse the import if another source already gives a figure it gives (the unique key holds the source, see
    :class:`Observation`). Only indicators that other sources report on need the check."""
    if not indicator_ids:
        return
    theirs = Observation.objects.exclude(source=source).filter(
        indicator_id=OuterRef("indicator_id"),
        period_id=OuterRef("period_id"),
        area_id=OuterRef("area_id"),
        in_current_division=OuterRef("in_current_division"),
    )
    clashes = list(
        Observation.objects.filter(source=source, indicator_id__in=indicator_ids)
        .annotate(other=Subquery(theirs.values("source__name")[:1]))
        .filter(other__isnull=False)
        .values_list("indicator__code", "area__code", "period__code", "other")
        .order_by("indicator__code", "period__code", "area__code")[:5]
    )
    if clashes:
        other = clashes[0][3]
        listed = ", ".join(" ".join(clash[:3]) for clash in clashes)
        raise ImportRefused(
            f"Niets geïmporteerd: de bron {other} geeft al cijfers voor dezelfde indicator, hetzelfde gebied en "
            f"dezelfde periode ({listed}). Verwijder die eerst of importeer andere perioden."
        )


def _define_indicators(parsed: ParsedFile) -> None:
    """Create or update the indicators the file defines, writing only what changed (an ``update_or_create`` per
    indicator cost half a second per import of 50). New ones get their audit entry as ``save`` would give it."""
    wanted = {
        info.code: {
            "name": info.name,
            "unit": info.unit,
            "theme": info.theme,
            "source": parsed.source.name,
            "description": info.description,
            "higher_is_better": info.higher_is_better,
            "additive": info.additive,
            "cumulative": info.cumulative,
            "decimals": info.decimals,
            "synthetic": parsed.source.synthetic,
        }
        for info in parsed.indicators
    }
    existing = Indicator.objects.in_bulk(list(wanted), field_name="code")  # _store locks them right after
    new = Indicator.objects.bulk_create(
        [Indicator(code=code, **values) for code, values in wanted.items() if code not in existing]
    )
    for indicator in new:
        post_save.send(sender=Indicator, instance=indicator, created=True, update_fields=None, raw=False)
    for code, indicator in existing.items():
        changed = [field for field, value in wanted[code].items() if getattr(indicator, field) != value]
        if changed:
            for field in changed:
                setattr(indicator, field, wanted[code][field])
            indicator.save(update_fields=changed)


def run_import(
    kind: str,
    data: bytes,
    *,
    filename: str,
    source_key: str = "",
    table: str = "",
    theme: str = "overig",
    user: Account | None = None,
    progress: Progress | None = None,
) -> DataImport:
    """Import one file: everything or nothing. The log row is kept either way and says what happened."""
    return import_parsed(
        lambda: _parse(kind, data, filename=filename, source_key=source_key, table=table, theme=theme),
        kind=kind,
        filename=filename,
        user=user,
        progress=progress,
    )


def import_parsed(
    parse: Callable[[], ParsedFile],
    *,
    kind: str,
    filename: str,
    user: Account | None = None,
    progress: Progress | None = None,
) -> DataImport:
    progress = progress or (lambda message: None)
    log = DataImport.objects.create(kind=kind, filename=filename[:300], imported_by=user)
    try:
        progress(f"{filename} lezen…")
        parsed = parse()
        log.rows_read = parsed.rows_read
        log.rows_skipped = sum(parsed.skipped.values())
        log.skipped_reasons = dict(parsed.skipped)
        log.source = _store(parsed, log, progress)
    except ImportRefused as exc:
        log.status = DataImport.Status.GEWEIGERD
        log.message = str(exc)
        log.observations_written = 0
    except IntegrityError:
        # Two imports of a new source at once: the source row's lock serialises re-imports, not first imports.
        log.status = DataImport.Status.GEWEIGERD
        log.message = "Niets geïmporteerd: tegelijk liep een andere import van dezelfde bron; probeer het opnieuw."
        log.observations_written = 0
    else:
        log.status = DataImport.Status.GESLAAGD
        log.message = " ".join(
            [f"{log.observations_written} waarnemingen opgeslagen uit {log.rows_read} regels.", *parsed.notes]
        )
    log.finished_at = timezone.now()
    log.save()
    return log


def _parse_cbs_csv(data: bytes, *, table: str, theme: str, **_) -> ParsedFile:
    if not table:
        raise ImportRefused("Niets geïmporteerd: geef de CBS-tabelcode op (bijvoorbeeld 83765NED).")
    return parsing.parse_cbs_csv(data, table=table, theme=theme)


def _parse_generic(data: bytes, *, filename: str, source_key: str, **_) -> ParsedFile:
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    key = source_key or f"bestand-{stem}"
    return parsing.parse_generic(data, source=parsing.SourceInfo(key[:100], source_key or stem))


# One parser per kind of import; each takes the file and the options (filename, source_key, table, theme) it needs.
PARSERS: dict[str, Callable[..., ParsedFile]] = {
    DataImport.Kind.RIVM: lambda data, **_: parsing.parse_rivm_cumulative(data),
    DataImport.Kind.RIOOLWATER: lambda data, **_: parsing.parse_rioolwater(data),
    DataImport.Kind.NICE: lambda data, **_: parsing.parse_nice(data),
    DataImport.Kind.CBS_JSON: lambda data, *, table, theme, **_: parsing.parse_cbs_json(data, table=table, theme=theme),
    DataImport.Kind.CBS_CSV: _parse_cbs_csv,
    DataImport.Kind.GENERIEK: _parse_generic,
}


def _parse(kind: str, data: bytes, *, filename: str, source_key: str, table: str, theme: str) -> ParsedFile:
    parser = PARSERS.get(kind)
    if parser is None:
        raise ImportRefused(f"Niets geïmporteerd: onbekende soort import {kind!r}.")
    return parser(data, filename=filename, source_key=source_key, table=table, theme=theme)
