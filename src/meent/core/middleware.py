import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from meent.core.oidc import SSO_SESSION_KEY
from meent.core.tenancy import scope_for

EXEMPT_PREFIXES = ("/account/", "/static/", "/i18n/", "/health", "/oidc/")


SESSION_STARTED_KEY = "meent_session_started"
SESSION_SEEN_KEY = "meent_session_seen"
SEEN_RESOLUTION = 60  # seconds: the last-seen time is written at most once a minute, not on every request


class SessionLifetimeMiddleware:
    """A signed-in session lasts at most ``MEENT_SESSION_HOURS`` and ends after ``MEENT_SESSION_IDLE_MINUTES``
    without a request; then the account logs in again (with its second factor)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            seen = session.get(SESSION_SEEN_KEY, now)
            if (
                now - started > settings.MEENT_SESSION_HOURS * 3600
                or now - seen > settings.MEENT_SESSION_IDLE_MINUTES * 60
            ):
                logout(request)
                if request.path.startswith("/api/"):
                    from meent.api.problems import problem_response

                    return problem_response(request, 401, detail="Uw sessie is verlopen; meld u opnieuw aan.")
                return redirect_to_login(request.get_full_path())
            if now - seen >= SEEN_RESOLUTION or SESSION_SEEN_KEY not in session:
                session[SESSION_SEEN_KEY] = now
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """Staff accounts and gemeente security officers pass a second factor before they see anything; other gemeente
    accounts may opt in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.MEENT_STAFF_2FA
            and user.is_authenticated
            and user.requires_second_factor
            and not user.is_verified()
            and not request.session.get(SSO_SESSION_KEY)
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                from meent.api.problems import problem_response

                return problem_response(request, 403, detail="Tweestapsverificatie is vereist voor dit account.")
            return redirect("two_factor:setup")
        return self.get_response(request)


class TenantScopeMiddleware:
    """Run the whole request inside its account's tenant scope (see ``meent.core.tenancy``).

    Machine clients authenticate with an API key (``Authorization: Token …``), accepted only under ``/api/``;
    everywhere else the header is ignored and only the session counts (after the second factor, see above).
    The key is checked here, before any query runs, so the scope is the key's account.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            from meent.api.authentication import authenticate_request, is_public, key_from

            if key_from(request) is not None and not is_public(request.path_info):
                from meent.api.problems import problem_response
                from meent.leden.services import TokenRefused

                try:
                    with scope_for(None):
                        token = authenticate_request(request)
                except TokenRefused as refused:
                    response = problem_response(request, refused.status, detail=refused.detail)
                    if refused.status == 401:
                        response["WWW-Authenticate"] = "Token"
                    return response
                request.user = token.client.account
        with scope_for(request.user):
            return self.get_response(request)
