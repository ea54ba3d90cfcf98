from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("Naleving")

for entry in (
    NavigationEntry(
        "naleving.campagnes", "naleving:campaign-list", _("Campagnes"), "naleving.view_campaigns", 500, group=GROUP
    ),
    NavigationEntry(
        "naleving.global_goals",
        "naleving:global-goals",
        _("Global Goals-gemeenten"),
        "naleving.view_global_goals",
        520,
        group=GROUP,
    ),
    NavigationEntry(
        "naleving.programmas", "naleving:programme-list", _("Programma's"), "naleving.view_programmes", 515, group=GROUP
    ),
    NavigationEntry(
        "naleving.routekaarten", "naleving:roadmap-list", _("Routekaarten"), "naleving.view_roadmaps", 510, group=GROUP
    ),
):
    navigation.register(entry)
