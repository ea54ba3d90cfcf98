from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry("fonds.fondsen", "fonds:fund-list", _("Subsidiefonds"), "fonds.view_funds", 720),
    NavigationEntry("fonds.mijn_aanvragen", "fonds:application-list", _("Mijn aanvragen"), "fonds.apply", 721),
):
    navigation.register(entry)
