from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

# The drop-down the International modules share in the main menu (the same label groups them).
GROUP = _("International")

for entry in (
    NavigationEntry("crit.vragen", "crit:question-list", _("CriT-helpdesk"), "crit.view_questions", 730, group=GROUP),
    NavigationEntry("crit.cijfers", "crit:figures", _("CriT-cijfers"), "crit.view_figures", 735, group=GROUP),
):
    navigation.register(entry)
