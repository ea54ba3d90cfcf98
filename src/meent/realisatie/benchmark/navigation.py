from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("benchmark.home", "benchmark:home", _("Waar staat je gemeente"), "benchmark.view_data", 400)
)
navigation.register(
    NavigationEntry("benchmark.corona", "benchmark:corona", _("Coronadashboard"), "benchmark.view_data", 410)
)
