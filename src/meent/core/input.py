"""Hostile input, handled once for every form, page and API call.

- Control characters (other than tab, line feed and carriage return) have no place in anything a person types and
  break the XML inside XLSX files: :class:`ControlCharacterMiddleware` drops them from every query string and form
  post before any view or form sees them; the API's JSON parser (:mod:`meent.api.parsers`) does the same for JSON.
- Numbers in URLs and form fields are bounded to what the database can hold (:class:`IdConverter`,
  :func:`parse_id`), so an absurd number is "not found" or a field error, never a crash.
"""

import re
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import register_converter

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_ID = connection.ops.integer_field_range("BigAutoField")[1]


def strip_control_characters(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value)


def _clean_query_dict(data: QueryDict) -> QueryDict | None:
    """A copy without control characters, or ``None`` when there were none."""
    if not any(CONTROL_CHARACTERS.search(k + "".join(vs)) for k, vs in data.lists()):
        return None
    clean = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        clean.setlist(strip_control_characters(key), [strip_control_characters(v) for v in values])
    clean._mutable = False
    return clean


class ControlCharacterMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (clean := _clean_query_dict(request.GET)) is not None:
            request.GET = clean
        is_form = request.method == "POST" and request.content_type in FORM_CONTENT_TYPES
        if is_form and (clean := _clean_query_dict(request.POST)) is not None:
            request.POST = clean
        return self.get_response(request)


def parse_id(value: str | None) -> int | None:
    """A record number typed or posted: ASCII digits within the database's range, else ``None`` (``int()`` alone
    accepts "²"-like digits it then cannot convert, and numbers no database column holds)."""
    if not value or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """``<id:pk>`` in a URL: a record number the database can hold; anything longer is a plain 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
