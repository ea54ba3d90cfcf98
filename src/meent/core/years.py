"""The ``?jaar=`` parameter of every page that shows a year: a valid year or the default, never an error."""

from collections.abc import Collection

from django.http import HttpRequest
from django.utils import timezone

FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_parameter(
    request: HttpRequest, *, choices: Collection[int] | None = None, default: int | None = None, name: str = "jaar"
) -> int:
    """The year asked for in ``request.GET[name]`` if it is a whole number in ``choices`` (or, without choices,
    from 2000 to 2100); otherwise ``default``, which defaults to the latest choice or this year."""
    if default is None:
        default = max(choices) if choices else timezone.localdate().year
    raw = request.GET.get(name, "").strip()
    if not raw.isdecimal() or not raw.isascii():
        return default
    year = int(raw)
    valid = year in choices if choices else FIRST_YEAR <= year <= LAST_YEAR
    return year if valid else default
