"""The IBD's service levels (*servicenormen*): targets per severity, in business hours counted by
:mod:`meent.core.business_hours`."""

import datetime
from dataclasses import dataclass

from meent.core.business_hours import Target, deadlines
from meent.realisatie.ibd.models import Severity

TARGETS: dict[str, Target] = {
    Severity.KRITIEK: Target(first_response=1, closure=17),
    Severity.HOOG: Target(first_response=4, closure=42.5),
    Severity.MIDDEL: Target(first_response=8.5, closure=85),
    Severity.LAAG: Target(first_response=17, closure=170),
}


def due_dates(severity: str, reported_at: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    return deadlines(TARGETS[severity], reported_at)


@dataclass(frozen=True)
class Breaches:
    first_response: bool
    closure: bool

    @property
    def any(self) -> bool:
        return self.first_response or self.closure


def breaches(incident, now: datetime.datetime) -> Breaches:
    """Whether the incident missed (or, while open, has already passed) its targets."""
    responded = incident.first_response_at or now
    closed = incident.closed_at or now
    return Breaches(first_response=responded > incident.response_due, closure=closed > incident.closure_due)
