"""The audit trail. Changes to registered models are logged by django-auditlog (who, when, before/after);
reads of confidential records are logged through :func:`log_read`. Entries are never editable.

An entry tells as much as the record it describes, so a module declares who may see the records of a model it
registers (``visible_to``: the reader → a queryset of the records that reader may see). The trail then shows an
entry of such a model in full only to a reader who may see its record; any other reader sees only that there is
a record they may not see, with its id. Models registered without ``visible_to`` are shown to every reader of
the trail.

``bulk_create`` and ``bulk_update`` send no signals, so auditlog never sees them: code that writes in bulk logs
through :func:`log_created` and :func:`log_changed`, which write the same entries in one INSERT."""

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from auditlog.cid import get_cid
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str

if TYPE_CHECKING:
    from meent.leden.models import Visitor

Visibility = Callable[..., QuerySet]
_visibility: dict[type[models.Model], Visibility] = {}


def register(model: type[models.Model], *, visible_to: Visibility | None = None, **options) -> None:
    auditlog.register(model, **options)
    if visible_to is not None:
        _visibility[model] = visible_to


def log_read(user: "Visitor", obj: models.Model, what: str = "") -> None:
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


def _entry(obj: models.Model, action: int, changes: dict) -> LogEntry:
    entry = LogEntry(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=smart_str(obj.pk),
        object_id=obj.pk if isinstance(obj.pk, int) else None,
        object_repr=smart_str(obj),
        action=action,
        changes=changes,
        cid=get_cid(),
    )
    # auditlog's middleware fills in the actor and the client address on this signal
    pre_save.send(sender=LogEntry, instance=entry, raw=False, using=None, update_fields=None)
    return entry


def _own_fields(model: type[models.Model]) -> list[str]:
    """The model's own columns: a diff over all fields would also read reverse relations, one query each."""
    return [field.name for field in model._meta.concrete_fields]


def log_created(objects: Sequence[models.Model]) -> list[LogEntry]:
    """The *create* entries auditlog writes on ``save()``, for objects stored with ``bulk_create``."""
    json_changes = settings.AUDITLOG_STORE_JSON_CHANGES
    entries = [
        _entry(
            obj,
            LogEntry.Action.CREATE,
            model_instance_diff(None, obj, _own_fields(type(obj)), use_json_for_changes=json_changes),
        )
        for obj in objects
        if auditlog.contains(type(obj))
    ]
    return LogEntry.objects.bulk_create(entries)


def log_changed(pairs: Iterable[tuple[models.Model, models.Model]], fields: Sequence[str]) -> list[LogEntry]:
    """The *update* entries for ``(before, after)`` copies of objects stored with ``bulk_update`` (or a queryset
    ``update``) of ``fields``; pairs without a change get no entry."""
    json_changes = settings.AUDITLOG_STORE_JSON_CHANGES
    entries = []
    for before, after in pairs:
        if not auditlog.contains(type(after)):
            continue
        changes = model_instance_diff(before, after, fields, use_json_for_changes=json_changes)
        if changes:
            entries.append(_entry(after, LogEntry.Action.UPDATE, changes))
    return LogEntry.objects.bulk_create(entries)


def _hidden_q(user) -> Q:
    """Entries whose record ``user`` may not see (a deleted record counts as not visible)."""
    hidden = Q(pk__in=[])
    for model, visible_to in _visibility.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        hidden |= Q(content_type=content_type) & ~Q(object_id__in=visible_to(user).values("pk"))
    return hidden


def entries_for(user: "Visitor", *, search: str | None = None) -> QuerySet:
    """The audit trail as ``user`` may read it: each entry annotated ``hidden`` when its record is not visible
    to ``user``. ``search`` matches the description of visible records and the id of hidden ones."""
    hidden = _hidden_q(user)
    qs = LogEntry.objects.select_related("actor", "content_type").annotate(
        hidden=Case(When(hidden, then=Value(True)), default=Value(False), output_field=models.BooleanField())
    )
    if search:
        qs = qs.filter((Q(object_repr__icontains=search) & ~hidden) | (Q(object_pk=search) & hidden))
    return qs
