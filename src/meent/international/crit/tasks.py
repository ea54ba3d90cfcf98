"""Mail of the helpdesk, sent by the task worker after the change committed."""

from django.conf import settings
from django.core.mail import send_mail as django_send_mail
from django.utils import translation
from django_tasks import task


@task()
def send_mail(to: str, subject: str, body: str) -> int:
    return django_send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def mail_in(language: str, to: str, subject, body, /, **params) -> None:
    """Queue a mail in ``language`` (the partner's, whatever the language of the page that caused it), after
    commit. ``subject`` and ``body`` are lazy texts, translated and filled in with ``params`` here."""
    from meent.core.tasks import enqueue_on_commit

    with translation.override(language):
        enqueue_on_commit(send_mail, to, str(subject) % params, str(body) % params)
