"""The sixth persona of the issue's matrix: an expert of another gemeente, deployed through the response network
on the matrix's incident. While deployed the expert reads that incident and nothing else; afterwards nothing."""

import datetime

import pytest
from django.utils import timezone

from meent.core.roles import Role
from meent.leden.models import Gemeente
from meent.leden.tests.factories import PersonFactory
from meent.realisatie.ibd import services
from meent.realisatie.ibd.tests import access
from meent.realisatie.ibd.tests.factories import ExpertFactory

pytestmark = pytest.mark.django_db

WHILE_DEPLOYED = {
    "ibd:incident-list",
    "ibd:incident-detail",
    "ibd:attachment-download",
    "ibd:advisory-list",
    "api:incident-list",
    "api:incident-detail",
    "api:incident-tijdlijn-list",
    "api:incident-observable-list",
}


@pytest.fixture
def deployed(make_account):
    fixtures = access.fixtures()
    account = make_account(Role.GEMEENTE, gemeente="GM0363", username="expert-amsterdam")
    account.person = PersonFactory(first_name="Eef", last_name="Expert")
    account.save()
    expert = ExpertFactory(person=account.person, gemeente=Gemeente.objects.get(code="GM0363"))
    analyst = fixtures["ibd_advisory"].published_by
    activation = services.activate_network(fixtures["ibd_incident"], by=analyst, reason="Ransomware")
    now = timezone.now()
    deployment = services.deploy_expert(
        activation,
        expert=expert,
        location="Stadhuis",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=8),
    )
    return account, deployment, fixtures


def _check(client, fixtures, allowed: set[str]) -> list[str]:
    failures = []
    for name, case in sorted(access.ACCESS.items()):
        url = case.resolve_url(fixtures)
        response = getattr(client, case.method)(url, data=case.data or None)
        expected = case.allowed_status if name in allowed else (403, 404)
        if response.status_code not in expected:
            failures.append(f"{name} {case.method.upper()} {url}: {response.status_code}")
    return failures


def test_a_deployed_expert_reads_the_incident_and_nothing_more(client, login, deployed):
    account, _deployment, fixtures = deployed
    login(account)
    assert not _check(client, fixtures, WHILE_DEPLOYED)


def test_after_the_deployment_the_expert_sees_nothing(client, login, deployed):
    account, deployment, fixtures = deployed
    deployment.starts_at = timezone.now() - datetime.timedelta(days=2)
    deployment.ends_at = timezone.now() - datetime.timedelta(days=1)
    deployment.save()
    login(account)
    assert not _check(client, fixtures, {"ibd:incident-list", "ibd:advisory-list", "api:incident-list"})
    assert fixtures["ibd_incident"].number not in client.get("/ibd/incidenten/?toon=alle").text
