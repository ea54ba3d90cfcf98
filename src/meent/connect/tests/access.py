from meent.core.testing import EVERYONE, SIGNED_IN, Case

ORGANISERS = frozenset({"connect", "bestuur"})


def fixtures() -> dict:
    from meent.connect.models import Course, Registration
    from meent.connect.tests.factories import (
        EventFactory,
        PastEventFactory,
        RegistrationFactory,
        SessionFactory,
        TraineeFactory,
    )

    event = EventFactory(title="Matrixcongres")
    past = PastEventFactory(title="Afgelopen matrixcongres")
    return {
        "event": event,
        "registration": RegistrationFactory(event=event),
        "session": SessionFactory(event=event),
        "past_registration": RegistrationFactory(event=past, status=Registration.Status.AANWEZIG),
        "course": Course.objects.create(title="Leergang matrix"),
        "trainee": TraineeFactory(),
    }


def _event(path: str):
    return lambda f: f"/evenementen/{f['event'].pk}/{path}"


ACCESS = {
    "connect:event-list": Case("/evenementen/", EVERYONE),
    "connect:event-detail": Case(_event(""), EVERYONE),
    "connect:event-ical": Case(lambda f: f"/evenementen/{f['event'].pk}/agenda.ics", EVERYONE),
    "connect:register": Case(_event("aanmelden/"), EVERYONE),
    "connect:registration-detail": Case(lambda f: f"/aanmelding/{f['registration'].token}/", EVERYONE),
    "connect:registration-cancel": Case(lambda f: f"/aanmelding/{f['registration'].token}/afmelden/", EVERYONE),
    "connect:registration-confirm": Case(lambda f: f"/bevestigen/{f['registration'].confirm_token}/", EVERYONE),
    "connect:session-choice-cancel": Case(
        lambda f: f"/aanmelding/{f['registration'].token}/sessies/{f['session'].pk}/afmelden/",
        EVERYONE,
        allowed_status=(302,),
    ),
    "connect:evaluation-form": Case(lambda f: f"/aanmelding/{f['past_registration'].token}/evaluatie/", EVERYONE),
    "connect:course-list": Case("/academie/", EVERYONE),
    "connect:my-registrations": Case("/evenementen/mijn-aanmeldingen/", SIGNED_IN),
    "connect:course-detail": Case(lambda f: f"/academie/{f['course'].pk}/", EVERYONE),
    "connect:event-create": Case("/evenementen/nieuw/", ORGANISERS),
    "connect:event-update": Case(_event("bewerken/"), ORGANISERS),
    "connect:session-create": Case(_event("sessies/nieuw/"), ORGANISERS),
    "connect:session-update": Case(
        lambda f: f"/evenementen/{f['event'].pk}/sessies/{f['session'].pk}/bewerken/", ORGANISERS
    ),
    "connect:session-delete": Case(
        lambda f: f"/evenementen/{f['event'].pk}/sessies/{f['session'].pk}/verwijderen/", ORGANISERS
    ),
    "connect:event-reschedule": Case(_event("verplaatsen/"), ORGANISERS),
    "connect:event-convert": Case(_event("vorm/"), ORGANISERS),
    "connect:event-cancel": Case(_event("annuleren/"), ORGANISERS),
    "connect:participants": Case(_event("deelnemers/"), ORGANISERS),
    "connect:checkin": Case(_event("presentielijst/"), ORGANISERS),
    "connect:attendance-import": Case(_event("aanwezigheid/"), ORGANISERS),
    "connect:evaluation-results": Case(_event("evaluaties/"), ORGANISERS),
    "connect:evaluation-invite": Case(_event("evaluaties/uitnodigen/"), ORGANISERS),
    "connect:mail-log": Case(_event("mails/"), ORGANISERS),
    "connect:trainee-overview": Case("/trainees/", ORGANISERS),
    "connect:course-create": Case("/academie/nieuw/", ORGANISERS),
    "connect:trainer-create": Case("/academie/docenten/nieuw/", ORGANISERS),
    "connect:edition-create": Case(lambda f: f"/academie/{f['course'].pk}/editie/", ORGANISERS),
    "connect:trainee-create": Case("/trainees/nieuw/", ORGANISERS),
    "connect:assignment-create": Case(lambda f: f"/trainees/{f['trainee'].pk}/opdracht/", ORGANISERS),
    "connect:figures": Case("/connect/cijfers/", ORGANISERS),
    "api:evenement-list": Case("/api/v1/evenementen", EVERYONE),
    "api:evenement-detail": Case(lambda f: f"/api/v1/evenementen/{f['event'].pk}", EVERYONE),
    "api:evenement-aanmeldingen": Case(lambda f: f"/api/v1/evenementen/{f['event'].pk}/aanmeldingen", ORGANISERS),
    "api:evenement-aanmelding": Case(
        lambda f: f"/api/v1/evenementen/{f['event'].pk}/aanmeldingen/{f['registration'].token}", EVERYONE
    ),
    "api:evenement-evaluaties": Case(lambda f: f"/api/v1/evenementen/{f['event'].pk}/evaluaties", ORGANISERS),
}
