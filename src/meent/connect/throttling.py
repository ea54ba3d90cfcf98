"""One limit on public registrations per client address, shared by the API and the HTML form: the counter lives in
Django's cache (Redis in production, so every worker sees it) under the same key for both. The rate comes from the
``CONNECT_REGISTRATION_RATE`` setting (environment variable of the same name), e.g. ``20/minute``; empty switches
the limit off."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class RegistrationThrottle(SimpleRateThrottle):
    scope = "connect_aanmelden"

    def get_rate(self) -> str | None:
        return getattr(settings, "CONNECT_REGISTRATION_RATE", None) or None

    def get_cache_key(self, request: Request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def retry_seconds(wait: float | None) -> int:
    return max(int(wait or 0) + 1, 1)


def refusal(wait: float | None) -> str:
    return _("U hebt zich te vaak kort na elkaar aangemeld. Probeer het over %(n)d seconden opnieuw.") % {
        "n": retry_seconds(wait)
    }
