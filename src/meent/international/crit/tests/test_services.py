import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from meent.core.refusals import ConflictRefused, Refused
from meent.core.roles import Role
from meent.international.crit import selectors, services
from meent.international.crit.models import Message, Status
from meent.international.crit.tests.factories import ExpertFactory, make_question
from meent.leden.models import Organisation

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def staff(make_account):
    return make_account(Role.INTERNATIONAL, username="intl")


def test_a_public_question_counts_once_the_address_is_confirmed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = make_question(verified=False, language="fr")
    assert question.status == Status.UNVERIFIED and question.first_answer_due is None
    assert selectors.questions_of(question.created_at.year).count() == 0
    [message] = mail.outbox
    assert message.to == [question.contact_email]
    token = message.body.split("/bevestigen/")[1].split("/")[0]
    monday = datetime.datetime(2020, 4, 6, 9, 0, tzinfo=AMS)
    question = services.verify_question(token, at=monday)
    assert question.status == Status.OPEN and question.received_at == monday
    # normal urgency: 17 business hours = two working days
    assert question.first_answer_due == datetime.datetime(2020, 4, 8, 9, 0, tzinfo=AMS)
    assert services.verify_question(token).received_at == monday  # a second click changes nothing


def test_a_forged_or_other_purpose_token_is_refused():
    question = make_question()
    with pytest.raises(Refused):
        services.verify_question("nonsense")
    with pytest.raises(Refused):
        services.verify_question(services.rate_token(question))  # a satisfaction link confirms nothing


@pytest.mark.parametrize(
    ("name", "content"),
    [("virus.exe", b"MZ"), ("plan.pdf", b"not a pdf"), ("empty.pdf", b"")],
)
def test_attachments_are_limited_by_type_and_content(name, content):
    with pytest.raises(Refused):
        make_question(attachments=[SimpleUploadedFile(name, content)])


