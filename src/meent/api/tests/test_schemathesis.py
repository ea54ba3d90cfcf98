"""Property-based run over the published OpenAPI document: no request, however odd, gets a 5xx, and every response
matches the document (fields that may be null say so, the CSV has its own schema), for an anonymous client and for
a signed-in member of staff, with data in the database that has the nullable fields empty. A stateful run follows
the document's links from a new registration to viewing and cancelling it."""

import csv
import datetime
import io

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from meent.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [not_a_server_error, response_schema_conformance]
FAST = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))


@schemathesis.deserializer("text/csv")
def read_csv(ctx, response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline=""), delimiter=";"))


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The WSGI app closes "old" connections around each request, which on PostgreSQL would close the test's own
    transaction; Django's test client suspends that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(db, make_account, api_key):
    from meent.core.roles import Role

    return api_key(make_account(Role.BESTUUR, Role.CONNECT, Role.IBD_ANALIST, Role.REALISATIE))


@pytest.fixture(scope="module")
def api_data(django_db_setup, django_db_blocker):
    """Rows whose nullable fields are empty: a session without times, a change without dates; the registry's
    gemeenten (some without validity dates); a day of RIVM figures for the open data. Made once per module."""
    from django_scopes import scopes_disabled

    from meent.conftest import ensure_reference_data
    from meent.connect.models import Event
    from meent.realisatie.benchmark import services
    from meent.realisatie.benchmark.models import DataImport, Indicator, Period, Source

    with django_db_blocker.unblock(), scopes_disabled():
        ensure_reference_data()
        event = _make_data()
    yield event
    with django_db_blocker.unblock(), scopes_disabled():
        Event.objects.all().delete()
        services.delete_under_lock(Source.objects.all())
        services.delete_under_lock(Indicator.objects.all())
        DataImport.objects.all().delete()
        Period.objects.all().delete()


def _make_data():
    from meent.connect.models import Event, EventChange, Session
    from meent.realisatie.benchmark import services, shipped

    start = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        title="Congres",
        kind=Event.Kind.CONGRES,
        format=Event.Format.FYSIEK,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=6),
        venue="Utrecht",
        capacity=50,
    )
    Session.objects.create(event=event, title="Workshop zonder tijd", capacity=5)
    EventChange.objects.create(event=event, kind=EventChange.Kind.GEANNULEERD, reason="Te weinig aanmeldingen")
    lines = shipped.read(shipped.RIVM_CUMULATIVE).split(b"\r\n")
    day = b"\r\n".join([lines[0], *(line for line in lines[1:] if line.startswith(b"2020-09-15"))]) + b"\r\n"
    services.run_import("rivm", day, filename="rivm.csv")
    return event


@pytest.mark.django_db
@schema.parametrize()
@FAST
def test_responses_match_the_document_for_staff(case, staff_token, api_data):
    case.call_and_validate(headers={"Authorization": f"Token {staff_token}"}, checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@FAST
def test_responses_match_the_document_for_everyone(case, api_data):
    case.call_and_validate(checks=CHECKS)


def test_the_document_links_a_new_registration_to_viewing_and_cancelling_it():
    links = schema.raw_schema["paths"]["/api/v1/evenementen/{id}/aanmeldingen"]["post"]["responses"]["201"]["links"]
    assert {link["operationId"] for link in links.values()} == {
        "evenementen_aanmeldingen_retrieve",
        "evenementen_aanmeldingen_destroy",
    }


@pytest.mark.django_db
def test_stateful_run_follows_the_links(api_data, staff_token):
    """Registering, then viewing and cancelling through the links: every step answers as documented."""
    from django.core.cache import cache

    cache.clear()  # the registration limit per address counts in the cache
    answered = set()

    # The registration flow's own operations: with the whole API in play, ten runs of four steps rarely reach them.
    events = schema.include(path_regex=r"^/api/v1/evenementen")

    class Machine(events.as_state_machine()):
        def before_call(self, case):
            if case.path_parameters and "id" in case.path_parameters:
                case.path_parameters["id"] = api_data.pk  # the one event there is, so registering can succeed

        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Token {staff_token}"}}

        def validate_response(self, response, case, **kwargs):
            answered.add((case.method.upper(), case.path, response.status_code))
            case.validate_response(response, checks=CHECKS)

    Machine.TestCase.settings = settings(
        max_examples=10, stateful_step_count=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    Machine.TestCase().runTest()
    token_path = "/api/v1/evenementen/{id}/aanmeldingen/{token}"
    assert ("POST", "/api/v1/evenementen/{id}/aanmeldingen", 201) in answered
    # A link was followed with the new registration's token (which one the run takes depends on the data).
    assert {("GET", token_path, 200), ("DELETE", token_path, 204)} & answered
