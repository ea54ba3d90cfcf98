from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry("naleving.campagnes", "naleving:campaign-list", _("Campagnes"), "naleving.view_campaigns", 500),
    NavigationEntry(
        "naleving.global_goals", "naleving:global-goals", _("Global Goals-gemeenten"), "naleving.view_global_goals", 520
    ),
    NavigationEntry(
        "naleving.programmas", "naleving:programme-list", _("Programma's"), "naleving.view_programmes", 515
    ),
    NavigationEntry("naleving.routekaarten", "naleving:roadmap-list", _("Routekaarten"), "naleving.view_roadmaps", 510),
):
    navigation.register(entry)
