from django.http import HttpRequest

from meent.core.registry import navigation as registry


def navigation(request: HttpRequest) -> dict:
    """The main menu: every registered entry the user may open, in the entries' order."""
    return {"main_navigation": registry.for_request(request)}
