"""The panel on the home page and the section of the gemeente 360° page (registered in ``meent.core.registry``)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from meent.core.registry import GemeenteSection, Page, Panel, gemeente_sections, panels
from meent.realisatie.benchmark import selectors
from meent.realisatie.benchmark.models import Area


def home_panel(request: HttpRequest) -> dict | None:
    weeks = selectors.corona_weeks()
    return {
        "title": _("Waar staat je gemeente"),
        "template": "benchmark/_home_panel.html",
        "week": weeks[-1] if weeks else None,
    }


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    """Open data: the profile link and a few key indicators, for anyone; nothing for a gemeente without figures."""
    try:
        area = selectors.gemeente_area(gemeente.code)
    except Area.DoesNotExist:
        return None
    return {
        "title": _("Waar staat je gemeente"),
        "template": "benchmark/_gemeente_section.html",
        "url": reverse("benchmark:profile", args=[area.code]),
        "gemeente": gemeente,
        "rows": selectors.key_indicators(area),
    }


panels.register(Panel("benchmark.home", Page.HOME, home_panel, order=400))
gemeente_sections.register(GemeenteSection("benchmark.gemeente", gemeente_section, order=400))
