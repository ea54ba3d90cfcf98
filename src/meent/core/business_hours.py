"""Business hours and service-level deadlines, for every module that promises an answer within a time.

Business hours are Monday to Friday 08:30–17:00 Amsterdam time; Dutch public holidays (the ``holidays``
package's list, including Bevrijdingsdag in lustrum years) are not business days. A module keeps only its own
targets (see ``meent.realisatie.ibd.sla``) and asks :func:`deadlines` when they fall.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY_START = datetime.time(8, 30)
DAY_END = datetime.time(17, 0)
HOURS_PER_DAY = 8.5


@dataclass(frozen=True)
class Target:
    """A service level in business hours: the first response, and closing the matter."""

    first_response: float
    closure: float


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


def deadlines(target: Target, start: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """When the first response and the closure are due for a matter that started at ``start``."""
    return add_business_hours(start, target.first_response), add_business_hours(start, target.closure)
