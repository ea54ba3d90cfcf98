"""Building blocks of the access policy. Each app's ``rules.py`` combines these into named permissions; views,
API and admin ask only ``user.has_perm(name, obj)``. Nothing is allowed unless a rule says so."""

from typing import TYPE_CHECKING

import rules
from rules.permissions import ObjectPermissionBackend, permissions

from meent.core.roles import Role

if TYPE_CHECKING:
    from meent.leden.models import Visitor


@rules.predicate
def is_signed_in(user: "Visitor") -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_staff_member(user: "Visitor") -> bool:
    return bool(is_signed_in(user) and user.is_staff_member)


@rules.predicate
def is_gemeente_account(user: "Visitor") -> bool:
    return bool(is_signed_in(user) and user.gemeente is not None and not user.is_staff_member)


def has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"has_role:{role.value}")
    def predicate(user: "Visitor") -> bool:
        return bool(is_signed_in(user) and user.has_role(role))

    return predicate


is_bestuur = has_role(Role.BESTUUR)


@rules.predicate
def is_own_gemeente(user: "Visitor", obj) -> bool:
    """``obj`` is the user's gemeente, or a record that belongs to it (has a ``gemeente`` attribute)."""
    if obj is None or not is_signed_in(user) or user.gemeente is None:
        return False
    gemeente_id = obj.pk if obj.__class__.__name__ == "Gemeente" else getattr(obj, "gemeente_id", None)
    return gemeente_id is not None and gemeente_id == user.gemeente.pk


def company_staff(role: Role) -> rules.Predicate:
    """Staff of one company, and the association's board/administrators, who oversee all companies."""
    return has_role(role) | is_bestuur


rules.add_perm("core.view_home", rules.always_allow)
rules.add_perm("core.view_health", rules.always_allow)
rules.add_perm("core.view_mijn_gemeente", is_gemeente_account)
# A gemeente's 360° page: staff for any gemeente, a gemeente account for its own only.
rules.add_perm("core.view_gemeente_360", is_staff_member | is_own_gemeente)
rules.add_perm("core.view_auditlog", is_bestuur)
rules.add_perm("core.disable_second_factor", is_signed_in)


class RulesBackend(ObjectPermissionBackend):
    """The rules above, also for the admin index: an app shows there when one of its models may be viewed, added,
    changed or deleted, so the index lists exactly what the model pages open."""

    def has_module_perms(self, user: "Visitor", app_label: str) -> bool:
        prefix = f"{app_label}."
        actions = ("view_", "add_", "change_", "delete_")
        return any(
            name.startswith(prefix) and name[len(prefix) :].startswith(actions) and permissions.test_rule(name, user)
            for name in list(permissions.keys())
        )
