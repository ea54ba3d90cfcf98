"""Connect as an event source for other modules (``meent.core.registry.event_sources``): the planned events an
organisation commissions, linked to Connect's own pages."""

import pytest

from meent.connect.models import Event
from meent.connect.tests.factories import EventFactory
from meent.core.registry import event_sources
from meent.leden.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_events_an_organisation_commissions_link_to_connect():
    platform = Organisation.objects.create(name="Risico Platform Overheden", kind=Organisation.Kind.PARTNER)
    training = EventFactory(title="Training scenariodenken", kind=Event.Kind.TRAININGSDAG)
    training.commissioners.add(platform)
    cancelled = EventFactory(status=Event.Status.GEANNULEERD)
    cancelled.commissioners.add(platform)
    EventFactory(title="Van een ander")
    events = event_sources.for_organiser(platform.pk)
    assert [(e.title, e.kind, e.url) for e in events] == [
        ("Training scenariodenken", "Trainingsdag", f"/evenementen/{training.pk}/")
    ]
