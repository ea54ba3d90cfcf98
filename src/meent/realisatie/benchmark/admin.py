from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from meent.realisatie.benchmark.models import DataImport, Indicator, Source


@admin.register(Indicator)
class IndicatorAdmin(ObjectPermissionsModelAdmin):
    list_display = ["code", "name", "unit", "theme", "higher_is_better", "additive", "cumulative"]
    list_filter = ["theme", "additive", "cumulative"]
    search_fields = ["code", "name"]


@admin.register(Source)
class SourceAdmin(ObjectPermissionsModelAdmin):
    list_display = ["key", "name", "licence", "synthetic"]


@admin.register(DataImport)
class DataImportAdmin(ObjectPermissionsModelAdmin):
    list_display = ["started_at", "kind", "filename", "status", "rows_read", "rows_skipped", "observations_written"]
    list_filter = ["kind", "status"]
    readonly_fields = [f.name for f in DataImport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
