"""The portfolio's section of the gemeente 360° page: the projects the gemeente's officials contributed to."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meent.core.access import is_own_gemeente
from meent.core.registry import GemeenteSection, gemeente_sections
from meent.international.portfolio import selectors


def gemeente_section(request: HttpRequest, gemeente) -> dict | None:
    user = request.user
    staff = user.has_perm("portfolio.view_portfolio")
    if not (staff or is_own_gemeente(user, gemeente)):
        return None
    contributions = list(selectors.contributions_of(gemeente))
    if not contributions:
        return None
    return {
        "title": gettext_lazy("Internationale projecten"),
        "template": "portfolio/gemeente_section.html",
        "url": reverse("portfolio:project-list") if staff else "",
        "contributions": contributions,
        "staff": staff,
    }


gemeente_sections.register(GemeenteSection("portfolio.gemeente", gemeente_section, order=700))
