from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisicobeheerConfig(AppConfig):
    name = "meent.risicobeheer"
    label = "risicobeheer"
    verbose_name = _("Risicobeheer")

    def ready(self) -> None:
        from meent.risicobeheer import audit, rules  # noqa: F401 - registers audited models and permissions
