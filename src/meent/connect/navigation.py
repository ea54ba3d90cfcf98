from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("Connect")

for entry in (
    NavigationEntry(
        "connect.evenementen", "connect:event-list", _("Evenementen"), "connect.view_event", 200, group=GROUP
    ),
    NavigationEntry("connect.academie", "connect:course-list", _("Academie"), "connect.view_course", 210, group=GROUP),
    NavigationEntry(
        "connect.trainees", "connect:trainee-overview", _("Trainees"), "connect.view_trainee", 220, group=GROUP
    ),
    NavigationEntry(
        "connect.cijfers", "connect:figures", _("Cijfers Connect"), "connect.view_figures", 230, group=GROUP
    ),
):
    navigation.register(entry)
