from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("inzameling.inzamelingen", "inzameling:campaign-list", _("Inzamelingen"), "inzameling.manage", 740)
)
