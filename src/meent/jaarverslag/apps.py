from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JaarverslagConfig(AppConfig):
    name = "meent.jaarverslag"
    label = "jaarverslag"
    verbose_name = _("Jaarverslag")

    def ready(self) -> None:
        from meent.jaarverslag import audit, rules  # noqa: F401 - registers audited models and permissions
