"""The IBD's panel on the home page and on "Mijn gemeente" (registered in ``meent.core.registry.panels``)."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from meent.core.registry import Page, Panel, panels
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


panels.register(Panel("ibd.home", Page.HOME, home_panel, order=300))
panels.register(Panel("ibd.mijn_gemeente", Page.MIJN_GEMEENTE, home_panel, order=300))
