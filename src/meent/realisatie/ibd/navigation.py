from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("IBD")

for entry in (
    NavigationEntry("ibd.incidenten", "ibd:incident-list", _("Incidenten"), "ibd.view_incident_list", 300, group=GROUP),
    NavigationEntry(
        "ibd.adviezen", "ibd:advisory-list", _("Beveiligingsadviezen"), "ibd.view_advisory_list", 310, group=GROUP
    ),
    NavigationEntry("ibd.cijfers", "ibd:figures", _("IBD-cijfers"), "ibd.view_figures", 320, group=GROUP),
):
    navigation.register(entry)
