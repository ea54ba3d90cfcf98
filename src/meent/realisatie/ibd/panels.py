"""The IBD's panel on the home page and its section of the gemeente 360° page (registered in
``meent.core.registry``)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from meent.core.audit import log_read
from meent.core.registry import GemeenteSection, Page, Panel, gemeente_sections, panels
from meent.realisatie.ibd import selectors
from meent.realisatie.ibd.visibility import is_analyst


def home_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not user.has_perm("ibd.view_incident_list"):
        return None
    counts = selectors.open_counts_for_panel(user)
    return {
        "title": gettext_lazy("IBD-incidenten"),
        "template": "ibd/panel.html",
        "counts": counts,
        "is_analyst": is_analyst(user),
        "can_report": user.has_perm("ibd.report_incident"),
    }


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    """The gemeente's incidents that the viewer's TLP markings allow, counted and listed alike (nothing hidden is
    counted); nothing for a viewer outside the community (the board sees only the anonymous figures)."""
    user = request.user
    if not user.has_perm("ibd.view_incident_list"):
        return None
    incidents = selectors.gemeente_incidents(user, gemeente)
    for incident in incidents.latest:  # shown by number and title, as on the list, which logs its reads too
        log_read(user, incident)
    query = urlencode({"toon": "alle", "gemeente": gemeente.code})
    return {
        "title": gettext_lazy("IBD-incidenten"),
        "template": "ibd/_gemeente_section.html",
        "url": f"{reverse('ibd:incident-list')}?{query}",
        "incidents": incidents,
    }


panels.register(Panel("ibd.home", Page.HOME, home_panel, order=300))
gemeente_sections.register(GemeenteSection("ibd.gemeente", gemeente_section, order=300))
