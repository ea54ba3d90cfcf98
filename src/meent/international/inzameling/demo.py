"""Demo: the Myanmar campaign of 2021 with pledges by the demo staff accounts, most of them confirmed. The
figures come from these records. Idempotent: a second run finds the campaign and adds nothing."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from meent.international.inzameling import services
from meent.international.inzameling.models import Campaign
from meent.leden.models import Account

TITLE = "Steun voor onze collega's in Myanmar"
AMS = ZoneInfo("Europe/Amsterdam")
# (account, amount, anonymous, message, confirmed)
PLEDGES = [
    ("international", "250", False, "Sterkte, en tot snel weer samen aan het werk.", True),
    ("bestuur", "500", False, "", True),
    ("connect", "100", True, "Met warme groet uit Den Haag.", True),
    ("naleving", "75", False, "", True),
    ("realisatie", "150", True, "", True),
    ("risicobeheer", "50", False, "Veel sterkte.", True),
    ("communicatie", "125", False, "", True),
    ("ibd", "80", True, "", False),  # pledged, money not yet in
]


@transaction.atomic
def load_demo() -> None:
    organiser = Account.objects.filter(username="international").first()
    if organiser is None or Campaign.objects.filter(title=TITLE).exists():
        return
    campaign = Campaign.objects.create(
        title=TITLE,
        purpose="Na de staatsgreep van februari 2021 kwamen lokale collega's van VNG International in Myanmar zonder "
        "werk te zitten. Met deze inzameling onder de medewerkers van de VNG overbruggen zij de komende maanden.",
        beneficiaries="Lokale medewerkers van het projectkantoor in Myanmar en hun gezinnen. Om hun veiligheid noemen "
        "we geen namen.",
        target=Decimal("2500.00"),
        starts_on=datetime.date(2021, 3, 15),
        ends_on=datetime.date(2021, 5, 31),
        created_by=organiser,
    )
    for day, (username, amount, anonymous, message, confirmed) in enumerate(PLEDGES, start=1):
        donor = Account.objects.filter(username=username).first()
        if donor is None or not donor.is_staff_member:
            continue
        at = datetime.datetime(2021, 4, day, 10, 0, tzinfo=AMS)
        pledge = services.pledge(campaign, by=donor, amount=amount, anonymous=anonymous, message=message, at=at)
        if confirmed:
            services.confirm(pledge, by=organiser, at=at + datetime.timedelta(days=3))
