"""What staff asked for (#12.5): the events list opens on what is coming, sessions stay inside their event, and the
participant and check-in lists find a name."""

import pytest
from django.core.exceptions import ValidationError

from meent.connect import services
from meent.connect.models import Registration
from meent.connect.tests.factories import EventFactory, PastEventFactory, RegistrationFactory, in_days
from meent.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, make_account, login):
    login(make_account(Role.CONNECT))
    return client


def _titles(response) -> list[str]:
    return [event.title for event in response.context["object_list"]]


def test_the_events_list_opens_on_upcoming_events_soonest_first(client):
    EventFactory(title="Over een maand", starts_at=in_days(30))
    EventFactory(title="Volgende week", starts_at=in_days(7))
    PastEventFactory(title="Vorige week", starts_at=in_days(-7))
    PastEventFactory(title="Vorig jaar", starts_at=in_days(-365))

    response = client.get("/evenementen/")
    assert _titles(response) == ["Volgende week", "Over een maand"]
    assert 'href="?periode=afgelopen"' in response.text  # past events one click away

    assert _titles(client.get("/evenementen/?periode=afgelopen")) == ["Vorige week", "Vorig jaar"]
    assert len(_titles(client.get("/evenementen/?periode=alle"))) == 4


def test_a_chosen_year_shows_the_whole_year(client):
    event = PastEventFactory(title="Eerder dit jaar", starts_at=in_days(-365))
    assert _titles(client.get(f"/evenementen/?jaar={event.starts_at.year}")) == ["Eerder dit jaar"]


def test_a_session_outside_its_event_is_refused_with_a_field_error():
    event = EventFactory(starts_at=in_days(10, hour=9))  # until 15:00
    with pytest.raises(ValidationError) as refused:
        services.add_session(event=event, title="Te vroeg", starts_at=in_days(9, hour=10), ends_at=in_days(9, hour=11))
    assert set(refused.value.message_dict) == {"starts_at", "ends_at"}
    assert "buiten het evenement" in refused.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError) as refused:
        services.add_session(event=event, title="Uitloop", starts_at=in_days(10, hour=14), ends_at=in_days(10, hour=16))
    assert set(refused.value.message_dict) == {"ends_at"}
    services.add_session(event=event, title="Op tijd", starts_at=in_days(10, hour=9), ends_at=in_days(10, hour=15))
    assert event.sessions.count() == 1


def test_the_session_form_shows_the_refusal_next_to_the_field(organiser):
    event = EventFactory(starts_at=in_days(10, hour=9))
    late = in_days(11, hour=10).strftime("%Y-%m-%dT%H:%M")
    response = organiser.post(f"/evenementen/{event.pk}/sessies/nieuw/", {"title": "Volgende dag", "starts_at": late})
    assert response.status_code == 200
    assert "Dit valt buiten het evenement" in response.context["form"].errors["starts_at"][0]
    assert not event.sessions.exists()


def test_the_event_form_says_which_optional_looking_fields_a_format_requires(organiser):
    html = organiser.get("/evenementen/nieuw/").text
    assert 'Streamlink <span class="meent-optional">(verplicht bij een digitaal of hybride evenement)</span>' in html
    assert 'Locatie <span class="meent-optional">(verplicht bij een fysiek of hybride evenement)</span>' in html


def test_the_participants_list_finds_a_name(organiser):
    event = EventFactory()
    RegistrationFactory(event=event, name="Wies Wachter")
    RegistrationFactory(event=event, name="Bram Bakker", organisation_name="Gemeente Wijk")
    response = organiser.get(f"/evenementen/{event.pk}/deelnemers/?naam=wachter")
    assert [r.name for r in response.context["registrations"]] == ["Wies Wachter"]
    response = organiser.get(f"/evenementen/{event.pk}/deelnemers/?naam=wijk")
    assert [r.name for r in response.context["registrations"]] == ["Bram Bakker"]


def test_the_check_in_list_finds_a_name_and_keeps_the_search_after_checking_in(organiser):
    event = EventFactory()
    wies = RegistrationFactory(event=event, name="Wies Wachter")
    RegistrationFactory(event=event, name="Bram Bakker")
    response = organiser.get(f"/evenementen/{event.pk}/presentielijst/?naam=WIES")
    assert [r.name for r in response.context["registrations"]] == ["Wies Wachter"]
    assert "1 van 2 deelnemers gevonden" in response.text

    response = organiser.post(
        f"/evenementen/{event.pk}/presentielijst/", {"registration": wies.pk, "attended": "1", "naam": "WIES"}
    )
    assert response.url == f"/evenementen/{event.pk}/presentielijst/?naam=WIES#r{wies.pk}"
    wies.refresh_from_db()
    assert wies.status == Registration.Status.AANWEZIG


def _with_choice(event, session, name: str) -> Registration:
    return services.register(event=event, name=name, email=f"{name.lower()}@gemeente.example", sessions=[session])


def test_an_edited_session_moves_and_its_choosers_are_told(organiser, mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(starts_at=in_days(10, hour=9))
    session = services.add_session(event=event, title="Workshop", starts_at=in_days(10, hour=10), capacity=1)
    _with_choice(event, session, "Eerste")
    waiting = _with_choice(event, session, "Tweede")
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(
            f"/evenementen/{event.pk}/sessies/{session.pk}/bewerken/",
            {"title": "Workshop", "starts_at": in_days(10, hour=13).strftime("%Y-%m-%dT%H:%M"), "capacity": "2"},
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == in_days(10, hour=13) and session.seats_taken == 2  # the waiting one moved up
    assert waiting.session_choices.get().status == "aangemeld"
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == ["De sessie Workshop is verplaatst", "Er is een plaats in de sessie Workshop"]


def test_an_edited_session_keeps_its_seats_and_stays_in_its_event(organiser):
    event = EventFactory(starts_at=in_days(10, hour=9))
    session = services.add_session(event=event, title="Workshop", capacity=2)
    _with_choice(event, session, "Eerste")
    _with_choice(event, session, "Tweede")
    url = f"/evenementen/{event.pk}/sessies/{session.pk}/bewerken/"
    response = organiser.post(url, {"title": "Workshop", "capacity": "1"})
    assert "lager dan het aantal bezette plaatsen" in response.context["form"].errors["capacity"][0]
    late = in_days(12, hour=10).strftime("%Y-%m-%dT%H:%M")
    response = organiser.post(url, {"title": "Workshop", "starts_at": late, "capacity": "2"})
    assert "buiten het evenement" in response.context["form"].errors["starts_at"][0]
    session.refresh_from_db()
    assert session.capacity == 2 and session.starts_at is None


def test_a_deleted_session_drops_its_choices_keeps_the_seats_and_tells_the_choosers(
    organiser, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    session = services.add_session(event=event, title="Excursie", capacity=5)
    registration = _with_choice(event, session, "Eerste")
    assert organiser.get(f"/evenementen/{event.pk}/sessies/{session.pk}/verwijderen/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(f"/evenementen/{event.pk}/sessies/{session.pk}/verwijderen/")
    assert response.status_code == 302
    assert not event.sessions.exists()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.AANGEMELD and not registration.session_choices.exists()
    assert [message.subject for message in mailoutbox] == ["De sessie Excursie gaat niet door"]
    assert "Excursie" in mailoutbox[0].body
