import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from meent.core import business_hours
from meent.realisatie.ibd import selectors, services, sla
from meent.realisatie.ibd.models import (
    TLP,
    CorrelationExclusion,
    Incident,
    ObservableType,
    Severity,
    Status,
    TimelineEntry,
)
from meent.realisatie.ibd.observables import extract, normalise
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMS)


def test_numbers_run_per_year(people):
    first = make_incident(people["utrecht_iso"], reported_at=at(2020, 3, 2, 10))
    second = make_incident(people["utrecht_iso"], reported_at=at(2020, 3, 3, 10))
    next_year = make_incident(people["utrecht_iso"], reported_at=at(2021, 1, 4, 10))
    assert (first.number, second.number, next_year.number) == ("IBD-2020-0001", "IBD-2020-0002", "IBD-2021-0001")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_reports_never_share_a_number(make_account):
    from meent.core.roles import Role

    reporter = make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344")
    errors, barrier = [], threading.Barrier(8)

    def report():
        try:
            barrier.wait()
            make_incident(reporter, reported_at=at(2020, 6, 1, 10))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=report) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    numbers = sorted(Incident.unscoped.values_list("number", flat=True))
    assert numbers == [f"IBD-2020-{n:04d}" for n in range(1, 9)]


def test_the_workflow_refuses_illegal_steps(people):
    incident = make_incident(people["utrecht_iso"])
    analyst = people["analyst"]
    for illegal in (Status.AFGESLOTEN, Status.OPGESCHAALD, Status.NIEUW):
        with pytest.raises(ValidationError):
            services.transition(incident, by=analyst, to=illegal, summary="x")
    incident = services.transition(incident, by=analyst, to=Status.IN_BEHANDELING)
    incident = services.transition(incident, by=analyst, to=Status.OPGESCHAALD)
    with pytest.raises(ValidationError):
        services.transition(incident, by=analyst, to=Status.AFGESLOTEN, summary="  ")
    incident = services.transition(
        incident, by=analyst, to=Status.AFGESLOTEN, summary="Opgelost; wachtwoorden gewijzigd."
    )
    assert incident.closed_at and incident.first_response_at
    with pytest.raises(ValidationError):
        services.transition(incident, by=analyst, to=Status.IN_BEHANDELING)
    assert [e.kind for e in incident.timeline.all()] == ["status"] * 3


def test_first_response_is_the_first_analyst_action(people):
    incident = make_incident(people["utrecht_iso"])
    services.add_entry(incident, author=people["utrecht_iso"], text="Aanvulling")
    incident.refresh_from_db()
    assert incident.first_response_at is None
    services.add_entry(incident, author=people["analyst"], text="We kijken ernaar")
    incident.refresh_from_db()
    assert incident.first_response_at is not None


def test_business_hours_skip_nights_weekends_and_holidays():
    # Friday 24 April 2020 16:00 + 2 business hours: Monday 27 April is Koningsdag, so Tuesday 28 April 09:30.
    assert business_hours.add_business_hours(at(2020, 4, 24, 16), 2) == at(2020, 4, 28, 9, 30)
    # Reported on Saturday: the clock starts on Monday morning.
    assert business_hours.add_business_hours(at(2020, 3, 7, 11), 1) == at(2020, 3, 9, 9, 30)
    assert business_hours.business_hours_between(at(2020, 4, 24, 16), at(2020, 4, 28, 9, 30)) == pytest.approx(2)
    assert business_hours.business_hours_between(at(2020, 12, 24, 12), at(2020, 12, 28, 9, 30)) == pytest.approx(6)


def test_triage_moves_the_targets_and_breaches_are_computed(people):
    incident = make_incident(people["utrecht_iso"], reported_at=at(2020, 3, 2, 9))
    assert incident.severity == Severity.MIDDEL
    services.triage(incident, by=people["analyst"], severity=Severity.KRITIEK, category="ransomware")
    assert incident.response_due == at(2020, 3, 2, 10)
    incident.first_response_at = at(2020, 3, 2, 11)
    assert sla.breaches(incident, at(2020, 3, 2, 11)).first_response
    incident.first_response_at = at(2020, 3, 2, 9, 45)
    assert not sla.breaches(incident, at(2020, 3, 2, 11)).first_response


