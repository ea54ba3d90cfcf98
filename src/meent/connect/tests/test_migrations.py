"""The move from one session per registration to several session choices keeps every registrant's place."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("connect", "0001_initial")]
AFTER = [("connect", "0004_remove_registration_session")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_single_session_becomes_a_session_choice_with_the_same_place():
    apps = migrate(BEFORE)
    Event = apps.get_model("connect", "Event")
    Session = apps.get_model("connect", "Session")
    Registration = apps.get_model("connect", "Registration")
    start = datetime.datetime(2030, 5, 1, 10, tzinfo=datetime.UTC)
    event = Event.objects.create(
        title="Oud congres", kind="congres", format="fysiek", starts_at=start, ends_at=start, capacity=10, seats_taken=1
    )
    workshop = Session.objects.create(event=event, title="Workshop", capacity=1, seats_taken=1)
    for n, status in enumerate(["aangemeld", "wachtlijst", "geannuleerd"]):
        Registration.objects.create(
            event=event,
            session=workshop,
            name=f"D{n}",
            email=f"d{n}@voorbeeld.nl",
            status=status,
            token=f"t{n}",
            confirm_token=f"c{n}",
        )
    Registration.objects.create(
        event=event, name="Zonder", email="z@voorbeeld.nl", status="aangemeld", token="tz", confirm_token="cz"
    )
    try:
        apps = migrate(AFTER)
        SessionChoice = apps.get_model("connect", "SessionChoice")
        choices = dict(SessionChoice.objects.values_list("registration__email", "status"))
        assert choices == {
            "d0@voorbeeld.nl": "aangemeld",
            "d1@voorbeeld.nl": "wachtlijst",
            "d2@voorbeeld.nl": "geannuleerd",
        }
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
