from django.utils.translation import gettext_lazy as _

from meent.core.registry import NavigationEntry, navigation

for entry in (
    NavigationEntry("crit.vragen", "crit:question-list", _("CriT-helpdesk"), "crit.view_questions", 730),
    NavigationEntry("crit.cijfers", "crit:figures", _("CriT-cijfers"), "crit.view_figures", 735),
):
    navigation.register(entry)
