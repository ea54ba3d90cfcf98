"""Permissions of Naleving: its staff run the campaigns; the board reads them; a gemeente answers with its
personal link (the signed token is the permission, checked by the service)."""

import rules

from meent.core.access import has_role, is_bestuur
from meent.core.roles import Role

is_naleving = has_role(Role.NALEVING)

rules.add_perm("naleving.view_campaigns", is_naleving | is_bestuur)
rules.add_perm("naleving.manage_campaigns", is_naleving)
rules.add_perm("naleving.answer_campaign", rules.always_allow)

is_gemeente_account = rules.predicate(
    lambda user: bool(user.is_authenticated and user.is_active and user.gemeente and not user.is_staff_member),
    name="naleving_gemeente_account",
)
rules.add_perm("naleving.view_roadmaps", is_naleving | is_bestuur | is_gemeente_account)
rules.add_perm("naleving.view_heat_map", is_naleving | is_bestuur)
rules.add_perm("naleving.record_progress", is_naleving | is_gemeente_account)  # which gemeente: roadmaps.may_record

# Global Goals gemeenten are public: who committed to the UN goals is meant to be known.
rules.add_perm("naleving.view_global_goals", rules.always_allow)
rules.add_perm("naleving.manage_global_goals", is_naleving)
rules.add_perm("naleving.view_programmes", is_naleving | is_bestuur)
rules.add_perm("naleving.manage_programmes", is_naleving)
