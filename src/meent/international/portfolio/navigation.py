from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry(
        "portfolio.projecten", "portfolio:project-list", _("Projecten International"), "portfolio.view_portfolio", 700
    ),
    NavigationEntry("portfolio.kaart", "portfolio:map", _("Wereldkaart"), "portfolio.view_portfolio", 710),
):
    navigation.register(entry)
