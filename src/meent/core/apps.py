from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


def _create_role_groups(sender, **kwargs) -> None:
    from meent.leden.services import ensure_roles

    ensure_roles()


class CoreConfig(AppConfig):
    name = "meent.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        post_migrate.connect(_create_role_groups, sender=self)
        # Every app's figures, panels, navigation, chapters and event sources register in meent.core.registry.
        autodiscover_modules("figures", "panels", "navigation", "chapters", "events")
        from meent.core import login_limits  # noqa: F401 - connects the login signal receivers
