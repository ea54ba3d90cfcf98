"""Permissions of the helpdesk. International staff (and the board) run it; an expert reads and answers only the
questions assigned to them; partners need no account (their links are signed)."""

import rules

from meent.core.access import company_staff, is_signed_in
from meent.core.roles import Role

is_international = company_staff(Role.INTERNATIONAL)


@rules.predicate
def is_expert(user) -> bool:
    from meent.international.crit.models import Expert

    return bool(is_signed_in(user) and Expert.objects.filter(account=user, active=True).exists())


@rules.predicate
def is_assigned(user, question) -> bool:
    return bool(
        question is not None and is_signed_in(user) and question.assignments.filter(expert__account=user).exists()
    )


rules.add_perm("crit.ask", rules.always_allow)  # the public form, and the signed links it mails
rules.add_perm("crit.manage", is_international)
rules.add_perm("crit.view_questions", is_international | is_expert)
rules.add_perm("crit.view_question", is_international | is_assigned)
rules.add_perm("crit.answer", is_international | is_assigned)
rules.add_perm("crit.view_summaries", is_signed_in)  # the sounding board: Dutch gemeenten and staff
rules.add_perm("crit.view_figures", is_international)
