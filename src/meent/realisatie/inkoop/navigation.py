from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("inkoop.contracten", "inkoop:contract-list", _("Inkoopcontracten"), "inkoop.view_contracts", 440)
)
