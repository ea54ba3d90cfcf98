from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedenConfig(AppConfig):
    name = "meent.leden"
    label = "leden"
    verbose_name = _("Leden")

    def ready(self) -> None:
        from meent.leden import audit  # noqa: F401 - registers the audited models
