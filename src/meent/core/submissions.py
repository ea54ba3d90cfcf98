"""One record per form submission: a form that creates something carries a fresh key (:class:`SubmissionKeyField`),
and :func:`create_once` runs the creation only for the first request with that key. A double click or a resent
POST then leads to the record the first request made instead of creating a second one."""

import uuid
from collections.abc import Callable

from django import forms
from django.core.cache import cache

PENDING = "pending"
TIMEOUT = 24 * 3600  # a form left open longer than a day gets a new key when it is opened again


class SubmissionKeyField(forms.UUIDField):
    def __init__(self, **kwargs):
        super().__init__(required=False, widget=forms.HiddenInput, initial=uuid.uuid4, **kwargs)


def create_once(scope: str, key: uuid.UUID | None, create: Callable[[], int]) -> tuple[int | None, bool]:
    """``(pk, created)``: the new record's number and ``True``, or for a repeated key the first request's number
    (``None`` while that request is still running) and ``False``. Without a key every call creates."""
    if key is None:
        return create(), True
    cache_key = f"submission:{scope}:{key}"
    if not cache.add(cache_key, PENDING, TIMEOUT):
        value = cache.get(cache_key)
        return (None if value == PENDING else value), False
    try:
        pk = create()
    except BaseException:
        cache.delete(cache_key)
        raise
    cache.set(cache_key, pk, TIMEOUT)
    return pk, True
