"""The registry's section of the gemeente 360° page (``meent.core.registry.gemeente_sections``): the gemeente's
place in the division, its herindelingen, and the people with a role there (for those who may see them)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.leden import selectors
from meent.leden.models import Gemeente


def gemeente_section(request: HttpRequest, gemeente: Gemeente) -> dict | None:
    may_see_contacts = request.user.has_perm("leden.view_gemeente_contacts", gemeente)
    return {
        "title": gettext_lazy("Gemeente en contactpersonen"),
        "template": "leden/_gemeente_section.html",
        "url": reverse("leden:gemeente-detail", args=[gemeente.code]),
        "gemeente": gemeente,
        "contacts": list(selectors.contacts_of(gemeente)) if may_see_contacts else None,
        "mergers": selectors.mergers_of(gemeente),
    }


gemeente_sections.register(GemeenteSection("leden.gemeente", gemeente_section, order=100))
