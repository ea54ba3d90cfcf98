"""Naleving on the gemeente 360° page: the gemeente's answers to the campaigns, with the person each answer named
(the role itself is in the registry, so "Mijn gemeente" lists that person among the gemeente's contacts), its
progress per roadmap step, and the seats its administrators hold on programme sounding boards. Staff of Naleving
and the board see any gemeente's; a gemeente account only its own."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.naleving import programmes, roadmaps, selectors


def _may_see(user, gemeente) -> bool:
    if user.has_perm("naleving.view_campaigns"):
        return True
    return bool(user.is_authenticated and not user.is_staff_member and user.gemeente == gemeente)


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    if gemeente is None or not _may_see(request.user, gemeente):
        return None
    rows = selectors.answers_for_panel(gemeente)
    progress = roadmaps.progress_of(gemeente)
    seats = programmes.seats_of(gemeente)
    if not rows and not progress and not seats:
        return None
    may_open = request.user.has_perm("naleving.view_programmes")
    return {
        "title": gettext_lazy("Naleving: campagnes, routekaarten en klankbordgroepen"),
        "template": "naleving/_gemeente_section.html",
        "url": reverse("naleving:programme-list") if may_open and seats else "",
        "gemeente": gemeente,
        "rows": rows,
        "roadmaps": progress,
        "may_open_roadmaps": request.user.has_perm("naleving.view_roadmaps"),
        "seats": seats,
        "may_open_programmes": may_open,
    }


gemeente_sections.register(GemeenteSection("naleving.antwoorden", gemeente_section, order=500))
