"""``manage.py import_benchmark SOORT [BESTAND]``: the same import as ``meent import benchmark|rivm``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from meent.realisatie.benchmark import services
from meent.realisatie.benchmark.models import DataImport


class Command(BaseCommand):
    help = "Open data importeren voor Waar staat je gemeente (alles of niets)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=[k.value for k in DataImport.Kind], metavar="SOORT")
        parser.add_argument("file", nargs="?", metavar="BESTAND", help="lokaal bestand (reserve als offline)")
        parser.add_argument("--online", action="store_true", help="eerst het actuele bestand van de bron ophalen")
        parser.add_argument("--bron", default="", help="bronsleutel (generiek CSV; standaard de bestandsnaam)")
        parser.add_argument("--tabel", default="", help="CBS-tabelcode, zoals 83765NED")
        parser.add_argument("--thema", default="overig", help="thema voor nieuwe CBS-indicatoren")

    def handle(self, *args, **options) -> None:
        try:
            log = import_file(options, write=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if log.status != DataImport.Status.GESLAAGD:
            raise CommandError(log.message)
        self.stdout.write(summary(log))


def summary(log: DataImport) -> str:
    text = f"{log.message} Overgeslagen: {log.rows_skipped}"
    if log.skipped_reasons:
        text += " (" + "; ".join(f"{reason}: {count}" for reason, count in log.skipped_reasons.items()) + ")"
    return text + "."


def import_file(options: dict, *, write) -> DataImport:
    """Download when asked and possible; otherwise, or when offline, read the local file. Raises ``ValueError``
    with a one-line reason when there is nothing to read."""
    kind = options["kind"]
    data = None
    name = options.get("file") or ""
    url = services.OFFICIAL_URLS.get(kind)
    table = options.get("tabel") or ""
    if kind == DataImport.Kind.CBS_JSON and table:
        url = services.CBS_ODATA.format(table=table, part="TypedDataSet")
    if options.get("online"):
        if url:
            data = services.download_cbs(table) if kind == DataImport.Kind.CBS_JSON else services.download(url)
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
        return services.run_import(
            kind,
            data,
            filename=name,
            source_key=options.get("bron", ""),
            table=options.get("tabel", ""),
            theme=options.get("thema", "overig"),
            progress=write,
        )
