"""Permissions of joint procurement. Realisatie staff (and the board) see and import everything; a gemeente
account sees the contracts its gemeente takes part in, and only its own figures of them."""

import rules

from meent.core.access import company_staff, is_gemeente_account
from meent.core.roles import Role

is_procurement_staff = company_staff(Role.REALISATIE)


@rules.predicate
def takes_part(user, contract) -> bool:
    from meent.realisatie.inkoop.models import Participation

    if contract is None or not is_gemeente_account(user):
        return False
    return Participation.unscoped.filter(contract=contract, gemeente=user.gemeente).exists()


rules.add_perm("inkoop.view_all", is_procurement_staff)
rules.add_perm("inkoop.view_contracts", is_procurement_staff | is_gemeente_account)
rules.add_perm("inkoop.view_contract", is_procurement_staff | takes_part)
rules.add_perm("inkoop.import_figures", is_procurement_staff)
rules.add_perm("inkoop.manage_contracts", is_procurement_staff)
rules.add_perm("inkoop.export", is_procurement_staff | is_gemeente_account)
