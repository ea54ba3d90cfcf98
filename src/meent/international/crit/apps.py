from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CritConfig(AppConfig):
    name = "meent.international.crit"
    label = "crit"
    verbose_name = _("International: CriT-helpdesk")

    def ready(self) -> None:
        from meent.international.crit import audit, rules  # noqa: F401 - registers audited models and permissions
