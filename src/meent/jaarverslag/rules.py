"""Who may do what with the annual report. Published reports are public; drafts only for staff; communications
staff and the board write and publish. The records behind a figure are for signed-in users, and then only as far
as the figure's own module lets that user see them (``Figure.records(year, user)``)."""

import rules

from meent.core.access import company_staff, is_signed_in, is_staff_member
from meent.core.roles import Role

is_editor = company_staff(Role.COMMUNICATIE)


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.publications.exists()


rules.add_perm("jaarverslag.view_index", rules.always_allow)
rules.add_perm("jaarverslag.view_report", is_published | is_staff_member)
rules.add_perm("jaarverslag.view_drafts", is_staff_member)
rules.add_perm("jaarverslag.edit_report", is_editor)
rules.add_perm("jaarverslag.view_figure", rules.always_allow)
rules.add_perm("jaarverslag.view_figure_records", is_signed_in)
