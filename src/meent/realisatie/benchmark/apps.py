from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkConfig(AppConfig):
    name = "meent.realisatie.benchmark"
    label = "benchmark"
    verbose_name = _("Waar staat je gemeente")

    def ready(self) -> None:
        from meent.realisatie.benchmark import audit  # noqa: F401 - registers the audited models
