"""The audit trail. Changes to registered models are logged by django-auditlog (who, when, before/after);
reads of confidential records are logged through :func:`log_read`. Entries are never editable.

An entry tells as much as the record it describes, so a module declares who may see the records of a model it
registers (``visible_to``: the reader → a queryset of the records that reader may see). The trail then shows an
entry of such a model in full only to a reader who may see its record; any other reader sees only that there is
a record they may not see, with its id. Models registered without ``visible_to`` are shown to every reader of
the trail."""

from collections.abc import Callable

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Q, QuerySet, Value, When

Visibility = Callable[..., QuerySet]
_visibility: dict[type[models.Model], Visibility] = {}


def register(model: type[models.Model], *, visible_to: Visibility | None = None, **options) -> None:
    auditlog.register(model, **options)
    if visible_to is not None:
        _visibility[model] = visible_to


def log_read(user, obj: models.Model) -> None:
    """Record that ``user`` opened ``obj`` (the model must be registered)."""
    LogEntry.objects.log_create(
        obj,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=user if getattr(user, "is_authenticated", False) else None,
        force_log=True,
    )


def _hidden_q(user) -> Q:
    """Entries whose record ``user`` may not see (a deleted record counts as not visible)."""
    hidden = Q(pk__in=[])
    for model, visible_to in _visibility.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        hidden |= Q(content_type=content_type) & ~Q(object_id__in=visible_to(user).values("pk"))
    return hidden


def entries_for(user, *, search: str | None = None) -> QuerySet:
    """The audit trail as ``user`` may read it: each entry annotated ``hidden`` when its record is not visible
    to ``user``. ``search`` matches the description of visible records and the id of hidden ones."""
    hidden = _hidden_q(user)
    qs = LogEntry.objects.select_related("actor", "content_type").annotate(
        hidden=Case(When(hidden, then=Value(True)), default=Value(False), output_field=models.BooleanField())
    )
    if search:
        qs = qs.filter((Q(object_repr__icontains=search) & ~hidden) | (Q(object_pk=search) & hidden))
    return qs
