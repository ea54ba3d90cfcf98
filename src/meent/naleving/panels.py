"""Naleving on the gemeente 360° page: the gemeente's answers to the campaigns, with the person each answer named
(the role itself is in the registry, so "Mijn gemeente" lists that person among the gemeente's contacts). Staff
of Naleving and the board see any gemeente's; a gemeente account only its own."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.naleving import selectors


def _may_see(user, gemeente) -> bool:
    if user.has_perm("naleving.view_campaigns"):
        return True
    return bool(user.is_authenticated and not user.is_staff_member and user.gemeente == gemeente)


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    if gemeente is None or not _may_see(request.user, gemeente):
        return None
    rows = selectors.answers_for_panel(gemeente)
    if not rows:
        return None
    return {
        "title": gettext_lazy("Antwoorden op campagnes van Naleving"),
        "template": "naleving/panel.html",
        "url": "",
        "rows": rows,
    }


gemeente_sections.register(GemeenteSection("naleving.antwoorden", gemeente_section, order=500))
