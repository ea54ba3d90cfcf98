from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from meent.core.oidc import SSO_SESSION_KEY
from meent.core.tenancy import scope_for

EXEMPT_PREFIXES = ("/account/", "/static/", "/i18n/", "/health", "/oidc/")


class StaffTwoFactorMiddleware:
    """Staff accounts pass a second factor before they see anything; gemeente accounts may opt in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.MEENT_STAFF_2FA
            and user.is_authenticated
            and user.is_staff_member
            and not user.is_verified()
            and not request.session.get(SSO_SESSION_KEY)
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                from meent.api.problems import problem_response

                return problem_response(request, 403, detail="Tweestapsverificatie is vereist voor medewerkers.")
            return redirect("two_factor:setup")
        return self.get_response(request)


class TenantScopeMiddleware:
    """Run the whole request inside its account's tenant scope (see ``meent.core.tenancy``).

    API clients authenticate with a token header that DRF would only read inside the view; it is read here
    too, so the scope is right before any query runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.token_auth = TokenAuthentication()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.META.get("HTTP_AUTHORIZATION", "").startswith("Token "):
            try:
                result = self.token_auth.authenticate(request)
            except AuthenticationFailed:
                result = None  # DRF answers 401 in the view itself
            if result:
                request.user = result[0]
        with scope_for(request.user):
            return self.get_response(request)
