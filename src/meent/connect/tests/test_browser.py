"""Connect's main pages in Chromium: a participant finds an event and registers; the organiser's pages have no
serious or critical accessibility violations (axe-core)."""

import pytest
from django.core import mail

from meent.connect import services
from meent.connect.models import Registration
from meent.connect.tests.factories import EventFactory, RegistrationFactory
from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_finds_an_event_and_registers(page, live_server):
    event = EventFactory(title="Congres Digitale Gemeente", capacity=1)
    services.register(event=event, name="Eerste Deelnemer", email="eerste@gemeente.example")  # takes the only seat

    page.goto(f"{live_server.url}/evenementen/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Congres Digitale Gemeente").click()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Aanmelden").first.click()
    assert serious_violations(page) == []
    page.get_by_label("Naam").fill("Wies Wachter")
    page.get_by_label("E-mailadres").fill("wies@gemeente.example")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert serious_violations(page) == []

    registration = Registration.objects.get(email="wies@gemeente.example")
    assert registration.status == Registration.Status.WACHTLIJST
    assert any("wies@gemeente.example" in message.to for message in mail.outbox)


@pytest.mark.parametrize("path", ["", "deelnemers/", "presentielijst/", "evaluaties/"])
def test_organiser_pages_are_accessible(path, page, live_server):
    load_accounts()
    event = EventFactory(title="Webinar Omgevingswet")
    RegistrationFactory(event=event)
    log_in(page, live_server.url, "connect")
    page.goto(f"{live_server.url}/evenementen/{event.pk}/{path}")
    assert page.get_by_role("heading", level=1).is_visible()
    assert serious_violations(page) == []
