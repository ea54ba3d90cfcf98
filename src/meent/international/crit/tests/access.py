"""Every page and endpoint of the helpdesk × persona. International staff (and the board) run the desk; the
``expert`` persona is a pool member assigned to the fixture question: it reads and answers that question and
nothing else of the desk; the public form and the signed links are open to all."""

from meent.core.testing import EVERYONE, SIGNED_IN, Case

STAFF = frozenset({"international", "bestuur"})
STAFF_AND_EXPERT = STAFF | {"expert"}
REDIRECT = (302,)


def _question(path: str = "", key: str = "crit_question"):
    return lambda f: f"/helpdesk/vragen/{f[key].pk}/{path}"


def fixtures() -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meent.international.crit import services
    from meent.international.crit.tests.factories import ExpertFactory, make_question
    from meent.leden import services as leden
    from meent.leden.models import Organisation

    staff = leden.create_account(
        username="crit-matrix-medewerker",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind=Organisation.Kind.VERENIGING),
        roles=[],
    )
    # The persona's account, made here so the pool entry can point at it (the matrix then reuses it by username).
    expert_account = leden.create_account(
        username="matrix-expert",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind=Organisation.Kind.VERENIGING),
        roles=[],
    )
    expert = ExpertFactory(account=expert_account)
    question = make_question(
        attachments=[SimpleUploadedFile("plan.pdf", b"%PDF-1.4 crisisplan", content_type="application/pdf")]
    )
    services.assign(question, experts=[expert], by=staff)
    closed = make_question()
    services.close(closed, by=staff)
    unverified = make_question(verified=False)
    return {
        "crit_question": question,
        "crit_other": make_question(),
        "crit_expert": expert,
        "crit_verify_token": services.verify_token(unverified),
        "crit_rate_token": services.rate_token(closed),
    }


ACCESS = {
    "crit:question-list": Case("/helpdesk/", STAFF_AND_EXPERT),
    "crit:question-ask": Case("/helpdesk/vraag-stellen/", EVERYONE),
    "crit:question-verify": Case(lambda f: f"/helpdesk/vraag-stellen/bevestigen/{f['crit_verify_token']}/", EVERYONE),
    "crit:question-rate": Case(lambda f: f"/helpdesk/tevredenheid/{f['crit_rate_token']}/", EVERYONE),
    "crit:question-register": Case("/helpdesk/vragen/nieuw/", STAFF),
    "crit:question-detail": Case(_question(), STAFF_AND_EXPERT),
    "crit:question-assign": Case(_question("toewijzen/", "crit_other"), STAFF, "post", {}, REDIRECT),
    "crit:question-message": Case(_question("berichten/"), STAFF_AND_EXPERT, "post", {"text": "Antwoord"}, REDIRECT),
    "crit:question-close": Case(_question("sluiten/", "crit_other"), STAFF, "post", {}, REDIRECT),
    "crit:question-summary": Case(_question("samenvatting/"), STAFF),
    "crit:attachment-download": Case(
        lambda f: _question(f"bijlagen/{f['crit_question'].attachments.get().pk}/")(f), STAFF_AND_EXPERT
    ),
    "crit:pool": Case("/helpdesk/experts/", STAFF),
    "crit:expert-create": Case("/helpdesk/experts/nieuw/", STAFF),
    "crit:expert-availability": Case(
        lambda f: f"/helpdesk/experts/{f['crit_expert'].pk}/beschikbaarheid/",
        STAFF,
        "post",
        {"starts_on": "2030-01-01", "ends_on": "2030-02-01"},
        REDIRECT,
    ),
    "crit:summaries": Case("/helpdesk/klankbordgroep/", SIGNED_IN),
    "crit:figures": Case("/helpdesk/cijfers/", STAFF),
    "api:vraag-list": Case("/api/v1/vragen", STAFF_AND_EXPERT),
    "api:vraag-detail": Case(lambda f: f"/api/v1/vragen/{f['crit_question'].pk}", STAFF_AND_EXPERT),
}
