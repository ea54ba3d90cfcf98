from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NalevingConfig(AppConfig):
    name = "meent.naleving"
    label = "naleving"
    verbose_name = _("Naleving")

    def ready(self) -> None:
        from meent.naleving import audit, rules  # noqa: F401 - registers audited models and permissions
