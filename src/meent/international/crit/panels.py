"""The helpdesk's section of the gemeente 360° page: the gemeente's (former) officials in the expert pool and the
questions they answered. Staff of International see it for every gemeente; a gemeente account for its own."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.registry import GemeenteSection, gemeente_sections
from meent.international.crit import selectors


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    user = request.user
    is_staff = user.has_perm("crit.manage")
    own = getattr(user, "is_authenticated", False) and user.gemeente is not None and user.gemeente.pk == gemeente.pk
    if not (is_staff or own):
        return None
    officials = list(selectors.officials_of(gemeente))
    if not officials:
        return None
    return {
        "title": gettext_lazy("CriT-helpdesk: experts uit deze gemeente"),
        "template": "crit/gemeente_section.html",
        "url": reverse("crit:pool") if is_staff else "",
        "officials": officials,
        "answered": sum(o.answered for o in officials),
    }


gemeente_sections.register(GemeenteSection("crit.experts", gemeente_section, order=730))
