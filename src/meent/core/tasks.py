"""Background work queued for a change only once that change is committed."""

from functools import partial

from django.db import transaction
from django_tasks.base import Task


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    """Queue ``task`` when the current transaction commits (at once outside one): a rolled-back change sends no
    mail, and the worker reads the rows the change committed. The arguments are bound now, not at commit."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs))
