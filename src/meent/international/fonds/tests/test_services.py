import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from meent.core.refusals import ConflictRefused, Refused
from meent.international.fonds import services
from meent.international.fonds.models import Application, Fund, Status, StatusChange
from meent.international.fonds.tests.factories import (
    advance,
    make_applicant,
    make_call,
    make_draft,
    make_fund,
    make_submitted,
    review,
)

pytestmark = pytest.mark.django_db

# The screening machine as the issue describes it: from each status, the statuses it may go to.
EXPECTED = {
    "ontvangen": {"ontvankelijk", "niet_ontvankelijk"},
    "ontvankelijk": {"screening"},
    "screening": {"training"},
    "training": {"beoordeeld"},
    "beoordeeld": {"toegekend", "afgewezen"},
    "toegekend": {"contract"},
    "contract": {"uitbetalingen"},
    "uitbetalingen": {"eindrapportage"},
    "eindrapportage": {"afgesloten"},
    "niet_ontvankelijk": set(),
    "afgewezen": set(),
    "afgesloten": set(),
}
ALLOWED = sorted((source, target) for source, targets in EXPECTED.items() for target in targets)
REFUSED = sorted(
    (source, target) for source in EXPECTED for target in services.TRANSITIONS if target not in EXPECTED[source]
)


def _at(status: str, staff, reviewers) -> Application:
    """A submitted application brought to ``status`` through the real transitions."""
    application, _account = make_submitted()
    if status == "ontvangen":
        return application
    if status == "niet_ontvankelijk":
        return services.transition(application, status, by=staff, motivation="Geen registratie.")
    if status == "afgewezen":
        advance(application, "beoordeeld", by=staff, reviewers=reviewers)
        return services.transition(application, status, by=staff, motivation="Te weinig bereik.")
    return advance(application, status, by=staff, reviewers=reviewers)


