"""Properties that must hold for any input, not only the examples in the other tests."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from meent.core import business_hours
from meent.realisatie.ibd.observables import extract, normalise

AMS = ZoneInfo("Europe/Amsterdam")
moments = st.datetimes(
    min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2027, 12, 31), timezones=st.just(AMS)
)


@given(start=moments, hours=st.floats(min_value=0, max_value=400, allow_nan=False))
def test_adding_business_hours_and_counting_them_agree(start, hours):
    due = business_hours.add_business_hours(start, hours)
    assert due >= start
    assert abs(business_hours.business_hours_between(start, due) - hours) < 1e-6
    assert business_hours.is_business_day(due.astimezone(AMS).date()) or hours == 0


@given(st.sampled_from(["ip", "domain", "url", "email", "hash", "cve"]), st.text(max_size=80))
def test_normalising_never_crashes_and_is_idempotent(type_, raw):
    try:
        value = normalise(type_, raw)
    except ValidationError:
        return
    assert normalise(type_, value) == value


@given(st.text(max_size=300))
def test_suggestions_are_always_valid_and_unique(text):
    found = extract(text)
    assert len(found) == len(set(found))
    for type_, value in found:
        assert normalise(type_, value) == value
