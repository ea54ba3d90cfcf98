from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry("ibd.incidenten", "ibd:incident-list", _("Incidenten"), "ibd.view_incident_list", 300),
    NavigationEntry("ibd.adviezen", "ibd:advisory-list", _("Beveiligingsadviezen"), "ibd.view_advisory_list", 310),
    NavigationEntry("ibd.cijfers", "ibd:figures", _("IBD-cijfers"), "ibd.view_figures", 320),
):
    navigation.register(entry)