def test_too_large_an_attachment_is_refused(monkeypatch):
    monkeypatch.setattr(services, "MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(Refused):
        make_question(attachments=[SimpleUploadedFile("plan.pdf", b"%PDF-1.4 long enough")])


def test_attachments_are_stored_in_private_media(settings):
    question = make_question(attachments=[SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")])
    attachment = question.attachments.get()
    assert str(settings.MEENT_PRIVATE_MEDIA) in attachment.file.path and attachment.original_name == "plan.pdf"


def test_staff_register_on_behalf_of_a_partner_from_the_registry(staff):
    partner = Organisation.objects.create(name="Union des Communes (test)", kind="partner", country="ML")
    question = services.register_question(
        by=staff,
        partner=partner,
        contact_name="Awa Traoré",
        contact_email="awa@example.org",
        subject="Communication",
        text="?",
        topic="communicatie",
        country="ML",
        language="fr",
    )
    assert question.status == Status.OPEN and question.partner_name == partner.name and question.received_at
    dutch = Organisation.objects.filter(kind="gemeente").first()
    with pytest.raises(Refused):
        services.register_question(
            by=staff,
            partner=dutch,
            contact_name="x",
            contact_email="x@example.org",
            subject="x",
            text="x",
            topic="covid",
            country="NL",
            language="nl",
        )


def test_from_assignment_to_answer_to_satisfaction(staff, make_account, django_capture_on_commit_callbacks):
    account = make_account(username="oud-burgemeester")
    expert = ExpertFactory(account=account)
    question = make_question()
    services.assign(question, experts=[expert], by=staff)
    assert question.status == Status.ASSIGNED
    assert list(selectors.visible_questions(account)) == [question]
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(question, by=account, text="Start with a crisis team of five.")
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.first_answer_at
    assert mail.outbox[-1].to == [question.contact_email]
    assert Message.objects.get().kind == Message.Kind.EXPERT
    with django_capture_on_commit_callbacks(execute=True):
        services.close(question, by=staff)
    token = mail.outbox[-1].body.split("/tevredenheid/")[1].split("/")[0]
    with pytest.raises(Refused):
        services.rate(token, score=6)
    assert services.rate(token, score=4).satisfaction == 4
    with pytest.raises(ConflictRefused):
        services.post_message(question, by=account, text="Too late")


def test_an_expert_not_assigned_cannot_write_and_sees_nothing(make_account):
    outsider = make_account(username="ander")
    ExpertFactory(account=outsider)
    question = make_question()
    assert not selectors.visible_questions(outsider).exists()
    with pytest.raises(Refused):
        services.post_message(question, by=outsider, text="Hallo")


def test_an_unconfirmed_question_cannot_be_assigned(staff):
    with pytest.raises(ConflictRefused):
        services.assign(make_question(verified=False), experts=[ExpertFactory()], by=staff)


def test_the_summary_for_the_sounding_board_strips_names(staff, make_account):
    account = make_account(username="exp")
    account.first_name, account.last_name = "Joke", "Visser"
    account.save()
    expert = ExpertFactory(account=account, person__first_name="Joke", person__last_name="Visser")
    question = make_question(contact_name="Amara Diallo", partner_name="Commune de Ségou")
    services.assign(question, experts=[expert], by=staff)
    services.post_message(question, by=account, text="Beste Amara, mail joke@example.nl gerust.")
    proposal = services.strip_names(question, "Amara Diallo van Commune de Ségou vroeg Joke Visser iets.")
    assert proposal == "[naam] van [naam] vroeg [naam] iets."
    shared = services.share_summary(question, by=staff, text="Amara vroeg; Visser (joke@example.nl) antwoordde.")
    assert shared.summary == "[naam] vroeg; [naam] ([e-mailadres]) antwoordde."
    assert list(selectors.shared_summaries()) == [question]


def test_an_expert_is_added_once_with_known_topics(make_account):
    from meent.leden.models import Person

    person = Person.objects.create(first_name="Kees", last_name="Bakker")
    with pytest.raises(Refused):
        services.add_expert(person=person, expertise=["astrologie"], languages=["nl"])
    expert = services.add_expert(
        person=person,
        expertise=["covid"],
        languages=["nl", "en"],
        starts_on=datetime.date(2020, 4, 1),
        ends_on=datetime.date(2020, 6, 30),
    )
    assert expert.availability.count() == 1
    with pytest.raises(ConflictRefused):
        services.add_expert(person=person, expertise=["covid"], languages=["nl"])
    with pytest.raises(Refused):
        services.add_availability(expert, starts_on=datetime.date(2020, 5, 1), ends_on=datetime.date(2020, 4, 1))


def test_figures_count_received_questions_only(staff, make_account):
    from meent.core import registry

    account = make_account(username="exp2")
    expert = ExpertFactory(account=account)
    monday = datetime.datetime(2020, 4, 6, 9, 0, tzinfo=AMS)
    a = make_question(at=monday, country="ML", topic="covid")
    make_question(at=monday, country="ET", topic="covid")
    make_question(at=monday, verified=False)
    services.assign(a, experts=[expert], by=staff)
    services.post_message(a, by=account, text="Answer", at=monday + datetime.timedelta(hours=3))
    values = registry.figures.values("crit", 2020)
    assert values["vragen"].number == 2
    assert [(r.label, r.value) for r in values["vragen_per_thema"].rows] == [("COVID-19-maatregelen", 2)]
    assert {r.label for r in values["vragen_per_land"].rows} == {"Mali", "Ethiopië"}
    assert values["mediaan_eerste_antwoord"].number == 3
    assert values["experts_actief"].number == 1
    assert not values["tevredenheid"].has_data
    assert not registry.figures.values("crit", 2019)["vragen"].has_data
    assert len(registry.figures["crit.vragen"].records(2020, staff)) == 2


def test_mail_to_the_partner_is_in_the_partner_language_whatever_the_staff_page(
    staff, django_capture_on_commit_callbacks
):
    from django.utils import translation

    question = make_question(language="fr")
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        services.close(question, by=staff)
    assert mail.outbox[-1].subject == "Êtes-vous satisfait du helpdesk CriT ?"
    assert f"« {question.subject} »" in mail.outbox[-1].body
