"""Permissions of the grant fund. International staff run it (the board looks on); an applicant's accounts see
their own organisation's applications; a reviewer sees the applications assigned to them. The services check
the same facts again for every write; these rules open the pages and endpoints."""

import rules

from meent.core.access import company_staff, has_role, is_signed_in
from meent.core.roles import Role

is_fund_staff = company_staff(Role.INTERNATIONAL)  # reads everything: International staff and the board
is_fund_manager = has_role(Role.INTERNATIONAL)  # writes: International staff only


@rules.predicate
def is_applicant(user) -> bool:
    from meent.international.fonds import selectors

    return bool(is_signed_in(user)) and selectors.applicant_of(user) is not None


@rules.predicate
def is_reviewer(user) -> bool:
    from meent.international.fonds.models import ReviewerAssignment

    return bool(is_signed_in(user)) and ReviewerAssignment.objects.filter(reviewer=user).exists()


@rules.predicate
def is_own_application(user, application) -> bool:
    from meent.international.fonds import selectors

    applicant = selectors.applicant_of(user) if is_signed_in(user) else None
    return application is not None and applicant is not None and application.applicant_id == applicant.pk


@rules.predicate
def is_assigned_reviewer(user, application) -> bool:
    return bool(
        application is not None and is_signed_in(user) and application.assignments.filter(reviewer=user).exists()
    )


rules.add_perm("fonds.view_calls", rules.always_allow)  # open calls are public
rules.add_perm("fonds.register", rules.always_allow)
rules.add_perm("fonds.view_funds", is_fund_staff)
rules.add_perm("fonds.manage", is_fund_manager)
rules.add_perm("fonds.apply", is_applicant)
rules.add_perm("fonds.view_reviews_assigned", is_reviewer)
rules.add_perm("fonds.read_applications", is_fund_staff | is_applicant | is_reviewer)
rules.add_perm("fonds.view_application", is_fund_staff | is_own_application | is_assigned_reviewer)
rules.add_perm("fonds.edit_application", is_own_application)
rules.add_perm("fonds.review_application", is_assigned_reviewer)
rules.add_perm("fonds.view_scores", is_fund_staff)  # reviewers' names and scores: never the applicant
rules.add_perm("fonds.manage_application", is_fund_manager)
