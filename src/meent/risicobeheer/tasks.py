"""Background work of Risicobeheer: reminders of review dates, sent after the change that queued them commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django_tasks import task

from meent.core.links import absolute_reverse
from meent.leden.models import Account
from meent.risicobeheer.models import Risk


@task()
def remind_review(risk_pk: int) -> int:
    """Mail the accounts of the register's organisation that a risk is due for review. The mail names only the
    risk and its date: the register itself stays behind the login."""
    risk = Risk.unscoped.select_related("register__organisation").filter(pk=risk_pk).first()
    if risk is None:
        return 0
    recipients = list(
        Account.objects.filter(organisation=risk.register.organisation, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return 0
    body = _("Het risico “%(title)s” moet op %(date)s opnieuw beoordeeld worden.\n\nBekijk het in Meent: %(url)s") % {
        "title": risk.title,
        "date": risk.review_on.strftime("%d-%m-%Y"),
        "url": absolute_reverse("risicobeheer:risk-detail", risk.pk),
    }
    return send_mail(_("Herbeoordeling risico"), body, settings.DEFAULT_FROM_EMAIL, recipients)
