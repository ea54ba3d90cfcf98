from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("leden.gemeenten", "leden:gemeente-list", _("Gemeenten"), "leden.view_gemeente", 100)
)
navigation.register(
    NavigationEntry("leden.organisaties", "leden:organisation-list", _("Organisaties"), "leden.view_organisation", 110)
)
