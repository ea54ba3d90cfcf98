"""The audit trail. Changes to registered models are logged by django-auditlog (who, when, before/after);
reads of confidential records are logged through :func:`log_read`. Entries are never editable."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.db import models


def register(model: type[models.Model], **options) -> None:
    auditlog.register(model, **options)


def log_read(user, obj: models.Model) -> None:
    """Record that ``user`` opened ``obj`` (the model must be registered)."""
    LogEntry.objects.log_create(
        obj,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=user if getattr(user, "is_authenticated", False) else None,
        force_log=True,
    )
