from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "meent.connect"
    label = "connect"
    verbose_name = _("Connect")

    def ready(self) -> None:
        from meent.connect import audit  # noqa: F401 - registers the audited models
        from meent.core.context_processors import register_navigation
        from meent.core.views import HOME_PANELS

        register_navigation("connect:event-list", _("Evenementen"), "connect.view_event")
        register_navigation("connect:course-list", _("Academie"), "connect.view_course")
        register_navigation("connect:trainee-overview", _("Trainees"), "connect.view_trainee")
        register_navigation("connect:figures", _("Cijfers Connect"), "connect.view_figures")

        from meent.connect.views import home_panel

        HOME_PANELS.append(home_panel)
