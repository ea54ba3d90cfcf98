from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("Register")

navigation.register(
    NavigationEntry("leden.gemeenten", "leden:gemeente-list", _("Gemeenten"), "leden.view_gemeente", 100, group=GROUP)
)
navigation.register(
    NavigationEntry(
        "leden.organisaties", "leden:organisation-list", _("Organisaties"), "leden.view_organisation", 110, group=GROUP
    )
)
