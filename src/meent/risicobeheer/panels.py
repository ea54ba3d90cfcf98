"""Risicobeheer's section of the gemeente 360° page: the scenarios the gemeente shared and its register's summary,
as far as the viewer may see them."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.risicobeheer import selectors


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    user = request.user
    organisation = getattr(gemeente, "organisation", None)
    if organisation is None or not user.has_perm("risicobeheer.view_library"):
        return None
    scenarios = list(selectors.visible_scenarios(user).filter(author=organisation)[:10])
    register = selectors.register_for(user, organisation.pk)
    summary = selectors.register_summary(register) if register else None
    if not scenarios and summary is None:
        return None
    return {
        "title": gettext_lazy("Risicobeheer"),
        "template": "risicobeheer/section.html",
        "url": reverse("risicobeheer:scenario-list"),
        "scenarios": scenarios,
        "summary": summary,
        "register_url": reverse("risicobeheer:register-detail", args=[organisation.pk]) if register else "",
    }


gemeente_sections.register(GemeenteSection("risicobeheer.gemeente", gemeente_section, order=600))
