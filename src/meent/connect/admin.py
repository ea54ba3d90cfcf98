from django.contrib import admin
from django.http import HttpRequest
from rules.contrib.admin import ObjectPermissionsModelAdmin

from meent.connect.models import (
    Assignment,
    Cohort,
    Course,
    Edition,
    Employment,
    Event,
    EventChange,
    Registration,
    Session,
    SessionChoice,
    Trainee,
    Trainer,
    TrainingDay,
)


class ConnectAdmin(ObjectPermissionsModelAdmin):
    """Admin pages ask the same rules as views and API (``connect.change_event`` …)."""


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    readonly_fields = ["seats_taken"]


class EventChangeInline(admin.TabularInline):
    """History is written by the services (which also mail registrants), never edited by hand."""

    model = EventChange
    fk_name = "event"
    extra = 0
    can_delete = False
    readonly_fields = [
        "kind",
        "old_starts_at",
        "new_starts_at",
        "old_format",
        "new_format",
        "reason",
        "replacement",
        "changed_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(ConnectAdmin):
    list_display = ["title", "kind", "format", "status", "starts_at", "capacity", "seats_taken"]
    list_filter = ["kind", "format", "status"]
    search_fields = ["title", "venue"]
    date_hierarchy = "starts_at"
    # Dates, format and status change through the organiser pages, which keep the history and mail registrants.
    readonly_fields = ["starts_at", "ends_at", "format", "status", "seats_taken"]
    filter_horizontal = ["commissioners"]
    inlines = [SessionInline, EventChangeInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class SessionChoiceInline(admin.TabularInline):
    """Read only: places in sessions are counted by the services."""

    model = SessionChoice
    extra = 0
    fields = ["session", "status", "created_at", "promoted_at", "cancelled_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(ConnectAdmin):
    list_display = ["name", "email", "event", "status", "confirmed_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "event__title"]
    # Seats are counted by the services; the status changes only through them.
    readonly_fields = ["event", "status", "confirmed_at", "promoted_at", "cancelled_at", "created_at"]
    inlines = [SessionChoiceInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Trainer)
class TrainerAdmin(ConnectAdmin):
    list_display = ["name", "expertise"]
    search_fields = ["name"]


@admin.register(Course)
class CourseAdmin(ConnectAdmin):
    list_display = ["title", "days"]
    search_fields = ["title"]


class TrainingDayInline(admin.TabularInline):
    model = TrainingDay
    extra = 0


@admin.register(Edition)
class EditionAdmin(ConnectAdmin):
    list_display = ["course", "kind", "client", "event"]
    list_filter = ["kind"]
    raw_id_fields = ["event"]
    filter_horizontal = ["trainers"]
    inlines = [TrainingDayInline]


@admin.register(Cohort)
class CohortAdmin(ConnectAdmin):
    list_display = ["name", "start_date"]


class EmploymentInline(admin.TabularInline):
    model = Employment
    extra = 0


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0


@admin.register(Trainee)
class TraineeAdmin(ConnectAdmin):
    list_display = ["last_name", "first_name", "cohort"]
    list_filter = ["cohort"]
    search_fields = ["last_name", "first_name", "email"]
    inlines = [EmploymentInline, AssignmentInline]
