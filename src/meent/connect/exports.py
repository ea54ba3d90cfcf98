"""Participant lists, evaluation results (as rows for :mod:`meent.core.exports`) and calendar files."""

import datetime
from collections.abc import Iterable

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from meent.connect.models import Evaluation, Event, Registration, SessionChoice
from meent.core.links import absolute_url


def _session_label(choice: SessionChoice) -> str:
    if choice.status == SessionChoice.Status.WACHTLIJST:
        return _("%(session)s (wachtlijst)") % {"session": choice.session.title}
    return choice.session.title


def participant_rows(registrations: Iterable[Registration]) -> list[list]:
    return [
        [
            r.name,
            r.email,
            r.organisation_name,
            "; ".join(_session_label(c) for c in r.active_choices),
            r.get_status_display(),
            _("ja") if r.is_confirmed else _("nee"),
            r.created_at,
        ]
        for r in registrations
    ]


def evaluation_rows(evaluations: Iterable[Evaluation]) -> list[list]:
    return [[e.overall, e.content, e.speakers, e.organisation, e.comment, e.submitted_at] for e in evaluations]


def icalendar_response(event: Event) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Meent//Connect//NL")
    calendar.add("version", "2.0")
    entry = CalendarEvent()
    entry.add("uid", f"connect-evenement-{event.pk}@meent.example")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("sequence", event.changes.count())  # calendars replace the entry they had when this increases
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    entry.add("url", absolute_url(reverse("connect:event-detail", args=[event.pk])))
    if event.venue and event.format != Event.Format.DIGITAAL:
        entry.add("location", event.venue)
    if event.description:
        entry.add("description", event.description)
    calendar.add_component(entry)
    sequence = entry["sequence"]
    for session in event.sessions.filter(starts_at__isnull=False).order_by("starts_at", "title"):
        # One entry per programme part, tied to the event's entry, so a calendar shows when each session is; a
        # session without an end lasts until the next part of the day, which the calendar cannot know: one hour.
        part = CalendarEvent()
        part.add("uid", f"connect-sessie-{session.pk}@meent.example")
        part.add("dtstamp", timezone.now())
        part.add("dtstart", session.starts_at)
        part.add("dtend", session.ends_at or session.starts_at + datetime.timedelta(hours=1))
        part.add("summary", f"{session.title} ({event.title})")
        part.add("sequence", sequence)
        part.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        part.add("related-to", f"connect-evenement-{event.pk}@meent.example", parameters={"RELTYPE": "PARENT"})
        if event.venue and event.format != Event.Format.DIGITAAL:
            part.add("location", event.venue)
        calendar.add_component(part)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evenement-{event.pk}.ics"'
    return response
