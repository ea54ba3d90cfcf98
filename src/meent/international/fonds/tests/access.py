"""Every page and endpoint of the grant fund × persona. NGO A's application is far along (paid tranche with a
report, a document); only fund staff see it. The ``aanvrager`` persona is an account of another NGO, B, with a
draft of its own: it edits that draft and applies, but never opens A's application, documents or scores."""

from meent.core.testing import EVERYONE, Case

FUND_STAFF = frozenset({"international", "bestuur"})
MANAGER = frozenset({"international"})
APPLICANT = frozenset({"aanvrager"})
NOBODY = frozenset()  # the assigned reviewer and the owner are no persona: see test_access.py
REDIRECT = (302,)


def fixtures() -> dict:
    import datetime

    from django.core import signing
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meent.core.roles import Role
    from meent.international.fonds import services
    from meent.international.fonds.models import ApplicantAccount
    from meent.international.fonds.tests import factories
    from meent.leden import services as leden

    staff = leden.create_account(
        username="fonds-matrix-staf",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind="vereniging"),
        roles=[Role.INTERNATIONAL],
    )
    reviewers = [
        leden.create_account(
            username=f"fonds-matrix-beoordelaar-{n}",
            password="Een-lang-testwachtwoord-1",
            organisation=leden.create_organisation(name="Extern bureau (test)", kind="overig"),
            roles=[],
        )
        for n in (1, 2)
    ]
    call = factories.make_call()
    _a, owner = factories.make_applicant(username="fonds-matrix-ngo-a")
    draft_a = factories.make_draft(call, owner)
    document = services.add_document(draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan"), by=owner)
    application = services.submit(draft_a, by=owner)
    factories.advance(application, "uitbetalingen", by=staff, reviewers=reviewers)
    paid = application.tranches.get()
    services.submit_report(paid, by=owner, text="Bijeenkomsten gehouden.")
    application.refresh_from_db()
    # B: the persona's own organisation. make_account later finds this account by name and keeps the link.
    applicant_b, persona = factories.make_applicant(username="matrix-aanvrager")
    draft_b = factories.make_draft(call, persona)
    ApplicantAccount.objects.filter(account=persona).update(applicant=applicant_b)
    token = signing.dumps({"account": owner.pk, "email": _a.email}, salt=services.CONFIRMATION_SALT)
    return {
        "fonds_call": call,
        "fonds_application": application,
        "fonds_draft": draft_b,
        "fonds_document": document,
        "fonds_tranche": paid,
        "fonds_token": token,
        "fonds_date": datetime.date(2021, 9, 1),
    }


def _app(path: str = ""):
    return lambda f: f"/fonds/aanvragen/{f['fonds_application'].pk}/{path}"


def _api(path: str = ""):
    return lambda f: f"/api/v1/fondsen/{f['fonds_call'].fund_id}/aanvragen{path}"


ACCESS = {
    "fonds:fund-list": Case("/fonds/", FUND_STAFF),
    "fonds:fund-detail": Case(lambda f: f"/fonds/{f['fonds_call'].fund_id}/", FUND_STAFF),
    "fonds:call-list": Case("/fonds/oproepen/", EVERYONE),
    "fonds:register": Case("/fonds/registreren/", EVERYONE),
    "fonds:register-confirm": Case(lambda f: f"/fonds/registreren/bevestigen/{f['fonds_token']}/", EVERYONE),
    "fonds:application-create": Case(lambda f: f"/fonds/oproepen/{f['fonds_call'].pk}/aanvragen/", APPLICANT),
    "fonds:application-edit": Case(lambda f: f"/fonds/aanvragen/{f['fonds_draft'].pk}/bewerken/", APPLICANT),
    "fonds:application-list": Case("/fonds/aanvragen/", FUND_STAFF | APPLICANT),
    "fonds:application-detail": Case(_app(), FUND_STAFF),
    "fonds:application-transition": Case(_app("status/"), MANAGER, "post", {"naar": "eindrapportage"}, REDIRECT),
    "fonds:reviewer-assign": Case(_app("beoordelaars/"), MANAGER, "post", {"beoordelaar": "x"}, REDIRECT),
    "fonds:review": Case(_app("beoordelen/"), NOBODY),
    "fonds:tranche-add": Case(
        _app("tranches/"), MANAGER, "post", {"planned_on": "2021-09-01", "amount": "1"}, REDIRECT
    ),
    "fonds:tranche-pay": Case(
        lambda f: f"/fonds/tranches/{f['fonds_tranche'].pk}/betalen/", MANAGER, "post", {}, REDIRECT
    ),
    "fonds:report-submit": Case(
        lambda f: f"/fonds/tranches/{f['fonds_tranche'].pk}/verslag/", NOBODY, "post", {"text": "x"}, REDIRECT
    ),
    "fonds:report-decide": Case(
        lambda f: f"/fonds/tranches/{f['fonds_tranche'].pk}/verslag/besluit/",
        MANAGER,
        "post",
        {"besluit": "goedkeuren"},
        REDIRECT,
    ),
    "fonds:document-download": Case(lambda f: f"/fonds/documenten/{f['fonds_document'].pk}/", FUND_STAFF),
    "api:fonds-list": Case("/api/v1/fondsen", FUND_STAFF),
    "api:fonds-detail": Case(lambda f: f"/api/v1/fondsen/{f['fonds_call'].fund_id}", FUND_STAFF),
    "api:fonds-aanvraag-list": Case(_api(), FUND_STAFF | APPLICANT),
    "api:fonds-aanvraag-detail": Case(lambda f: _api(f"/{f['fonds_application'].pk}")(f), FUND_STAFF),
    "api:fonds-aanvraag-indienen": Case(lambda f: _api(f"/{f['fonds_draft'].pk}/indienen")(f), APPLICANT, "post", {}),
    # The matrix posts form data and the API reads JSON only: past the rule the request is invalid (400);
    # test_api.py makes the transition with JSON.
    "api:fonds-aanvraag-overgang": Case(
        lambda f: _api(f"/{f['fonds_application'].pk}/overgang")(f), MANAGER, "post", {}, (400,)
    ),
}
