from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down this module's links share in the main menu.
GROUP = _("Waar staat je gemeente")

navigation.register(
    NavigationEntry(
        "benchmark.home", "benchmark:home", _("Waar staat je gemeente"), "benchmark.view_data", 400, group=GROUP
    )
)
navigation.register(
    NavigationEntry(
        "benchmark.corona", "benchmark:corona", _("Coronadashboard"), "benchmark.view_data", 410, group=GROUP
    )
)
