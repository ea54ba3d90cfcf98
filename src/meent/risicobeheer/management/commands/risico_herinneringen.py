"""``meent manage risico_herinneringen``: queue the review reminders due this week (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from meent.risicobeheer import services


class Command(BaseCommand):
    help = "Herinneringen voor risico's die binnen een week herbeoordeeld moeten worden."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{services.send_review_reminders()} herinnering(en) in de wachtrij.")
