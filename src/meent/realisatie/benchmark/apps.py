from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkConfig(AppConfig):
    name = "meent.realisatie.benchmark"
    label = "benchmark"
    verbose_name = _("Waar staat je gemeente")

    def ready(self) -> None:
        from meent.core.context_processors import register_navigation
        from meent.core.views import HOME_PANELS, MIJN_GEMEENTE_PANELS
        from meent.realisatie.benchmark import (
            audit,  # noqa: F401 - registers the audited models
            panels,
        )

        register_navigation("benchmark:home", _("Waar staat je gemeente"), "benchmark.view_data")
        register_navigation("benchmark:corona", _("Coronadashboard"), "benchmark.view_data")
        if panels.home_panel not in HOME_PANELS:
            HOME_PANELS.append(panels.home_panel)
            MIJN_GEMEENTE_PANELS.append(panels.mijn_gemeente_panel)
