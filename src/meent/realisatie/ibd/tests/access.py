"""Every page and endpoint of the incident desk × persona. The fixture incident is TLP:AMBER of Utrecht, reported
by another Utrecht security officer: Utrecht's ISO and the analysts see it, nobody else even learns it exists
(404). Deployed experts and guessed ids are covered in ``test_access.py``."""

from django.core.files.uploadedfile import SimpleUploadedFile

from meent.core.testing import Case

ANALYST = frozenset({"ibd-analist"})
UTRECHT_AND_IBD = frozenset({"gemeente-utrecht-iso", "ibd-analist"})
COMMUNITY = frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso", "ibd-analist"})
ISO = frozenset({"gemeente-utrecht-iso"})
REDIRECT = (302,)


def _incident(path: str = ""):
    return lambda f: f"/ibd/incidenten/{f['ibd_incident'].number}/{path}"


def fixtures() -> dict:
    from meent.core.roles import Role
    from meent.leden import services as leden
    from meent.leden.models import Gemeente
    from meent.realisatie.ibd import services
    from meent.realisatie.ibd.models import TLP
    from meent.realisatie.ibd.tests.factories import make_incident

    utrecht = Gemeente.objects.get(code="GM0344")
    reporter = leden.create_account(
        username="ibd-matrix-melder",
        password="Een-lang-testwachtwoord-1",
        organisation=utrecht.organisation,
        roles=[Role.GEMEENTE, Role.GEMEENTE_ISO],
    )
    analyst = leden.create_account(
        username="ibd-matrix-analist",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind="vereniging"),
        roles=[Role.IBD_ANALIST],
    )
    incident = make_incident(reporter, tlp=TLP.AMBER)
    task = services.add_task(incident, title="Logs opvragen", due_date=incident.reported_at.date())
    attachment = services.add_attachment(
        incident, upload=SimpleUploadedFile("headers.txt", b"Received: from evil.test"), by=reporter
    )
    advisory = services.publish_advisory(
        by=analyst,
        title="Kwetsbaarheid in voorbeeldproduct",
        body="Installeer de update.",
        severity="hoog",
        affected_products="Voorbeeldproduct 1.0",
        tlp=TLP.AMBER,
        audience=[utrecht],
    )
    exclusion = services.add_exclusion(type="domain", value="webmail.example", reason="Maildienst")
    return {
        "ibd_incident": incident,
        "ibd_task": task,
        "ibd_attachment": attachment,
        "ibd_advisory": advisory,
        "ibd_exclusion": exclusion,
    }


ENTRY = {"kind": "notitie", "text": "Matrixregel", "tlp": "AMBER", "pap": "AMBER"}

ACCESS = {
    "ibd:incident-list": Case("/ibd/incidenten/", COMMUNITY),
    "ibd:incident-report": Case("/ibd/incidenten/melden/", ISO),
    "ibd:queue": Case("/ibd/wachtrij/", ANALYST),
    "ibd:incident-detail": Case(_incident(), UTRECHT_AND_IBD),
    "ibd:incident-entry": Case(_incident("tijdlijn/"), UTRECHT_AND_IBD, "post", ENTRY, REDIRECT),
    "ibd:incident-recipients": Case(_incident("ontvangers/"), UTRECHT_AND_IBD, "post", {}, REDIRECT),
    "ibd:incident-triage": Case(
        _incident("triage/"), ANALYST, "post", {"severity": "hoog", "category": "phishing", "tlp": "AMBER"}, REDIRECT
    ),
    "ibd:incident-status": Case(_incident("status/"), ANALYST),
    "ibd:task-add": Case(_incident("taken/"), ANALYST, "post", {"title": "Bellen", "due_date": "2030-01-01"}, REDIRECT),
    "ibd:task-done": Case(lambda f: _incident(f"taken/{f['ibd_task'].pk}/gereed/")(f), ANALYST, "post", {}, REDIRECT),
    "ibd:observable-add": Case(
        _incident("observables/"), ANALYST, "post", {"type": "ip", "value": "203.0.113.5", "tlp": "AMBER"}, REDIRECT
    ),
    # Posted empty: an allowed visitor gets the page back with the form's errors (400).
    "ibd:observable-import": Case(_incident("observables/importeren/"), ANALYST, "post", {}, (400,)),
    "ibd:attachment-add": Case(_incident("bijlagen/"), UTRECHT_AND_IBD, "post", {}, (400,)),
    "ibd:attachment-download": Case(lambda f: _incident(f"bijlagen/{f['ibd_attachment'].pk}/")(f), UTRECHT_AND_IBD),
    "ibd:incident-network": Case(_incident("responsnetwerk/"), ANALYST),
    "ibd:incident-export": Case(_incident("delen/"), ANALYST),
    "ibd:expert-list": Case("/ibd/responsnetwerk/experts/", ANALYST),
    "ibd:exclusion-list": Case("/ibd/correlatie/uitzonderingen/", ANALYST),
    "ibd:exclusion-delete": Case(
        lambda f: f"/ibd/correlatie/uitzonderingen/{f['ibd_exclusion'].pk}/verwijderen/", ANALYST, "post", {}, REDIRECT
    ),
    "ibd:advisory-list": Case("/ibd/adviezen/", COMMUNITY),
    "ibd:advisory-create": Case("/ibd/adviezen/nieuw/", ANALYST),
    "ibd:advisory-detail": Case(lambda f: f"/ibd/adviezen/{f['ibd_advisory'].number}/", UTRECHT_AND_IBD),
    "ibd:advisory-acknowledge": Case(
        lambda f: f"/ibd/adviezen/{f['ibd_advisory'].number}/bevestigen/", ISO, "post", {}, REDIRECT
    ),
    "ibd:figures": Case("/ibd/cijfers/", frozenset({"ibd-analist", "bestuur"})),
    "api:incident-list": Case("/api/v1/incidenten", COMMUNITY),
    "api:incident-detail": Case(lambda f: f"/api/v1/incidenten/{f['ibd_incident'].number}", UTRECHT_AND_IBD),
    "api:incident-tijdlijn-list": Case(
        lambda f: f"/api/v1/incidenten/{f['ibd_incident'].number}/tijdlijn", UTRECHT_AND_IBD
    ),
    "api:incident-observable-list": Case(
        lambda f: f"/api/v1/incidenten/{f['ibd_incident'].number}/observables", UTRECHT_AND_IBD
    ),
}
