from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IbdConfig(AppConfig):
    name = "meent.realisatie.ibd"
    label = "ibd"
    verbose_name = _("IBD-incidentdesk")

    def ready(self) -> None:
        from meent.realisatie.ibd import audit, rules  # noqa: F401 - registers audited models and permissions
