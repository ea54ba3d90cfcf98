from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Modules add their own entries: (url name, label, permission).
NAVIGATION: list[tuple[str, str, str]] = [
    ("leden:gemeente-list", _("Gemeenten"), "leden.view_gemeente"),
    ("leden:organisation-list", _("Organisaties"), "leden.view_organisation"),
    ("core:mijn-gemeente", _("Mijn gemeente"), "core.view_mijn_gemeente"),
    ("core:auditlog", _("Audittrail"), "core.view_auditlog"),
]


def register_navigation(url_name: str, label: str, permission: str) -> None:
    if not any(entry[0] == url_name for entry in NAVIGATION):
        NAVIGATION.insert(len(NAVIGATION) - 2, (url_name, label, permission))


def navigation(request: HttpRequest) -> dict:
    user = request.user
    items = [
        {"url": reverse(name), "label": label, "current": request.path.startswith(reverse(name))}
        for name, label, perm in NAVIGATION
        if user.has_perm(perm)
    ]
    return {"main_navigation": items}
