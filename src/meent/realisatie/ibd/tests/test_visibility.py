"""The confidentiality rules of the issue, one marking at a time, for every kind of reader. Each case is checked
twice: the list query (``Q``) and the single-object function must agree."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django_scopes import ScopeError, scope

from meent.leden.models import Gemeente
from meent.leden.tests.factories import PersonFactory
from meent.realisatie.ibd import selectors, services
from meent.realisatie.ibd.models import TLP, Incident, TimelineEntry
from meent.realisatie.ibd.tests.factories import ExpertFactory, make_incident
from meent.realisatie.ibd.visibility import can_see_incident, may_see

pytestmark = pytest.mark.django_db

READERS = [
    "analyst",
    "analyst2",
    "utrecht_iso",
    "utrecht_iso2",
    "utrecht_staff",
    "amsterdam",
    "amsterdam_iso",
    "connect",
    "bestuur",
]

EXPECTED = {
    TLP.CLEAR: set(READERS),
    TLP.GREEN: {"analyst", "analyst2", "utrecht_iso", "utrecht_iso2", "utrecht_staff", "amsterdam", "amsterdam_iso"},
    TLP.AMBER: {"analyst", "analyst2", "utrecht_iso", "utrecht_iso2"},
    # Named: the reporter, a colleague without the ISO role, and an ISO of another gemeente (not the reporting
    # organisation, so AMBER+STRICT keeps them out).
    TLP.AMBER_STRICT: {"analyst", "analyst2", "utrecht_iso", "utrecht_staff"},
    # Named: the reporter and one analyst.
    TLP.RED: {"analyst", "utrecht_iso"},
}
NAMED = {
    TLP.AMBER_STRICT: ["utrecht_staff", "amsterdam_iso"],
    TLP.RED: ["analyst"],
}


def seen_by(people, incident) -> set[str]:
    by_function = {name for name in READERS if can_see_incident(people[name], incident)}
    by_query = {name for name in READERS if selectors.visible_incidents(people[name]).filter(pk=incident.pk).exists()}
    assert by_function == by_query
    return by_function


@pytest.mark.parametrize("tlp", list(EXPECTED))
def test_the_marking_decides_who_sees_an_incident(people, tlp):
    incident = make_incident(people["utrecht_iso"], tlp=tlp, recipients=[people[n] for n in NAMED.get(tlp, [])])
    assert seen_by(people, incident) == EXPECTED[tlp]
    assert not can_see_incident(AnonymousUser(), incident)
    assert not selectors.visible_incidents(AnonymousUser()).exists()


@pytest.mark.parametrize("entry_tlp", list(EXPECTED))
def test_an_entry_is_never_more_visible_than_its_own_marking_or_its_incident(people, entry_tlp):
    incident = make_incident(
        people["utrecht_iso"], tlp=TLP.GREEN, recipients=[people[n] for n in NAMED.get(entry_tlp, [])]
    )
    entry = services.add_entry(incident, author=people["analyst"], text="Regel", tlp=entry_tlp)
    for name in READERS:
        reader = people[name]
        listed = selectors.timeline(reader, incident).filter(pk=entry.pk).exists()
        assert listed == may_see(reader, incident, entry.tlp) == (name in EXPECTED[entry_tlp] & EXPECTED[TLP.GREEN]), (
            name
        )


def test_a_green_entry_on_an_amber_incident_stays_amber(people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    entry = services.add_entry(incident, author=people["analyst"], text="Openbaar advies", tlp=TLP.CLEAR)
    assert not selectors.timeline(people["amsterdam_iso"], incident).filter(pk=entry.pk).exists()
    assert selectors.timeline(people["utrecht_iso2"], incident).filter(pk=entry.pk).exists()


def test_a_red_report_must_name_an_analyst(people):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_incident(people["utrecht_iso"], tlp=TLP.RED)


def test_a_deployed_expert_sees_the_incident_only_while_deployed(people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    other = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    strict = make_incident(people["utrecht_iso"], tlp=TLP.AMBER_STRICT)
    expert_account = people["amsterdam"]
    person = PersonFactory(first_name="Eef", last_name="Expert")
    expert_account.person = person
    expert_account.save()
    expert = ExpertFactory(person=person, gemeente=Gemeente.objects.get(code="GM0363"))
    now = timezone.now()
    for target in (incident, strict):
        activation = services.activate_network(target, by=people["analyst"], reason="Ransomware")
        services.deploy_expert(
            activation,
            expert=expert,
            location="Stadskantoor",
            starts_at=now - datetime.timedelta(hours=1),
            ends_at=now + datetime.timedelta(hours=8),
        )
    assert can_see_incident(expert_account, incident)
    assert set(selectors.visible_incidents(expert_account)) == {incident}
    assert not can_see_incident(expert_account, other)
    assert not can_see_incident(expert_account, strict)  # AMBER+STRICT: the reporting organisation only
    assert [d.expert for d in selectors.deployments(expert_account, incident)] == [expert]
    assert [d.expert for d in selectors.deployments(people["utrecht_iso"], incident)] == [expert]
    assert not selectors.tasks(expert_account, incident).exists()
    assert selectors.correlations(expert_account, incident) == []
    deployment = incident.activation.deployments.get()
    deployment.starts_at, deployment.ends_at = now - datetime.timedelta(days=3), now - datetime.timedelta(days=2)
    deployment.save()
    assert not can_see_incident(expert_account, incident)
    assert not selectors.visible_incidents(expert_account).exists()


def test_a_forgotten_filter_fails_closed(people):
    make_incident(people["utrecht_iso"], tlp=TLP.CLEAR)
    make_incident(people["amsterdam_iso"], tlp=TLP.AMBER)
    with scope(gemeente=[]):
        assert not Incident.objects.exists()
        assert not TimelineEntry.objects.exists()
    with scope(gemeente=[Gemeente.objects.get(code="GM0344").pk]):
        assert {i.gemeente.code for i in Incident.objects.all()} == {"GM0344"}
    # With no tenant scope at all (a task, a script) a query on the default manager is an error, not a leak.
    with pytest.raises(ScopeError), scope():
        list(Incident.objects.all())
