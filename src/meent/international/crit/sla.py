"""The helpdesk's promise for the first answer, in business hours (``meent.core.business_hours``)."""

import datetime

from meent.core.business_hours import Target, deadlines
from meent.international.crit.models import Urgency

# A closure target is part of a core Target; the helpdesk promises only the first answer, the rest is a dialogue.
TARGETS: dict[str, Target] = {
    Urgency.HOOG: Target(first_response=8.5, closure=85),
    Urgency.NORMAAL: Target(first_response=17, closure=170),
    Urgency.LAAG: Target(first_response=42.5, closure=340),
}


def first_answer_due(urgency: str, received_at: datetime.datetime) -> datetime.datetime:
    return deadlines(TARGETS[urgency], received_at)[0]
