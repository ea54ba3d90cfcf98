from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("jaarverslag.jaarverslagen", "jaarverslag:index", _("Jaarverslag"), "jaarverslag.view_index", 800)
)
