"""Service levels (*servicenormen*): targets per severity, counted in business hours.

Business hours are Monday to Friday 08:30–17:00 Amsterdam time; Dutch public holidays (the ``holidays``
package's list, including Bevrijdingsdag in lustrum years) are not business days.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from meent.realisatie.ibd.models import Severity

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY_START = datetime.time(8, 30)
DAY_END = datetime.time(17, 0)
HOURS_PER_DAY = 8.5


@dataclass(frozen=True)
class Target:
    first_response: float  # business hours
    closure: float


TARGETS: dict[str, Target] = {
    Severity.KRITIEK: Target(first_response=1, closure=17),
    Severity.HOOG: Target(first_response=4, closure=42.5),
    Severity.MIDDEL: Target(first_response=8.5, closure=85),
    Severity.LAAG: Target(first_response=17, closure=170),
}


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.NL(years=year))


def is_business_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(AMSTERDAM)


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    return (
        datetime.datetime.combine(day, DAY_START, tzinfo=AMSTERDAM),
        datetime.datetime.combine(day, DAY_END, tzinfo=AMSTERDAM),
    )


def add_business_hours(start: datetime.datetime, hours: float) -> datetime.datetime:
    """The moment ``hours`` business hours after ``start``."""
    remaining = datetime.timedelta(hours=hours)
    current = _local(start)
    day = current.date()
    while True:
        if is_business_day(day):
            opens, closes = _day_bounds(day)
            begin = max(current, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += datetime.timedelta(days=1)
        current = _day_bounds(day)[0]


def business_hours_between(start: datetime.datetime, end: datetime.datetime) -> float:
    """Business hours from ``start`` to ``end`` (0 when ``end`` is not later)."""
    if end <= start:
        return 0.0
    start, end = _local(start), _local(end)
    total = datetime.timedelta()
    day = start.date()
    while day <= end.date():
        if is_business_day(day):
            opens, closes = _day_bounds(day)
            begin, finish = max(start, opens), min(end, closes)
            if finish > begin:
                total += finish - begin
        day += datetime.timedelta(days=1)
    return total.total_seconds() / 3600


def due_dates(severity: str, reported_at: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    target = TARGETS[severity]
    return add_business_hours(reported_at, target.first_response), add_business_hours(reported_at, target.closure)


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
