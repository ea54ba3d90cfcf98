from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

navigation.register(
    NavigationEntry("naleving.campagnes", "naleving:campaign-list", _("Campagnes"), "naleving.view_campaigns", 500)
)
