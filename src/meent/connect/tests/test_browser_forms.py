"""Every public Connect form submitted in Chromium. Django's test client sends no ``Origin`` header, so only a real
browser catches a page whose referrer policy makes its POSTs arrive with ``Origin: null`` and fail the CSRF check.

The tests share the module's browser and the session's live server; each walks a whole flow to keep the number of
(transactional, database-flushing) tests small."""

import re

import pytest
from django.core import mail

from meent.connect.models import Evaluation, Registration, SessionChoice
from meent.connect.tests.factories import EventFactory, PastEventFactory, RegistrationFactory, SessionFactory, in_days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_csrf_failure(page) -> None:
    assert page.get_by_role("heading", level=1).inner_text() not in ("Verzoek geweigerd", "Request refused")


def test_a_visitor_registers_confirms_switches_language_drops_a_session_and_cancels(page, live_server):
    event = EventFactory(title="Congres Digitale Gemeente", starts_at=in_days(20, hour=9))
    SessionFactory(event=event, title="Workshop Privacy", starts_at=in_days(20, hour=10), ends_at=in_days(20, 11))
    SessionFactory(event=event, title="Workshop Archief", starts_at=in_days(20, hour=13), ends_at=in_days(20, 14))

    page.goto(f"{live_server.url}/evenementen/{event.pk}/aanmelden/")
    page.get_by_label("Naam").fill("Wies Wachter")
    page.get_by_label("E-mailadres").fill("wies@gemeente.example")
    page.get_by_label(re.compile("Workshop Privacy")).check()
    page.get_by_label(re.compile("Workshop Archief")).check()
    page.get_by_role("button", name="Aanmelden").click()
    # The answer is the same whether or not the address was registered already (#11 F12): the mail has the link.
    page.wait_for_url(f"{live_server.url}/evenementen/{event.pk}/")
    assert page.get_by_text("Wij hebben een mail gestuurd naar wies@gemeente.example").is_visible()
    _no_csrf_failure(page)
    registration = Registration.objects.get(email="wies@gemeente.example")
    personal = f"{live_server.url}/aanmelding/{registration.token}/"
    assert f"/aanmelding/{registration.token}/" in mail.outbox[-1].body
    # The secret address goes to no other site as a referrer, by a policy that keeps the POSTs' Origin.
    assert page.goto(personal).headers["referrer-policy"] == "same-origin"

    # The language switch on a personal-link page.
    page.get_by_role("button", name="English").click()
    page.wait_for_url(personal)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_url(personal)
    assert page.locator("html").get_attribute("lang") == "nl"

    page.goto(f"{live_server.url}/bevestigen/{registration.confirm_token}/")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(personal)
    _no_csrf_failure(page)
    registration.refresh_from_db()
    assert registration.is_confirmed

    page.get_by_role("button", name="Afmelden voor Workshop Privacy").click()
    page.wait_for_url(personal)
    _no_csrf_failure(page)
    assert page.get_by_text("U bent afgemeld voor de sessie Workshop Privacy.").is_visible()
    choice = registration.session_choices.get(session__title="Workshop Privacy")
    assert choice.status == SessionChoice.Status.GEANNULEERD

    page.get_by_role("link", name="Afmelden").click()
    page.get_by_role("button", name="Ja, afmelden").click()
    page.wait_for_url(personal)
    _no_csrf_failure(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.GEANNULEERD
    assert any("wies@gemeente.example" in message.to for message in mail.outbox)


def test_a_participant_fills_in_the_evaluation(page, live_server):
    registration = RegistrationFactory(event=PastEventFactory(title="Webinar Omgevingswet"))

    page.goto(f"{live_server.url}/aanmelding/{registration.token}/")
    page.get_by_role("link", name="Beoordeel dit evenement").click()
    page.get_by_label("Welk cijfer geeft u het evenement als geheel?").select_option("8")
    page.get_by_label("Inhoud").select_option("7")
    page.get_by_label("Sprekers").select_option("9")
    page.get_by_label("Organisatie en logistiek").select_option("8")
    page.get_by_label("Wat wilt u ons nog meegeven?").fill("Goede sprekers.")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url(f"{live_server.url}/aanmelding/{registration.token}/")
    _no_csrf_failure(page)
    assert page.get_by_text("Dank voor uw beoordeling.").is_visible()
    assert Evaluation.objects.get(registration=registration).overall == 8


def _border(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).borderColor")


def test_a_failed_registration_moves_focus_to_the_summary_and_keeps_what_was_typed(page, live_server):
    event = EventFactory(title="Congres Informatieveiligheid")

    page.goto(f"{live_server.url}/evenementen/{event.pk}/aanmelden/")
    untouched = _border(page, "#id_organisation_name")
    page.get_by_label("Naam").fill("Wies")
    page.get_by_label("Naam").fill("")
    page.get_by_label("E-mailadres").focus()
    assert _border(page, "#id_name") == untouched  # no red border before anyone submitted
    assert page.locator("label[for=id_name]").inner_text() == "Naam"
    assert page.locator("label[for=id_organisation_name]").inner_text() == "Organisatie (optioneel)"

    page.get_by_label("E-mailadres").fill("wies@gemeente.example")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert page.get_by_label("E-mailadres").input_value() == "wies@gemeente.example"
    assert _border(page, "#id_name") != untouched
    page.locator("#foutoverzicht").get_by_role("link", name=re.compile("^Naam")).click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert not Registration.objects.filter(event=event).exists()
