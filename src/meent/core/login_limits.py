"""Login limits beyond django-axes' lockout per username and address.

One password tried across many usernames (password spraying) and a flood of failed logins from many addresses
pass a per-username lockout. This backend, first in ``AUTHENTICATION_BACKENDS``, refuses every login while the
failed attempts with the same password, or all failed attempts together, exceed their limit within the window.
The password is counted under a keyed hash (HMAC with ``SECRET_KEY``), never stored. Counters live in the cache
(Redis in production, so all workers share them).
"""

import hashlib
import hmac
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

if TYPE_CHECKING:
    from meent.leden.models import Account

REQUEST_ATTRIBUTE = "_meent_password_key"


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's address. Each of the ``MEENT_TRUSTED_PROXIES`` proxies appends the address it received the
    request from to ``MEENT_CLIENT_IP_HEADER``; the entry the outermost trusted proxy added is the client
    (anything to its left the client may have forged). The same rule as DRF's ``NUM_PROXIES``."""
    count = settings.MEENT_TRUSTED_PROXIES
    if count:
        addresses = [a.strip() for a in request.META.get(settings.MEENT_CLIENT_IP_HEADER, "").split(",") if a.strip()]
        if addresses:
            return addresses[-min(count, len(addresses))]
    return request.META.get("REMOTE_ADDR")


def _window() -> int:
    return int(time.time() // (settings.MEENT_LOGIN_WINDOW_MINUTES * 60))


def password_key(password: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), password.encode(errors="replace"), hashlib.sha256).hexdigest()
    return f"meent:login:password:{_window()}:{digest}"


def global_key() -> str:
    return f"meent:login:all:{_window()}"


def _count(key: str) -> int:
    return int(cache.get(key, 0))


def _increment(key: str) -> None:
    timeout = settings.MEENT_LOGIN_WINDOW_MINUTES * 60 * 2
    if not cache.add(key, 1, timeout):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout)


class LoginRateLimitBackend:
    """Authenticates nobody; refuses the whole attempt (``PermissionDenied`` stops Django's backend chain). It has
    no ``get_user``, so sessions (and ``force_login``) name the backend that did authenticate."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kw):
        if request is None or password is None:
            return None
        key = password_key(password)
        setattr(request, REQUEST_ATTRIBUTE, key)
        if (
            _count(key) >= settings.MEENT_LOGIN_PASSWORD_LIMIT
            or _count(global_key()) >= settings.MEENT_LOGIN_GLOBAL_LIMIT
        ):
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    key = getattr(request, REQUEST_ATTRIBUTE, None)
    if key is None:
        return
    _increment(key)
    _increment(global_key())


@receiver(user_logged_in)
def start_session_clock(sender, request: HttpRequest | None, user: "Account", **kwargs) -> None:
    from meent.core.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY

    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_SEEN_KEY] = now
