"""Background work of the incident desk."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from meent.core.roles import Role


@task()
def notify_analysts_of_report(number: str, severity_label: str) -> int:
    """Tell the IBD analysts a report came in. The mail names only the number and severity: mail leaves the
    platform, so the report's content (and its TLP) stays behind the login."""
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=Role.IBD_ANALIST.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return 0
    path = reverse("ibd:incident-detail", args=[number])
    body = _("Er is een nieuw incident gemeld: %(number)s (ernst %(severity)s).\n\nBekijk het in Meent: %(path)s") % {
        "number": number,
        "severity": severity_label,
        "path": path,
    }
    return send_mail(_("Nieuw incident %(number)s") % {"number": number}, body, settings.DEFAULT_FROM_EMAIL, recipients)
