from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("Risicobeheer")

for entry in (
    NavigationEntry(
        "risicobeheer.scenarios",
        "risicobeheer:scenario-list",
        _("Scenario's"),
        "risicobeheer.view_library",
        600,
        group=GROUP,
    ),
    NavigationEntry(
        "risicobeheer.registers",
        "risicobeheer:register-list",
        _("Risicoregisters"),
        "risicobeheer.view_registers",
        610,
        group=GROUP,
    ),
    NavigationEntry(
        "risicobeheer.pool", "risicobeheer:pool", _("Verzekeringspool"), "risicobeheer.view_pool", 620, group=GROUP
    ),
    NavigationEntry(
        "risicobeheer.cijfers",
        "risicobeheer:figures",
        _("Cijfers Risicobeheer"),
        "risicobeheer.view_figures",
        630,
        group=GROUP,
    ),
):
    navigation.register(entry)
