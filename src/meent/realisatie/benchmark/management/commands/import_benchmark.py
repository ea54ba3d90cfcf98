"""``manage.py import_benchmark SOORT [BESTAND]``: the same import as ``meent import benchmark|rivm``."""

from django.core.management.base import BaseCommand, CommandError

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
            log = services.import_file(options, write=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if log.status != DataImport.Status.GESLAAGD:
            raise CommandError(log.message)
        self.stdout.write(services.summary(log))