def test_the_machine_allows_exactly_the_expected_moves():
    application = Application(status=Status.ONTVANGEN)
    for source, targets in EXPECTED.items():
        application.status = source
        assert set(services.available_transitions(application)) == targets, source


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_transition(source, target, staff, reviewers, django_capture_on_commit_callbacks):
    application = _at(source, staff, reviewers)
    if target == "beoordeeld":
        for reviewer in reviewers:
            review(application, reviewer, staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.transition(application, target, by=staff, motivation="Besloten in het team.")
    assert result.status == target
    change = StatusChange.objects.filter(application=application).latest("pk")
    assert (change.source, change.target) == (source, target)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [application.applicant.email]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_every_refused_transition(source, target, staff):
    application, _account = make_submitted()
    Application.objects.filter(pk=application.pk).update(status=source)
    with pytest.raises(ConflictRefused):
        services.transition(application, target, by=staff, motivation="Poging.")
    application.refresh_from_db()
    assert application.status == source


def test_only_international_staff_make_transitions(make_account):
    from meent.core.roles import Role

    application, account = make_submitted()
    for user in (account, make_account(Role.BESTUUR), make_account(Role.CONNECT)):
        with pytest.raises(Refused):
            services.transition(application, "ontvankelijk", by=user)
    assert Application.objects.get(pk=application.pk).status == "ontvangen"


def test_a_decision_needs_a_motivation_and_the_required_reviews(staff, reviewers):
    application, _a = make_submitted()
    with pytest.raises(Refused, match="motivering"):
        services.transition(application, "niet_ontvankelijk", by=staff)
    advance(application, "training", by=staff)
    review(application, reviewers[0], staff)
    with pytest.raises(ConflictRefused, match="1 van de 2"):
        services.transition(application, "beoordeeld", by=staff)
    review(application, reviewers[1], staff)
    services.transition(application, "beoordeeld", by=staff)
    with pytest.raises(Refused, match="motivering"):
        services.transition(application, "toegekend", by=staff, motivation="  ")
    granted = services.transition(application, "toegekend", by=staff, motivation="Sterk plan.")
    assert granted.decision_motivation == "Sterk plan." and granted.decided_at is not None
    assert Fund.objects.get(pk=granted.call.fund_id).committed == Decimal("100000")


def test_conflict_of_interest_is_refused(staff):
    application, applicant_account = make_submitted()
    advance(application, "screening", by=staff)
    from meent.leden.models import Account

    colleague = Account.objects.create_user("collega-ngo", organisation=application.applicant.organisation)
    for reviewer in (applicant_account, colleague):
        with pytest.raises(Refused, match="belangenverstrengeling"):
            services.assign_reviewer(application, reviewer=reviewer, by=staff)
    assert not application.assignments.exists()


def test_a_reviewer_scores_every_criterion_once(staff, reviewers):
    application, _a = make_submitted()
    advance(application, "screening", by=staff)
    services.assign_reviewer(application, reviewer=reviewers[0], by=staff)
    criteria = list(application.call.criteria.all())
    with pytest.raises(Refused, match="1 tot en met 5"):
        services.submit_review(application, by=reviewers[0], scores={c.pk: (6, "Te hoog") for c in criteria})
    with pytest.raises(Refused, match="Motiveer"):
        services.submit_review(application, by=reviewers[0], scores={c.pk: (3, "") for c in criteria})
    with pytest.raises(Refused, match="geen beoordelaar"):
        services.submit_review(application, by=reviewers[1], scores={c.pk: (3, "Ok") for c in criteria})
    services.submit_review(application, by=reviewers[0], scores={c.pk: (3, "Ok") for c in criteria})
    with pytest.raises(ConflictRefused, match="al beoordeeld"):
        services.submit_review(application, by=reviewers[0], scores={c.pk: (3, "Ok") for c in criteria})


def test_submission_after_the_deadline_is_refused():
    call = make_call()
    _applicant, account = make_applicant()
    draft = make_draft(call, account)
    late = call.deadline + datetime.timedelta(seconds=1)
    with pytest.raises(ConflictRefused, match="sluitingstijd"):
        services.submit(draft, by=account, now=late)
    assert Application.objects.get(pk=draft.pk).status == "concept"
    assert services.submit(draft, by=account, now=call.deadline - datetime.timedelta(minutes=1)).status == "ontvangen"


def test_a_draft_must_fit_the_call_and_an_unverified_applicant_cannot_apply():
    call = make_call()
    _applicant, account = make_applicant()
    with pytest.raises(Refused, match="maximum"):
        make_draft(call, account, amount=Decimal("999999"))
    other = make_call()
    with pytest.raises(Refused, match="gebieden van deze oproep"):
        services.save_draft(
            by=account,
            call=call,
            title="x",
            organisation_name="x",
            registration_number="x",
            contact_name="x",
            activities="x",
            amount_requested=Decimal(10),
            areas=list(other.areas.all()),
            budget_lines=[("a", Decimal(10))],
        )
    _b, unverified = make_applicant(verified=False)
    with pytest.raises(Refused, match="bevestigd"):
        make_draft(call, unverified)


def test_budget_lines_must_add_up_before_submitting():
    call = make_call()
    _applicant, account = make_applicant()
    draft = make_draft(call, account)
    draft.budget_lines.first().delete()
    with pytest.raises(Refused, match="tellen niet op"):
        services.submit(draft, by=account)


def test_documents_are_checked_and_stored_privately(settings):
    call = make_call()
    _applicant, account = make_applicant()
    draft = make_draft(call, account)
    document = services.add_document(draft, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan"), by=account)
    assert str(settings.MEENT_PRIVATE_MEDIA) in document.file.path
    for name, content in (("plan.exe", b"MZ"), ("plan.pdf", b"PK\x03\x04"), ("leeg.docx", b"")):
        with pytest.raises(Refused):
            services.add_document(draft, upload=SimpleUploadedFile(name, content), by=account)
    big = SimpleUploadedFile("groot.xlsx", b"PK\x03\x04" + b"0" * services.MAX_DOCUMENT_BYTES)
    with pytest.raises(Refused, match="10 MB"):
        services.add_document(draft, upload=big, by=account)


def test_grants_never_exceed_the_budget(staff, reviewers):
    call = make_call(make_fund(budget=Decimal("150000")))
    first, _a = make_submitted(call)
    second, _b = make_submitted(call)
    advance(first, "toegekend", by=staff, reviewers=reviewers)
    advance(second, "beoordeeld", by=staff, reviewers=reviewers)
    with pytest.raises(ConflictRefused, match="budget"):
        services.transition(second, "toegekend", by=staff, motivation="Goed")
    assert services.transition(second, "toegekend", by=staff, motivation="Deels", amount=Decimal("50000"))
    fund = Fund.objects.get(pk=call.fund_id)
    assert fund.committed == fund.budget


def test_the_database_refuses_counters_above_budget_and_grant():
    fund = make_fund(budget=Decimal(100))
    with pytest.raises(IntegrityError), transaction.atomic():
        Fund.objects.filter(pk=fund.pk).update(committed=Decimal(101))
    application, _a = make_submitted()
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(amount_granted=Decimal(10), tranches_total=Decimal(11))


def test_tranches_reports_and_payment_conditions(staff, reviewers):
    application, account = make_submitted()
    advance(application, "contract", by=staff, reviewers=reviewers)
    first = services.add_tranche(
        application, by=staff, planned_on=datetime.date(2021, 1, 1), amount=Decimal(60000), requires_report=False
    )
    second = services.add_tranche(
        application, by=staff, planned_on=datetime.date(2021, 6, 1), amount=Decimal(40000), requires_report=True
    )
    with pytest.raises(ConflictRefused, match="boven het toegekende"):
        services.add_tranche(
            application, by=staff, planned_on=datetime.date(2021, 9, 1), amount=Decimal(1), requires_report=False
        )
    services.pay_tranche(first, by=staff)
    assert Application.objects.get(pk=application.pk).status == "uitbetalingen"
    with pytest.raises(ConflictRefused, match="Voorwaarde"):
        services.pay_tranche(second, by=staff)
    report = services.submit_report(first, by=account, text="Twaalf bijeenkomsten gehouden.")
    services.decide_report(report, by=staff, approve=True)
    services.pay_tranche(second, by=staff)
    fund = Fund.objects.get(pk=application.call.fund_id)
    assert fund.paid == Decimal(100000) == fund.committed


def test_registration_needs_the_signed_link(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        applicant = services.register_applicant(
            organisation_name="Addis Dialogue",
            country="ET",
            registration_number="ET-77",
            email="info@addis.example",
            username="addis",
            password="Een-lang-testwachtwoord-1",
            language="fr",
        )
    account = applicant.accounts.get().account
    assert not account.is_active and applicant.verified_at is None
    assert mailoutbox[0].subject == "Confirmez votre adresse e-mail"  # in the language the NGO registered in
    token = mailoutbox[0].body.split("/bevestigen/")[1].split("/")[0]
    with pytest.raises(Refused):
        services.confirm_registration(token[:-2] + "xx")
    services.confirm_registration(token)
    account.refresh_from_db()
    applicant.refresh_from_db()
    assert account.is_active and applicant.verified_at <= timezone.now()
