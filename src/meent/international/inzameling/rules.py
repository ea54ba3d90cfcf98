"""Permissions of the crowdfunding: the campaign page is public, staff of the association give, International
staff (and the board) run the campaigns and confirm receipts."""

import rules

from meent.core.access import company_staff, is_staff_member
from meent.core.roles import Role

rules.add_perm("inzameling.view_campaigns", rules.always_allow)
rules.add_perm("inzameling.pledge", is_staff_member)
rules.add_perm("inzameling.manage", company_staff(Role.INTERNATIONAL))
