from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down the International modules share in the main menu (the same label groups them).
GROUP = _("International")

navigation.register(
    NavigationEntry(
        "inzameling.inzamelingen", "inzameling:campaign-list", _("Inzamelingen"), "inzameling.manage", 740, group=GROUP
    )
)
