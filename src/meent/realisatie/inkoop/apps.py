from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InkoopConfig(AppConfig):
    name = "meent.realisatie.inkoop"
    label = "inkoop"
    verbose_name = _("Gezamenlijke inkoop")

    def ready(self) -> None:
        from meent.realisatie.inkoop import audit, rules  # noqa: F401 - registers audited models and permissions
