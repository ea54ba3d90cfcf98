import rules

from meent.core.access import company_staff, is_signed_in
from meent.core.roles import Role

is_connect_staff = company_staff(Role.CONNECT)

# The catalogue, event pages, registering and the personal pages (reached by their secret token) are public.
rules.add_perm("connect.view_event", rules.always_allow)
rules.add_perm("connect.add_registration", rules.always_allow)
rules.add_perm("connect.view_own_registration", rules.always_allow)
rules.add_perm("connect.view_course", rules.always_allow)
rules.add_perm("connect.view_my_registrations", is_signed_in)
# Organisers: Connect staff, and the board who oversee every company.
rules.add_perm("connect.manage_event", is_connect_staff)
rules.add_perm("connect.view_registration", is_connect_staff)
rules.add_perm("connect.view_evaluation", is_connect_staff)
rules.add_perm("connect.view_trainee", is_connect_staff)
rules.add_perm("connect.view_figures", is_connect_staff)
for model in (
    "event",
    "session",
    "registration",
    "eventchange",
    "sentmail",
    "evaluation",
    "trainer",
    "course",
    "edition",
    "trainingday",
    "cohort",
    "trainee",
    "employment",
    "assignment",
):
    for action in ("add", "change", "delete"):
        if f"connect.{action}_{model}" != "connect.add_registration":
            rules.add_perm(f"connect.{action}_{model}", is_connect_staff)
    if model not in ("event", "registration", "evaluation", "course", "trainee"):
        rules.add_perm(f"connect.view_{model}", is_connect_staff)
