"""Demo reports: 2020 published and 2021 as a draft, both from the modules' chapter drafts, so every figure in
them is computed from the other modules' demo records (loaded before this one). Published by the demo's
communications account."""

from django.db import transaction

from meent.jaarverslag import services
from meent.jaarverslag.models import Report
from meent.leden.models import Account


@transaction.atomic
def load_demo() -> None:
    editor = Account.objects.filter(username="communicatie").first()
    if not Report.objects.filter(year=2020).exists():
        report = services.create_report(2020, by=editor)
        services.publish(report, by=editor)
    if not Report.objects.filter(year=2021).exists():
        services.create_report(2021, by=editor)
