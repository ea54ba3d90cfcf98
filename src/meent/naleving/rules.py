"""Permissions of Naleving: its staff run the campaigns; the board reads them; a gemeente answers with its
personal link (the signed token is the permission, checked by the service)."""

import rules

from meent.core.access import has_role, is_bestuur
from meent.core.roles import Role

is_naleving = has_role(Role.NALEVING)

rules.add_perm("naleving.view_campaigns", is_naleving | is_bestuur)
rules.add_perm("naleving.manage_campaigns", is_naleving)
rules.add_perm("naleving.answer_campaign", rules.always_allow)
