from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IbdConfig(AppConfig):
    name = "meent.realisatie.ibd"
    label = "ibd"
    verbose_name = _("IBD-incidentdesk")

    def ready(self) -> None:
        from meent.core.context_processors import register_navigation
        from meent.core.views import HOME_PANELS, MIJN_GEMEENTE_PANELS
        from meent.realisatie.ibd import audit, rules  # noqa: F401 - registers audited models and permissions
        from meent.realisatie.ibd.views import home_panel

        register_navigation("ibd:incident-list", _("Incidenten"), "ibd.view_incident_list")
        register_navigation("ibd:advisory-list", _("Beveiligingsadviezen"), "ibd.view_advisory_list")
        register_navigation("ibd:figures", _("IBD-cijfers"), "ibd.view_figures")
        for registry in (HOME_PANELS, MIJN_GEMEENTE_PANELS):
            if home_panel not in registry:
                registry.append(home_panel)
