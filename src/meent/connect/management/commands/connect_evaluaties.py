from django.core.management.base import BaseCommand

from meent.connect.services import invite_due_evaluations


class Command(BaseCommand):
    help = "Verstuur evaluatie-uitnodigingen voor evenementen die de afgelopen twee weken zijn afgelopen."

    def handle(self, *args, **options) -> None:
        count = invite_due_evaluations()
        self.stdout.write(f"Uitnodigingen verstuurd voor {count} evenement(en).")
