"""Connect's panel on the home page and its section of the gemeente 360° page (registered in
``meent.core.registry``)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from meent.connect import selectors
from meent.core.registry import GemeenteSection, Page, Panel, gemeente_sections, panels
from meent.leden.models import Gemeente


def home_panel(request: HttpRequest) -> dict | None:
    upcoming = list(selectors.catalogue(upcoming=True, include_cancelled=False)[:3])
    return {
        "title": gettext_lazy("Evenementen en trainingen"),
        "template": "connect/panel.html",
        "events": upcoming,
        "is_organiser": request.user.has_perm("connect.manage_event"),
    }


def gemeente_section(request: HttpRequest, gemeente: Gemeente) -> dict | None:
    """Counts and event titles (public) for whoever may see the gemeente's page; trainees' names only for Connect
    staff."""
    activity = selectors.gemeente_activity(gemeente)
    if not activity.registrations and not activity.assignments:
        return None
    query = urlencode({"gemeente": gemeente.code, "periode": "alle"})
    return {
        "title": gettext_lazy("Congressen, trainingen en trainees"),
        "template": "connect/_gemeente_section.html",
        "url": f"{reverse('connect:event-list')}?{query}",
        "activity": activity,
        "show_trainees": request.user.has_perm("connect.view_trainee"),
    }


panels.register(Panel("connect.home", Page.HOME, home_panel, order=200))
gemeente_sections.register(GemeenteSection("connect.gemeente", gemeente_section, order=200))
