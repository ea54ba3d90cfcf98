from django.core.management.base import BaseCommand

from meent.connect.services import expire_unconfirmed


class Command(BaseCommand):
    help = "Laat aanmeldingen vervallen waarvan het e-mailadres niet op tijd is bevestigd (plaats naar de wachtlijst)."

    def handle(self, *args, **options) -> None:
        count = expire_unconfirmed()
        self.stdout.write(f"{count} onbevestigde aanmelding(en) vervallen.")
