from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InzamelingConfig(AppConfig):
    name = "meent.international.inzameling"
    label = "inzameling"
    verbose_name = _("International: inzamelingen")

    def ready(self) -> None:
        from meent.international.inzameling import audit, rules  # noqa: F401 - registers audited models and rules
