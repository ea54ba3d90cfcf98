from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "meent.international.portfolio"
    label = "portfolio"
    verbose_name = _("International: programma's en projecten")

    def ready(self) -> None:
        from meent.international.portfolio import audit, rules  # noqa: F401 - registers audited models and permissions
