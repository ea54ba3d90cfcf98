from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FondsConfig(AppConfig):
    name = "meent.international.fonds"
    label = "fonds"
    verbose_name = _("International: subsidiefonds")

    def ready(self) -> None:
        from meent.international.fonds import audit, rules  # noqa: F401 - registers audited models and permissions
