from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "meent.connect"
    label = "connect"
    verbose_name = _("Connect")

    def ready(self) -> None:
        from meent.connect import audit  # noqa: F401 - registers the audited models
