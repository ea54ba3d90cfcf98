"""Panels on the home page and on "Mijn gemeente" (registered in ``meent.core.registry.panels``)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from meent.core.registry import Page, Panel, panels
from meent.realisatie.benchmark import selectors


def home_panel(request: HttpRequest) -> dict | None:
    weeks = selectors.corona_weeks()
    return {
        "title": _("Waar staat je gemeente"),
        "template": "benchmark/_home_panel.html",
        "week": weeks[-1] if weeks else None,
    }


def mijn_gemeente_panel(request: HttpRequest) -> dict | None:
    gemeente = getattr(request.user, "gemeente", None)
    if gemeente is None:
        return None
    return {"title": _("Uw gemeente in cijfers"), "template": "benchmark/_gemeente_panel.html", "gemeente": gemeente}


panels.register(Panel("benchmark.home", Page.HOME, home_panel, order=400))
panels.register(Panel("benchmark.mijn_gemeente", Page.MIJN_GEMEENTE, mijn_gemeente_panel, order=400))
