"""Mail of the campaigns, one task per recipient so each has its own line in the log."""

import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from meent.core.links import absolute_url
from meent.naleving.models import Delivery

ATTEMPTS = 3


@task()
def deliver(delivery_id: int) -> str:
    """Send one invitation or reminder; a refused address is marked bounced, other failures are tried again."""
    from meent.naleving import services

    delivery = Delivery.unscoped.select_related("target__campaign", "target__gemeente").get(pk=delivery_id)
    if delivery.status != Delivery.Status.QUEUED:
        return delivery.status  # a retried task never mails twice
    target, campaign = delivery.target, delivery.target.campaign
    link = absolute_url(reverse("naleving:answer", args=[services.link_token(target)]))
    subject = (_("Herinnering: %(title)s") if delivery.kind == Delivery.Kind.REMINDER else "%(title)s") % {
        "title": campaign.title
    }
    body = _(
        "Aan gemeente %(gemeente)s,\n\n%(question)s\n\nU antwoordt met deze persoonlijke link (voor uw gemeente "
        "alleen, geen account nodig):\n%(link)s\n\nU kunt uw antwoord tot %(deadline)s aanpassen.\n"
    ) % {
        "gemeente": target.gemeente.name,
        "question": campaign.question,
        "link": link,
        "deadline": campaign.deadline.strftime("%d-%m-%Y %H:%M"),
    }
    error = ""
    for attempt in range(1, ATTEMPTS + 1):
        Delivery.unscoped.filter(pk=delivery_id).update(attempts=attempt)
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [delivery.email])
        except smtplib.SMTPException as exc:
            error = str(exc)
            if services.bounced(exc):
                services.mark_delivery(delivery_id, status=Delivery.Status.BOUNCED, error=error)
                return Delivery.Status.BOUNCED
            continue
        services.mark_delivery(delivery_id, status=Delivery.Status.SENT)
        return Delivery.Status.SENT
    services.mark_delivery(delivery_id, status=Delivery.Status.FAILED, error=error)
    return Delivery.Status.FAILED
