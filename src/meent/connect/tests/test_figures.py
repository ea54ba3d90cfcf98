"""The figures for the annual report, from the records — here from the 2020 demo programme."""

import datetime

import pytest

from meent.connect import demo, selectors, services
from meent.connect.models import Event, EventChange, Registration
from meent.connect.tests.factories import DigitalEventFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

AT = datetime.datetime(2020, 5, 1, 10, tzinfo=datetime.UTC)


def test_held_events_per_kind_and_format_exclude_cancelled_ones():
    EventFactory(starts_at=AT, ends_at=AT)
    DigitalEventFactory(starts_at=AT, ends_at=AT)
    DigitalEventFactory(starts_at=AT, ends_at=AT, kind="webinar")
    cancelled = EventFactory(starts_at=AT, ends_at=AT, status="geannuleerd")
    EventFactory(starts_at=AT.replace(year=2021), ends_at=AT.replace(year=2021))
    table = selectors.events_by_kind_and_format(2020)
    assert table["congres"] == {"fysiek": 1, "digitaal": 1, "hybride": 0}
    assert table["webinar"]["digitaal"] == 1
    assert selectors.cancelled_events(2020) == 1 and cancelled.is_cancelled


def test_participants_count_seats_not_the_waiting_list():
    event = EventFactory(starts_at=AT, ends_at=AT)
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status="aanwezig")
    RegistrationFactory(event=event, status="wachtlijst")
    RegistrationFactory(event=event, status="geannuleerd")
    assert selectors.participants_per_event(2020).get(pk=event.pk).participant_count == 4


def test_moved_twice_counts_once_in_more_than_once():
    event = EventFactory(kind="trainingsdag")
    for days in (40, 80):
        start = event.starts_at + datetime.timedelta(days=days)
        services.reschedule_event(event, starts_at=start, ends_at=start + datetime.timedelta(hours=6), reason="corona")
    year = Event.objects.get(pk=event.pk).starts_at.year
    assert selectors.rescheduled(year, kinds=Event.TRAINING_KINDS) == 1
    assert selectors.rescheduled(year, min_times=2, kinds=Event.TRAINING_KINDS) == 1
    assert selectors.rescheduled(year, min_times=3) == 0


@pytest.fixture
def demo_2020(db):
    demo.load_demo()


def test_demo_2020_gives_the_annual_report_figures(demo_2020):
    figures = selectors.year_figures(2020)
    assert figures.congresses_held == 5 and figures.congresses_digital == 4
    assert figures.cancelled == 2  # the Jaarcongres and the launch of the new name
    assert figures.webinars_held == 5
    assert figures.top_events[0].title == "Voor de Jeugd Dag 2020" and figures.top_events[0].participant_count == 2300
    assert str(figures.average_trainees) == "51.0" and str(figures.average_trainees_year_before) == "40.0"
    assert str(figures.assignments_growth) == "27.5"
    assert figures.trainings_rescheduled_more_than_once == 5 and figures.trainings_cancelled == 5
    assert figures.training_days["online"] > figures.training_days["fysiek"] > 0
    assert figures.converted_to_digital >= 4
    grades = {e.title: e for e in selectors.grades_per_event(2020)}
    assert round(grades["Dag van de Stad 2020"].avg_overall, 1) == 7.7
    assert round(grades["Voor de Jeugd Dag 2020"].avg_overall, 1) == 8.2
    assert round(grades["Juridische 2-daagse"].avg_organisation, 1) == 8.0


def test_demo_is_consistent_and_loads_twice_without_duplicates(demo_2020):
    counts = (Event.objects.count(), Registration.objects.count(), EventChange.objects.count())
    demo.load_demo()
    assert (Event.objects.count(), Registration.objects.count(), EventChange.objects.count()) == counts
    for event in Event.objects.all():
        assert event.seats_taken == event.registrations.filter(status__in=Registration.HOLDS_SEAT).count()


def test_figures_page_shows_the_year(demo_2020, client, make_account, login):
    from meent.core.roles import Role

    login(make_account(Role.CONNECT))
    response = client.get("/connect/cijfers/?jaar=2020")
    assert "congressen, waarvan 4 digitaal" in response.text
    assert "51,0" in response.text and "27,5%" in response.text
