"""Absolute links for what leaves the platform (mail, exports): background tasks run outside any request, so the
address comes from the ``MEENT_BASE_URL`` setting."""

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    return settings.MEENT_BASE_URL + path


def absolute_reverse(view_name: str, *args) -> str:
    return absolute_url(reverse(view_name, args=args))
