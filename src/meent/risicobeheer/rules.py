"""Permissions of Risicobeheer. Object rules take the record and defer to :mod:`.selectors`, so a page and the API
can never show a scenario its visibility hides or a register of another organisation."""

import rules

from meent.core.access import company_staff, has_role, is_gemeente_account, is_signed_in
from meent.core.roles import Role
from meent.risicobeheer import selectors

is_risicobeheer = company_staff(Role.RISICOBEHEER)  # Risicobeheer staff and the board
has_role_risicobeheer = has_role(Role.RISICOBEHEER)


@rules.predicate
def is_veiligheidsregio_account(user) -> bool:
    return selectors.is_veiligheidsregio_account(user)


@rules.predicate
def can_see_scenario(user, scenario) -> bool:
    return scenario is not None and selectors.visible_scenarios(user).filter(pk=scenario.pk).exists()


@rules.predicate
def is_author_of(user, scenario) -> bool:
    return scenario is not None and is_signed_in(user) and user.organisation_id == scenario.author_id


@rules.predicate
def can_see_register(user, register) -> bool:
    return register is not None and selectors.register_visible_to(user, register)


@rules.predicate
def keeps_register(user, register) -> bool:
    """The register is the user's own organisation's."""
    return register is not None and is_signed_in(user) and user.organisation_id == register.organisation_id


library_user = is_risicobeheer | is_gemeente_account | is_veiligheidsregio_account

rules.add_perm("risicobeheer.view_index", library_user)
rules.add_perm("risicobeheer.view_library", library_user)
rules.add_perm("risicobeheer.share_scenario", is_gemeente_account | is_veiligheidsregio_account | has_role_risicobeheer)
rules.add_perm("risicobeheer.view_scenario", can_see_scenario)
# A gemeente edits only its own scenarios; Risicobeheer staff keep the library as a whole.
rules.add_perm("risicobeheer.change_scenario", can_see_scenario & (is_author_of | is_risicobeheer))
rules.add_perm("risicobeheer.reuse_scenario", can_see_scenario & is_gemeente_account)
rules.add_perm("risicobeheer.view_registers", library_user)
rules.add_perm("risicobeheer.view_register", can_see_register)
rules.add_perm("risicobeheer.change_register", can_see_register & (keeps_register | is_risicobeheer))
rules.add_perm("risicobeheer.compare_registers", is_risicobeheer)
rules.add_perm("risicobeheer.view_pool", is_risicobeheer)
rules.add_perm("risicobeheer.manage_pool", has_role_risicobeheer)
rules.add_perm("risicobeheer.view_platform", is_signed_in)
rules.add_perm("risicobeheer.view_figures", is_risicobeheer)
