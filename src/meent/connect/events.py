"""Connect's events for other modules, through ``meent.core.registry.event_sources``: the events an organisation
commissions (a community's meetings and trainings), linked to Connect's own event pages."""

from django.urls import reverse

from meent.connect.models import Event
from meent.core.registry import EventRef, EventSource, event_sources


def for_organiser(organisation_pk: int) -> list[EventRef]:
    events = Event.objects.filter(commissioners=organisation_pk, status=Event.Status.GEPLAND).order_by("starts_at")
    return [
        EventRef(
            event.title, event.starts_at, event.get_kind_display(), reverse("connect:event-detail", args=[event.pk])
        )
        for event in events
    ]


event_sources.register(EventSource("connect", for_organiser, order=200))
