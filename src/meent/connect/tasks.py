"""Background mail to registrants. Tasks take ids, read the committed state and log every mail they send.

The services queue them with :func:`meent.core.tasks.enqueue_on_commit`, so a rolled-back change never mails
anyone, whichever task backend runs them."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from meent.connect.models import Event, EventChange, Registration, SentMail, SessionChoice
from meent.core.links import absolute_url


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _personal_link(registration: Registration) -> str:
    return absolute_url(reverse("connect:registration-detail", args=[registration.token]))


def _deliver(*, kind: str, registration: Registration, subject: str, lines: list[str]) -> None:
    lines = [
        _("Beste %(name)s,") % {"name": registration.name},
        "",
        *lines,
        "",
        _("Met vriendelijke groet,"),
        "Connect",
    ]
    send_mail(subject, "\n".join(lines), None, [registration.email])
    SentMail.objects.create(
        event_id=registration.event_id,
        registration=registration,
        kind=kind,
        recipient=registration.email,
        subject=subject[:300],
    )


def _session_lines(registration: Registration) -> list[str]:
    choices = registration.session_choices.exclude(status=SessionChoice.Status.GEANNULEERD).select_related("session")
    lines = []
    for choice in choices:
        if choice.status == SessionChoice.Status.AANGEMELD:
            lines.append(_("- %(session)s: aangemeld") % {"session": choice.session.title})
        else:
            lines.append(_("- %(session)s: op de wachtlijst van deze sessie") % {"session": choice.session.title})
    return [_("Uw sessies:"), *lines] if lines else []


def registration_mail(registration: Registration, kind: str) -> tuple[str, list[str]]:
    event = registration.event
    personal = _("Uw persoonlijke pagina (bekijken of afmelden): %(url)s") % {"url": _personal_link(registration)}
    if kind == "aanmelding":
        confirm = absolute_url(reverse("connect:registration-confirm", args=[registration.confirm_token]))
        if registration.status == Registration.Status.WACHTLIJST:
            subject = _("U staat op de wachtlijst: %(event)s") % {"event": event.title}
            first = _("%(event)s is vol. U staat op de wachtlijst; komt er een plaats vrij, dan krijgt u bericht.")
        else:
            subject = _("Bevestig uw aanmelding: %(event)s") % {"event": event.title}
            first = _("Dank voor uw aanmelding voor %(event)s op %(when)s.")
        return subject, [
            first % {"event": event.title, "when": _when(event.starts_at)},
            _("Bevestig uw e-mailadres binnen %(days)d dagen via deze link: %(url)s")
            % {"days": Registration.CONFIRMATION_DAYS, "url": confirm},
            _("Zonder bevestiging vervalt uw aanmelding."),
            *_session_lines(registration),
            personal,
        ]
    if kind == "al-aangemeld":
        lines = [
            _("Met uw e-mailadres is opnieuw een aanmelding gedaan voor %(event)s op %(when)s. U was al aangemeld: "
              "er is niets veranderd.")
            % {"event": event.title, "when": _when(event.starts_at)},
        ]  # fmt: skip
        if not registration.is_confirmed:
            confirm = absolute_url(reverse("connect:registration-confirm", args=[registration.confirm_token]))
            lines.append(_("Bevestig uw e-mailadres nog via deze link: %(url)s") % {"url": confirm})
        lines += [personal, _("Hebt u zich niet opnieuw aangemeld? Dan kunt u deze mail negeren.")]
        return _("U bent al aangemeld: %(event)s") % {"event": event.title}, lines
    if kind == "doorgeschoven":
        return _("Er is een plaats voor u: %(event)s") % {"event": event.title}, [
            _("Er is een plaats vrijgekomen. U bent nu aangemeld voor %(event)s op %(when)s.")
            % {"event": event.title, "when": _when(event.starts_at)},
            *_session_lines(registration),
            personal,
        ]
    if kind == "afmelding":
        return _("Afmelding ontvangen: %(event)s") % {"event": event.title}, [
            _("U bent afgemeld voor %(event)s.") % {"event": event.title}
        ]
    if kind == "verlopen":
        return _("Aanmelding vervallen: %(event)s") % {"event": event.title}, [
            _("U hebt uw e-mailadres niet bevestigd. Daarom is uw aanmelding voor %(event)s vervallen.")
            % {"event": event.title},
            _("U kunt zich opnieuw aanmelden: %(url)s")
            % {"url": absolute_url(reverse("connect:register", args=[event.pk]))},
        ]
    if kind == "evaluatie":
        url = absolute_url(reverse("connect:evaluation-form", args=[registration.token]))
        return _("Hoe was %(event)s?") % {"event": event.title}, [
            _("Dank voor uw deelname. Wilt u het evenement beoordelen? Het kost twee minuten: %(url)s") % {"url": url}
        ]
    raise ValueError(kind)


def change_mail(change: EventChange, registration: Registration) -> tuple[str, list[str]]:
    event = change.event
    reason = _("Reden: %(reason)s") % {"reason": change.reason}
    personal = _("Uw persoonlijke pagina: %(url)s") % {"url": _personal_link(registration)}
    if change.kind == EventChange.Kind.VERPLAATST:
        return _("Verplaatst: %(event)s") % {"event": event.title}, [
            _("%(event)s is verplaatst van %(old)s naar %(new)s. Uw aanmelding blijft staan.")
            % {"event": event.title, "old": _when(change.old_starts_at), "new": _when(change.new_starts_at)},
            reason,
            _("Kunt u niet op de nieuwe datum? Meld u dan af via uw persoonlijke pagina."),
            personal,
        ]
    if change.kind == EventChange.Kind.OMGEZET:
        return _("Nieuwe vorm: %(event)s wordt %(format)s") % {
            "event": event.title,
            "format": Event.Format(change.new_format).label.lower(),
        }, [
            _("%(event)s gaat niet %(old)s maar %(new)s door. Uw aanmelding blijft staan.")
            % {
                "event": event.title,
                "old": Event.Format(change.old_format).label.lower(),
                "new": Event.Format(change.new_format).label.lower(),
            },
            reason,
            _("De streamlink en de praktische informatie vindt u op uw persoonlijke pagina."),
            personal,
        ]
    lines = [_("Helaas gaat %(event)s niet door.") % {"event": event.title}, reason]
    if change.replacement is not None:
        url = absolute_url(reverse("connect:register", args=[change.replacement.pk]))
        lines.append(
            _("Wij nodigen u uit voor %(replacement)s op %(when)s. Aanmelden: %(url)s")
            % {"replacement": change.replacement.title, "when": _when(change.replacement.starts_at), "url": url}
        )
    return _("Geannuleerd: %(event)s") % {"event": event.title}, lines


@task()
def send_registration_mail(registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject, lines = registration_mail(registration, kind)
        _deliver(kind=kind, registration=registration, subject=subject, lines=lines)


@task()
def send_session_mail(choice_id: int, kind: str) -> None:
    """A place came free in a session the registrant was waiting for (the event seat they already had)."""
    choice = SessionChoice.objects.select_related("session", "registration__event").get(pk=choice_id)
    registration = choice.registration
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Er is een plaats in de sessie %(session)s") % {"session": choice.session.title}
        lines = [
            _(
                "Er is een plaats vrijgekomen in de sessie %(session)s van %(event)s. "
                "U bent nu aangemeld voor die sessie."
            )
            % {"session": choice.session.title, "event": registration.event.title},
            _("Uw persoonlijke pagina (bekijken of afmelden): %(url)s") % {"url": _personal_link(registration)},
        ]
        _deliver(kind=kind, registration=registration, subject=subject, lines=lines)


@task()
def send_session_change_mail(registration_id: int, kind: str, session_id: int | None, title: str) -> None:
    """A chosen session moved (``sessie_gewijzigd``) or left the programme (``sessie_vervallen``); the title comes
    along because a removed session is gone by the time this runs."""
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    with translation.override(settings.LANGUAGE_CODE):
        names = {"session": title, "event": registration.event.title}
        if kind == "sessie_vervallen":
            subject = _("De sessie %(session)s gaat niet door") % names
            text = _(
                "De sessie %(session)s van %(event)s gaat niet door. Uw aanmelding voor het evenement blijft staan."
            )
        else:
            starts_at = registration.event.sessions.get(pk=session_id).starts_at
            subject = _("De sessie %(session)s is verplaatst") % names
            text = _("De sessie %(session)s van %(event)s is verplaatst naar %(when)s.")
            names["when"] = _when(starts_at) if starts_at else "—"
        lines = [
            text % names,
            _("Uw persoonlijke pagina (bekijken of afmelden): %(url)s") % {"url": _personal_link(registration)},
        ]
        _deliver(kind=kind, registration=registration, subject=subject, lines=lines)


@task()
def send_event_change_mails(change_id: int) -> int:
    """Tell everyone still registered or waiting about a move, conversion or cancellation."""
    change = EventChange.objects.select_related("event", "replacement").get(pk=change_id)
    recipients = change.event.registrations.exclude(status=Registration.Status.GEANNULEERD).select_related("event")
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for registration in recipients:
            subject, lines = change_mail(change, registration)
            _deliver(kind=change.kind, registration=registration, subject=subject, lines=lines)
            sent += 1
    return sent


@task()
def send_evaluation_invitations(event_id: int) -> int:
    """Invite those who attended; when no attendance was recorded, everyone who held a seat."""
    event = Event.objects.get(pk=event_id)
    attended = event.registrations.filter(status=Registration.Status.AANWEZIG)
    invitees = attended if attended.exists() else event.registrations.filter(status=Registration.Status.AANGEMELD)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for registration in invitees.select_related("event"):
            subject, lines = registration_mail(registration, "evaluatie")
            _deliver(kind="evaluatie", registration=registration, subject=subject, lines=lines)
            sent += 1
    return sent
