from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# Last in the main menu, after every module's entries (those use orders below 900).
navigation.register(
    NavigationEntry("core.mijn_gemeente", "core:mijn-gemeente", _("Mijn gemeente"), "core.view_mijn_gemeente", 900)
)
navigation.register(NavigationEntry("core.auditlog", "core:auditlog", _("Audittrail"), "core.view_auditlog", 910))