def test_queue_puts_what_is_about_to_breach_first(people):
    analyst = people["analyst"]
    low = make_incident(people["utrecht_iso"], impact="beperkt", reported_at=at(2020, 3, 2, 9))
    critical = make_incident(people["amsterdam_iso"], impact="zeer_ernstig", reported_at=at(2020, 3, 2, 12))
    closed = make_incident(people["utrecht_iso"], impact="zeer_ernstig", reported_at=at(2020, 3, 1, 12))
    services.transition(closed, by=analyst, to=Status.IN_BEHANDELING)
    services.transition(closed, by=analyst, to=Status.AFGESLOTEN, summary="Klaar")
    assert list(selectors.queue(analyst)) == [critical, low]
    assert selectors.sla_state(critical, at(2020, 3, 2, 12, 30)).label == "dreigt"
    assert selectors.sla_state(low, at(2020, 3, 2, 9, 30)).label == "op schema"
    assert selectors.sla_state(low, at(2020, 3, 10, 9)).label == "verlopen"
    assert not selectors.queue(people["utrecht_iso"]).exists()


@pytest.mark.parametrize(
    ("type_", "raw", "expected"),
    [
        (ObservableType.IP, " 192.168.001.1 ".replace("001", "1"), "192.168.1.1"),
        (ObservableType.IP, "2001:DB8:0:0::1", "2001:db8::1"),
        (ObservableType.DOMAIN, "Evil-Example[.]Test.", "evil-example.test"),
        (ObservableType.DOMAIN, "bücher.example", "xn--bcher-kva.example"),
        (ObservableType.URL, "hxxps://Login.Evil[.]test:443/a?b=1#frag", "https://login.evil.test/a?b=1"),
        (ObservableType.EMAIL, "Factuur@Evil-Example.TEST", "factuur@evil-example.test"),
        (ObservableType.HASH, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e"),
        (ObservableType.CVE, "cve-2020-1472", "CVE-2020-1472"),
    ],
)
def test_observables_are_normalised(type_, raw, expected):
    assert normalise(type_, raw) == expected


@pytest.mark.parametrize(
    ("type_", "raw"),
    [
        ("ip", "999.1.1.1"),
        ("domain", "localhost"),
        ("url", "javascript:alert(1)"),
        ("email", "a@"),
        ("hash", "xyz"),
        ("cve", "CVE-20-1"),
    ],
)
def test_invalid_observables_are_refused_in_dutch(type_, raw):
    with pytest.raises(ValidationError):
        normalise(type_, raw)


def test_suggestions_come_from_the_text_once():
    text = (
        "Mail van Factuur@evil-example.test, link hxxp://login-evil[.]test/inlog, daarna verkeer naar "
        "203.0.113.7 en 203.0.113.7; zie CVE-2020-1472 en bijlage factuur.pdf. Hash "
        "44d88612fea8a8f36de82e1278abb02f"
    )
    assert extract(text) == [
        ("url", "http://login-evil.test/inlog"),
        ("email", "factuur@evil-example.test"),
        ("cve", "CVE-2020-1472"),
        ("hash", "44d88612fea8a8f36de82e1278abb02f"),
        ("ip", "203.0.113.7"),
    ]


def test_observables_are_stored_once_and_imports_are_all_or_nothing(people):
    incident = make_incident(people["utrecht_iso"])
    _obs, created = services.add_observable(incident, type="domain", value="EVIL.test", by=people["analyst"])
    _obs, again = services.add_observable(incident, type="domain", value="evil[.]test", by=people["analyst"])
    assert created and not again
    with pytest.raises(ValidationError):
        services.add_observables(
            incident, [("ip", "203.0.113.9"), ("ip", "nope")], by=people["analyst"], tlp="AMBER", source="test"
        )
    assert incident.observables.count() == 1


def test_correlation_for_analysts_with_exclusions_and_a_cap(people, monkeypatch):
    analyst, iso = people["analyst"], people["utrecht_iso"]
    first = make_incident(iso)
    second = make_incident(people["amsterdam_iso"])
    hidden = make_incident(people["amsterdam_iso"], tlp=TLP.RED, recipients=[people["analyst2"]])
    for incident in (first, second, hidden):
        services.add_observable(incident, type="ip", value="203.0.113.7", by=analyst)
        services.add_observable(incident, type="domain", value="gmail.example", by=analyst)
    CorrelationExclusion.objects.create(type="domain", value="gmail.example", reason="Webmail")
    result = {c.observable.value: c for c in selectors.correlations(analyst, first)}
    assert result["203.0.113.7"].incidents == [second]  # the RED incident the analyst is not named on stays hidden
    assert result["gmail.example"].excluded and not result["gmail.example"].incidents
    assert selectors.correlations(iso, first) == []
    monkeypatch.setattr(selectors, "CORRELATION_CAP", 0)
    assert selectors.correlations(analyst, first)[1].too_common


def test_analysts_keep_the_exclusion_list(client, login, people):
    login(people["analyst"])
    response = client.post(
        "/ibd/correlatie/uitzonderingen/", {"type": "domain", "value": "GMAIL[.]example", "reason": "Mail"}
    )
    assert response.status_code == 302
    exclusion = CorrelationExclusion.objects.get()
    assert exclusion.value == "gmail.example"
    assert client.post("/ibd/correlatie/uitzonderingen/", {"type": "ip", "value": "geen ip"}).status_code == 400
    client.post(f"/ibd/correlatie/uitzonderingen/{exclusion.pk}/verwijderen/")
    assert not CorrelationExclusion.objects.exists()
    login(people["utrecht_iso"])
    assert client.get("/ibd/correlatie/uitzonderingen/").status_code == 403


def test_lowering_the_tlp_needs_a_reason_and_a_confirmation_which_the_timeline_keeps(people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    analyst = people["analyst"]
    fields = {"by": analyst, "severity": incident.severity, "category": incident.category, "tlp": TLP.GREEN}
    with pytest.raises(ValidationError) as refused:
        services.triage(incident, **fields)
    assert set(refused.value.message_dict) == {"tlp_reason", "tlp_lowering_confirmed"}
    with pytest.raises(ValidationError):
        services.triage(incident, **fields, tlp_reason="Openbaar gemaakt")  # a reason alone is not enough
    incident.refresh_from_db()
    assert incident.tlp == TLP.AMBER
    services.triage(incident, **fields, tlp_reason="Openbaar gemaakt", tlp_lowering_confirmed=True)
    incident.refresh_from_db()
    assert incident.tlp == TLP.GREEN
    entry = incident.timeline.get(kind=TimelineEntry.Kind.STATUS)
    assert "van AMBER naar GREEN" in entry.text and "Openbaar gemaakt" in entry.text
    assert entry.tlp == TLP.AMBER  # the reason stays under the stricter marking
    # Raising the marking shares less: no reason asked.
    services.triage(incident, by=analyst, severity=incident.severity, category=incident.category, tlp=TLP.AMBER)
    incident.refresh_from_db()
    assert incident.tlp == TLP.AMBER


def test_assigning_a_handler_takes_a_new_incident_in_hand(people):
    incident = make_incident(people["utrecht_iso"])
    assert incident.status == Status.NIEUW
    services.triage(incident, by=people["analyst"], severity=incident.severity, category=incident.category)
    incident.refresh_from_db()
    assert incident.status == Status.NIEUW  # triage without a handler leaves it new
    services.triage(
        incident,
        by=people["analyst"],
        severity=incident.severity,
        category=incident.category,
        assignee=people["analyst2"],
    )
    incident.refresh_from_db()
    assert incident.status == Status.IN_BEHANDELING
    assert incident.timeline.filter(kind=TimelineEntry.Kind.STATUS).exists()
