"""The audit trail. Changes to registered models are logged by django-auditlog (who, when, before/after);
reads of confidential records are logged through :func:`log_read`. Entries are never editable."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.db import models


def register(model: type[models.Model], **options) -> None:
    auditlog.register(model, **options)


def log_read(user, obj: models.Model, what: str = "") -> None:
    """Record that ``user`` opened ``obj`` (the model must be registered); ``what`` names the part of it that was
    read when that is not the record itself, e.g. an event's participant list."""
    LogEntry.objects.log_create(
        obj,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=user if getattr(user, "is_authenticated", False) else None,
        additional_data={"gelezen": what} if what else None,
        force_log=True,
    )
