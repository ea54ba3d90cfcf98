from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down the International modules share in the main menu (the same label groups them).
GROUP = _("International")

for entry in (
    NavigationEntry("fonds.fondsen", "fonds:fund-list", _("Subsidiefonds"), "fonds.view_funds", 720, group=GROUP),
    NavigationEntry(
        "fonds.mijn_aanvragen", "fonds:application-list", _("Mijn aanvragen"), "fonds.apply", 721, group=GROUP
    ),
):
    navigation.register(entry)
