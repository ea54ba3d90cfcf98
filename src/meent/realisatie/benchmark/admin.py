from django.contrib import admin
from django.http import HttpRequest
from rules.contrib.admin import ObjectPermissionsModelAdmin

from meent.realisatie.benchmark import services
from meent.realisatie.benchmark.models import DataImport, Indicator, Source


class DeletesUnderLock(ObjectPermissionsModelAdmin):
    """Deleting waits for a running import of the same rows (see ``services.delete_under_lock``)."""

    def delete_model(self, request: HttpRequest, obj) -> None:
        services.delete_under_lock(type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        services.delete_under_lock(queryset)


@admin.register(Indicator)
class IndicatorAdmin(DeletesUnderLock):
    list_display = ["code", "name", "unit", "theme", "higher_is_better", "additive", "cumulative"]
    list_filter = ["theme", "additive", "cumulative"]
    search_fields = ["code", "name"]


@admin.register(Source)
class SourceAdmin(DeletesUnderLock):
    list_display = ["key", "name", "licence", "synthetic"]


@admin.register(DataImport)
class DataImportAdmin(ObjectPermissionsModelAdmin):
    list_display = ["started_at", "kind", "filename", "status", "rows_read", "rows_skipped", "observations_written"]
    list_filter = ["kind", "status"]
    readonly_fields = [f.name for f in DataImport._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
