"""Tenancy in the data layer (after pretix's use of django-scopes).

Models holding a gemeente's own records use ``ScopedManager(gemeente=...)``. A query on them without an active
scope raises ``ScopeError``, so a view that forgets to filter fails closed instead of leaking. Each request
runs in the scope of its account: staff see across gemeenten, a gemeente account only its own, anybody else
nothing.
"""

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from django_scopes import scope, scopes_disabled

if TYPE_CHECKING:
    from meent.leden.models import Visitor


def scope_for(user: "Visitor") -> AbstractContextManager:
    if user is not None and user.is_authenticated and user.is_active:
        if user.is_staff_member:
            return scopes_disabled()
        if user.gemeente is not None:
            return scope(gemeente=[user.gemeente.pk])
    return scope(gemeente=[])
