"""API keys of machine clients (``Authorization: Token <key>``), accepted only under ``/api/``.

:class:`meent.core.middleware.TenantScopeMiddleware` checks the key before the view runs (so the tenant scope is
the key's account); this class hands DRF the same result. The rules: ``meent.leden.services.authenticate_token``.
"""

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

KEYWORD = "Token"
# The API module of a view is the app its code lives in.
MODULES = {
    "meent.leden.": "leden",
    "meent.connect.": "connect",
    "meent.realisatie.ibd.": "ibd",
    "meent.realisatie.benchmark.": "benchmark",
    "meent.risicobeheer.": "risicobeheer",
    "meent.realisatie.inkoop.": "inkoop",
    "meent.naleving.": "naleving",
    "meent.international.": "international",
    "meent.jaarverslag.": "jaarverslag",
}


def view_of(path: str):
    try:
        callback = resolve(path).func
    except Resolver404:
        return None
    return getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback


def is_public(path: str) -> bool:
    """Public documents and reference data read no credentials at all (a stale key there is no 401)."""
    view = view_of(path)
    return view is not None and getattr(view, "authentication_classes", None) == []


def module_of(path: str) -> str | None:
    """The API module a path belongs to; ``None`` for the shared documents (OpenAPI) and unknown paths."""
    view = view_of(path)
    if view is None:
        return None
    name = f"{view.__module__}."
    return next((module for prefix, module in MODULES.items() if name.startswith(prefix)), None)


def key_from(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    keyword, _, key = header.partition(" ")
    return key.strip() if keyword == KEYWORD else None


def authenticate_request(request: HttpRequest):
    """The machine token of this request, checked once per request (middleware and DRF share the result)."""
    from meent.leden.services import authenticate_token

    if not hasattr(request, "machine_token"):
        request.machine_token = authenticate_token(
            key_from(request) or "", method=request.method or "GET", module=module_of(request.path_info)
        )
    return request.machine_token


class MachineTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request):
        from meent.leden.services import TokenRefused

        auth = get_authorization_header(request).split()
        if not auth or auth[0].decode(errors="replace") != KEYWORD or not request.path.startswith("/api/"):
            return None  # a key opens the API only, wherever a DRF view is mounted
        try:
            token = authenticate_request(request._request)
        except TokenRefused as refused:
            if refused.status == 401:
                raise exceptions.AuthenticationFailed(refused.detail) from refused
            raise exceptions.PermissionDenied(refused.detail) from refused
        return token.client.account, token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class MachineTokenScheme(OpenApiAuthenticationExtension):
    target_class = MachineTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        from meent.leden.models import ApiModule

        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "API-sleutel van een machineclient: `Token <sleutel>`. Een sleutel hoort bij één "
            "account, verloopt, kan worden ingetrokken, is alleen-lezen tenzij anders toegekend en geldt alleen "
            "voor de toegekende modules (" + ", ".join(ApiModule.values) + "). Aanmaken: `meent token create`.",
        }
