from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down the International modules share in the main menu (the same label groups them).
GROUP = _("International")

for entry in (
    NavigationEntry(
        "portfolio.projecten",
        "portfolio:project-list",
        _("Projecten International"),
        "portfolio.view_portfolio",
        700,
        group=GROUP,
    ),
    NavigationEntry("portfolio.kaart", "portfolio:map", _("Wereldkaart"), "portfolio.view_portfolio", 710, group=GROUP),
):
    navigation.register(entry)
