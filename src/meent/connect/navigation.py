from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry("connect.evenementen", "connect:event-list", _("Evenementen"), "connect.view_event", 200),
    NavigationEntry("connect.academie", "connect:course-list", _("Academie"), "connect.view_course", 210),
    NavigationEntry("connect.trainees", "connect:trainee-overview", _("Trainees"), "connect.view_trainee", 220),
    NavigationEntry("connect.cijfers", "connect:figures", _("Cijfers Connect"), "connect.view_figures", 230),
):
    navigation.register(entry)
