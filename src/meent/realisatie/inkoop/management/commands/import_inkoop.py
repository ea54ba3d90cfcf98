"""``meent manage import_inkoop BESTAND``: the participants' yearly figures from a CSV or XLSX file, all or
nothing, as on the import page. A bad file exits with 2 and one line naming the first wrong lines."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meent.core.refusals import ImportRefused
from meent.realisatie.inkoop import services


class Command(BaseCommand):
    help = "Jaarcijfers van deelnemers aan gezamenlijke inkoop importeren (CSV of XLSX; alles of niets)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", metavar="BESTAND")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError:
            raise CommandError(f"bestand niet te lezen: {path}", returncode=2) from None
        try:
            result = services.import_figures(data, filename=path.name, by=None)
        except ImportRefused as refused:
            raise CommandError(" ".join(str(e) for e in refused.errors[:4]).replace("\n", " "), returncode=2) from None
        self.stdout.write(str(result))
