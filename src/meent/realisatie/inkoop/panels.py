"""The procurement section of the gemeente 360° page: the contracts the gemeente takes part in and what they
save it, as far as the viewer may see (a gemeente account only its own gemeente, Realisatie staff any)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.realisatie.inkoop import selectors


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    user = request.user
    if not user.has_perm("inkoop.view_contracts"):
        return None
    if not selectors.is_procurement_staff(user) and (user.gemeente is None or user.gemeente.pk != gemeente.pk):
        return None
    summary = selectors.gemeente_summary(gemeente, user)
    if summary is None:
        return None
    return {
        "title": gettext_lazy("Gezamenlijke inkoop"),
        "template": "inkoop/gemeente_section.html",
        "url": reverse("inkoop:contract-list"),
        "gemeente": gemeente,
        **summary,
    }


gemeente_sections.register(GemeenteSection("inkoop.contracten", gemeente_section, order=440))
