"""Permissions of the portfolio: International staff work on it, the board reads everything, and published
projects (their pages and the IATI files) are public."""

import rules

from meent.core.access import has_role, is_bestuur
from meent.core.roles import Role

is_international = has_role(Role.INTERNATIONAL)


@rules.predicate
def is_published(user, project) -> bool:
    return project is not None and project.published


rules.add_perm("portfolio.view_portfolio", is_international | is_bestuur)
rules.add_perm("portfolio.change_status", is_international)
rules.add_perm("portfolio.view_public", rules.always_allow)
rules.add_perm("portfolio.view_public_project", is_published)
