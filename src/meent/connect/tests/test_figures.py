"""The figures for the annual report, from the records — here from the 2020 demo programme."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Q

from meent.conftest import shared_by_the_module
from meent.connect import demo, selectors, services
from meent.connect.models import Course, Event, EventChange, Registration, Session
from meent.connect.tests.factories import DigitalEventFactory, EventFactory, RegistrationFactory
from meent.core import registry

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


def test_an_exercise_counts_only_as_the_cyber_programme_s_exercise():
    EventFactory(starts_at=AT, ends_at=AT)
    DigitalEventFactory(starts_at=AT, ends_at=AT, kind="oefening", title="Landelijke Cyberoefening")
    DigitalEventFactory(starts_at=AT, ends_at=AT, kind="oefening", title="Oefening crisiscommunicatie")
    DigitalEventFactory(starts_at=AT, ends_at=AT, kind="oefening", title="Cyberoefening", status="geannuleerd")
    DigitalEventFactory(starts_at=AT, ends_at=AT, kind="webinar", title="Webinar cyberweerbaarheid")
    number = {key: value.number for key, value in registry.figures.values("connect", 2020).items()}
    assert number["cyber_oefeningen"] == 1
    # an exercise is no congress or webinar, held or cancelled
    assert (number["congressen"], number["webinars"], number["geannuleerd"]) == (1, 1, 0)


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


@pytest.fixture(scope="module")
def demo_2020(django_db_setup, django_db_blocker):
    """The demo programme, loaded once for the tests below (they come last in this module: the ones above count
    their own records only)."""
    with shared_by_the_module(django_db_blocker):
        demo.load_demo()
        yield


def test_the_2020_demo_gives_the_annual_report_figures(demo_2020):
    """The figures the annual report prints, counted from the demo's records by the module's own selectors."""
    figures = registry.figures.values("connect", 2020)
    number = {key: value.number for key, value in figures.items() if value.rows is None}
    assert (number["congressen"], number["congressen_digitaal"]) == (107, 99)
    assert number["geannuleerd"] == 28
    assert number["webinars"] == 40
    assert number["cyber_oefeningen"] == 1  # the government-wide exercise, next to the 11 cyber webinars
    assert [r.label for r in registry.figures["connect.cyber_oefeningen"].records(2020, AnonymousUser())] == [
        demo.CYBER_EXERCISE
    ]
    top = figures["top_congressen"].rows
    assert [row.label for row in top] == [
        "Congres Aardgasvrije wijken",
        "Voor de Jeugd Dag 2020",
        "Webinars Cyber",
        "Dag van de Stad 2020",
        "Juridische 2-daagse",
    ]
    assert [row.value for row in top][1:] == [2300, 1194, 800, 321]
    assert top[0].detail == "fysiek"
    assert (number["trainingsdagen_fysiek"], number["trainingsdagen_online"], number["trainingsdagen"]) == (
        67,
        163,
        230,
    )
    assert number["trainingen_meermaals_verplaatst"] == 256
    assert number["trainingen_geannuleerd"] == 70
    assert [row.label for row in figures["top_trainingen"].rows] == [
        "Leergang het maken van een Omgevingsplan",
        "5-daagse MC De Strategische Financial",
        "Rechtmatigheidsverantwoording",
        "Wet normalisering rechtspositie ambtenaren (WNRA)",
        "Wet verplichte ggz (WVGGZ)",
    ]
    before = registry.figures["connect.trainees_gemiddeld"].value(2019)
    assert str(before.number) == "40.0" and str(number["trainees_gemiddeld"]) == "51.0"
    assert str(number["opdrachten_groei"]) == "27.5"
    grades = {e.title: e for e in selectors.grades_per_event(2020)}
    assert round(grades["Dag van de Stad 2020"].avg_overall, 1) == 7.7
    assert round(grades["Voor de Jeugd Dag 2020"].avg_overall, 1) == 8.2
    assert round(grades["Juridische 2-daagse"].avg_organisation, 1) == 8.0

    zorg = selectors.participants_per_event(2020).get(title="Dag van Zorg en Veiligheid")
    assert zorg.starts_at.date() == datetime.date(2020, 6, 29) and zorg.format == "digitaal"
    assert zorg.participant_count >= 1200
    assert {o.name.split("(")[-1].rstrip(")") for o in zorg.commissioners.all()} == {"VWS", "SZW", "JenV"}
    # organised for the ministries, so not in VNG's own top 5
    assert figures["top_in_opdracht"].rows[0].label == zorg.title


def test_the_demo_loads_twice_without_duplicates_and_its_counters_match_its_records(demo_2020):
    counts = (Event.objects.count(), Registration.objects.count(), EventChange.objects.count())
    demo.load_demo()
    assert (Event.objects.count(), Registration.objects.count(), EventChange.objects.count()) == counts
    seats = Count("registrations", filter=Q(registrations__status__in=Registration.HOLDS_SEAT))
    assert not Event.objects.annotate(held=seats).exclude(seats_taken=F("held")).exists()
    places = Count("choices", filter=Q(choices__status="aangemeld"))
    assert not Session.objects.annotate(held=places).exclude(seats_taken=F("held")).exists()
    for registration in Registration.objects.filter(event__title="Voor de Jeugd Dag 2020")[:200]:
        services.check_session_choice(list(registration.sessions.all()))  # nobody is in two places at once
    assert not Registration.objects.exclude(email__endswith="@demo.meent.example").exists()


def test_pages_stay_fast_with_the_volume_of_a_year(
    demo_2020, client, make_account, login, django_assert_max_num_queries
):
    from meent.core.roles import Role

    login(make_account(Role.CONNECT))
    youth = Event.objects.get(title="Voor de Jeugd Dag 2020")
    course = Course.objects.get(title="Rechtmatigheidsverantwoording")
    # (page, most queries it may take): fixed numbers, however many events, sessions and people a year has
    pages = [
        ("/evenementen/", 15),
        ("/evenementen/?jaar=2020&vorm=digitaal&page=3", 15),
        (f"/evenementen/{youth.pk}/", 20),
        (f"/evenementen/{youth.pk}/deelnemers/", 18),
        (f"/evenementen/{youth.pk}/deelnemers/?page=5", 18),
        (f"/evenementen/{youth.pk}/presentielijst/", 15),
        (f"/evenementen/{youth.pk}/evaluaties/", 15),
        ("/academie/", 15),
        (f"/academie/{course.pk}/", 15),
        ("/connect/cijfers/?jaar=2020", 31),  # grows with the figures, never with the records
        ("/api/v1/evenementen?jaar=2020", 12),
    ]
    for url, most in pages:
        with django_assert_max_num_queries(most):
            response = client.get(url)
        assert response.status_code == 200, url
    participants = client.get(f"/evenementen/{youth.pk}/deelnemers/")
    assert participants.context["page_obj"].paginator.count == 2300
    assert len(participants.context["registrations"]) == 100


def test_figures_page_shows_the_year(demo_2020, client, make_account, login):
    from meent.core.roles import Role

    login(make_account(Role.CONNECT))
    response = client.get("/connect/cijfers/?jaar=2020")
    assert "congressen, waarvan 99 digitaal" in response.text
    assert "51,0" in response.text and "27,5%" in response.text
    assert "Top 5 in opdracht" in response.text and "Dag van Zorg en Veiligheid" in response.text
