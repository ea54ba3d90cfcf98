import rules

from meent.core.access import is_bestuur, is_own_gemeente, is_staff_member

# The registry of gemeenten is public reference data (CBS, CC BY 4.0).
rules.add_perm("leden.view_gemeente", rules.always_allow)
rules.add_perm("leden.view_gemeente_contacts", is_staff_member | is_own_gemeente)
rules.add_perm("leden.view_organisation", is_staff_member)
rules.add_perm("leden.view_person", is_staff_member)
rules.add_perm("leden.view_membership", is_staff_member)
for model in (
    "gemeente",
    "province",
    "veiligheidsregio",
    "succession",
    "population",
    "organisation",
    "person",
    "membership",
    "account",
):
    rules.add_perm(f"leden.add_{model}", is_bestuur)
    rules.add_perm(f"leden.change_{model}", is_bestuur)
    rules.add_perm(f"leden.delete_{model}", is_bestuur)
for model in ("province", "veiligheidsregio", "succession", "population", "account"):
    rules.add_perm(f"leden.view_{model}", is_bestuur)
# Roles change only through a request a second administrator approves (services.approve_role_change);
# requests are never edited or deleted: they are the record of who asked, who decided, and why.
rules.add_perm("leden.view_rolechangerequest", is_bestuur)
rules.add_perm("leden.add_rolechangerequest", is_bestuur)
rules.add_perm("leden.approve_rolechangerequest", is_bestuur)
# Machine clients act for their own account only (services.create_machine_client); keys are revoked, not edited.
rules.add_perm("leden.view_machineclient", is_bestuur)
rules.add_perm("leden.add_machineclient", is_bestuur)
rules.add_perm("leden.view_apitoken", is_bestuur)
rules.add_perm("leden.add_apitoken", is_bestuur)
rules.add_perm("leden.revoke_apitoken", is_bestuur)
