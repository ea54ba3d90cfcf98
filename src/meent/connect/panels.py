"""Connect's panel on the home page (registered in ``meent.core.registry.panels``)."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from meent.connect import selectors
from meent.core.registry import Page, Panel, panels


def home_panel(request: HttpRequest) -> dict | None:
    upcoming = list(selectors.catalogue(upcoming=True, include_cancelled=False)[:3])
    return {
        "title": gettext_lazy("Evenementen en trainingen"),
        "template": "connect/panel.html",
        "events": upcoming,
        "is_organiser": request.user.has_perm("connect.manage_event"),
    }


panels.register(Panel("connect.home", Page.HOME, home_panel, order=200))
