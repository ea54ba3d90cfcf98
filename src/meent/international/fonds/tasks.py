"""Mail of the grant fund, sent by the task worker after the change committed, in the applicant's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from meent.core.links import absolute_reverse


@task()
def send_confirmation(applicant_id: int, token: str) -> int:
    from meent.international.fonds.models import Applicant

    applicant = Applicant.objects.select_related("organisation").get(pk=applicant_id)
    with translation.override(applicant.language):
        body = _(
            "U heeft %(organisation)s geregistreerd als aanvrager bij het subsidiefonds.\n\n"
            "Bevestig uw e-mailadres met deze link (drie dagen geldig):\n%(url)s"
        ) % {"organisation": applicant.organisation.name, "url": absolute_reverse("fonds:register-confirm", token)}
        subject = _("Bevestig uw e-mailadres")
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [applicant.email])


@task()
def notify_applicant(application_id: int) -> int:
    """The new status and, for a decision, its motivation. Never reviewers' names or scores."""
    from meent.international.fonds.models import Application

    application = Application.objects.select_related("applicant").get(pk=application_id)
    change = application.status_changes.order_by("-at", "-pk").first()
    with translation.override(application.applicant.language):
        body = _("De status van uw aanvraag %(number)s (%(title)s) is nu: %(status)s.") % {
            "number": application.number,
            "title": application.title,
            "status": application.get_status_display(),
        }
        if change is not None and change.motivation:
            body += "\n\n" + _("Motivering: %(motivation)s") % {"motivation": change.motivation}
        body += "\n\n" + _("Bekijk uw aanvraag: %(url)s") % {
            "url": absolute_reverse("fonds:application-detail", application.pk)
        }
        subject = _("Aanvraag %(number)s: %(status)s") % {
            "number": application.number,
            "status": application.get_status_display(),
        }
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [application.applicant.email])
