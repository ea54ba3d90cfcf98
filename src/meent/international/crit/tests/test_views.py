"""The helpdesk through its pages and its API: a question from the public form to the partner's score."""

import pytest
from django.core import mail

from meent.core.roles import Role
from meent.international.crit import services
from meent.international.crit.models import Expert, Question, Status
from meent.international.crit.tests.factories import ExpertFactory, make_question
from meent.leden.models import Organisation

pytestmark = pytest.mark.django_db

FORM = {
    "partner_name": "Commune de Ségou",
    "contact_name": "Awa Traoré",
    "contact_email": "awa@example.org",
    "subject": "Cellule de crise",
    "text": "Comment faire ?",
    "topic": "crisisbeheersing",
    "country": "ML",
    "language": "fr",
    "urgency": "hoog",
}


@pytest.fixture
def staff(make_account):
    return make_account(Role.INTERNATIONAL, username="intl")


def test_the_public_form_in_french_mails_a_link_that_confirms(client, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = "fr"
    page = client.get("/helpdesk/vraag-stellen/")
    assert "Une question au helpdesk CriT" in page.text and 'lang="fr"' in page.text
    bad = client.post("/helpdesk/vraag-stellen/", {**FORM, "contact_email": "geen-adres"})
    assert bad.status_code == 400 and "Veuillez vérifier les champs suivants" in bad.text
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post("/helpdesk/vraag-stellen/", FORM)
    assert sent.status_code == 200 and "awa@example.org" in sent.text
    [message] = mail.outbox
    assert message.subject == "Confirmez votre question au helpdesk CriT"  # in the asker's language
    link = message.body.split("http://127.0.0.1:8000", 1)[1].split()[0]
    assert "Confirmer" in client.get(link).text
    assert Question.objects.get().status == Status.UNVERIFIED  # opening the link confirms nothing
    client.post(link)
    assert Question.objects.get().status == Status.OPEN


def test_a_disallowed_attachment_is_a_form_error_not_a_crash(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/helpdesk/vraag-stellen/", {**FORM, "attachments": SimpleUploadedFile("x.exe", b"MZ")})
    assert response.status_code == 400 and "niet toegestaan" in response.text
    assert not Question.objects.exists()


def test_a_forged_link_says_so(client):
    response = client.get("/helpdesk/vraag-stellen/bevestigen/vals/")
    assert response.status_code == 400 and "ongeldig of verlopen" in response.text


def test_staff_rank_assign_and_close_the_expert_answers(client, login, staff, make_account):
    expert_account = make_account(username="expert-a")
    fit = ExpertFactory(account=expert_account, expertise=["crisisbeheersing"], languages=["fr"])
    ExpertFactory(expertise=["covid"], languages=["nl"])
    question = make_question()
    login(staff)
    detail = client.get(f"/helpdesk/vragen/{question.pk}/")
    assert detail.status_code == 200
    text = detail.text
    assert text.index(str(fit.person)) < text.index("geen expertise in dit thema")  # the fitting expert first
    client.post(f"/helpdesk/vragen/{question.pk}/toewijzen/", {"experts": [fit.pk]})
    assert question.assignments.get().expert == fit
    login(expert_account)
    assert client.get("/helpdesk/").status_code == 200
    client.post(f"/helpdesk/vragen/{question.pk}/berichten/", {"text": "Commencez par une petite équipe."})
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert client.get(f"/helpdesk/vragen/{make_question().pk}/").status_code == 404  # not assigned: not there
    login(staff)
    client.post(f"/helpdesk/vragen/{question.pk}/sluiten/")
    question.refresh_from_db()
    assert question.status == Status.CLOSED
    token = services.rate_token(question)
    assert client.post(f"/helpdesk/tevredenheid/{token}/", {"score": "9"}).status_code == 400
    assert client.post(f"/helpdesk/tevredenheid/{token}/", {"score": "5"}).status_code == 200
    question.refresh_from_db()
    assert question.satisfaction == 5


def test_staff_share_a_summary_without_names(client, login, staff):
    question = make_question(contact_name="Awa Traoré")
    login(staff)
    proposal = client.get(f"/helpdesk/vragen/{question.pk}/samenvatting/")
    assert "Traoré" not in proposal.text.split("<textarea", 1)[1].split("</textarea>")[0]
    client.post(f"/helpdesk/vragen/{question.pk}/samenvatting/", {"text": "Awa vroeg hoe een crisisteam werkt."})
    question.refresh_from_db()
    assert question.summary == "[naam] vroeg hoe een crisisteam werkt."


def test_staff_register_a_question_and_build_the_pool(client, login, staff):
    from meent.leden.models import Person

    partner = Organisation.objects.create(name="APLA (test)", kind="partner", country="PS")
    login(staff)
    response = client.post(
        "/helpdesk/vragen/nieuw/", {**FORM, "partner": partner.pk, "country": "PS", "language": "en"}
    )
    question = Question.objects.get()
    assert response.status_code == 302 and question.partner == partner and question.status == Status.OPEN
    person = Person.objects.create(first_name="Kees", last_name="Bakker")
    response = client.post(
        "/helpdesk/experts/nieuw/", {"person": person.pk, "expertise": ["covid"], "languages": ["nl", "fr"]}
    )
    expert = Expert.objects.get(person=person)
    assert response.status_code == 302 and expert.languages == ["fr", "nl"]
    bad = client.post(
        f"/helpdesk/experts/{expert.pk}/beschikbaarheid/",
        {"starts_on": "2030-02-01", "ends_on": "2030-01-01"},
    )
    assert bad.status_code == 302 and not expert.availability.exists()


def test_the_api_lists_what_the_caller_may_see_and_staff_register(client, login, staff, make_account):
    expert_account = make_account(username="expert-b")
    expert = ExpertFactory(account=expert_account)
    mine, other = make_question(), make_question()
    services.assign(mine, experts=[expert], by=staff)
    login(expert_account)
    assert [q["id"] for q in client.get("/api/v1/vragen").json()["results"]] == [mine.pk]
    assert client.get(f"/api/v1/vragen/{other.pk}").status_code == 404
    assert client.post("/api/v1/vragen", {}, content_type="application/json").status_code == 403
    login(staff)
    partner = Organisation.objects.create(name="AMM (test)", kind="partner", country="ML")
    body = {
        "partner": partner.pk,
        "contactpersoon": "Awa",
        "email": "awa@example.org",
        "onderwerp": "Crisis",
        "vraag": "?",
        "thema": "covid",
        "land": "ML",
        "taal": "fr",
    }
    created = client.post("/api/v1/vragen", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "open"
    bad = client.post("/api/v1/vragen", {**body, "thema": "astrologie"}, content_type="application/json")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")
    assert len(client.get("/api/v1/vragen?status=open").json()["results"]) == 2  # "mine" is assigned


def test_the_figures_page(client, login, staff):
    make_question()
    login(staff)
    response = client.get("/helpdesk/cijfers/?jaar=abc")
    assert response.status_code == 200 and "Vragen per land" in response.text


def test_the_gemeente_section_lists_its_officials_for_staff_and_for_its_own_account(rf, staff, make_account):
    from meent.international.crit.panels import gemeente_section
    from meent.leden.models import Gemeente

    rotterdam = Gemeente.objects.get(code="GM0599")
    expert_account = make_account(username="expert-c")
    expert = ExpertFactory(account=expert_account, gemeente=rotterdam)
    question = make_question()
    services.assign(question, experts=[expert], by=staff)
    services.post_message(question, by=expert_account, text="Antwoord")
    request = rf.get("/")
    request.user = staff
    context = gemeente_section(request, rotterdam)
    assert context["officials"] == [expert] and context["answered"] == 1
    request.user = make_account(Role.GEMEENTE, gemeente="GM0599")
    assert gemeente_section(request, rotterdam)["url"] == ""
    request.user = make_account(Role.GEMEENTE, gemeente="GM0363")
    assert gemeente_section(request, rotterdam) is None
    request.user = staff
    assert gemeente_section(request, Gemeente.objects.get(code="GM0363")) is None  # no officials there


def test_staff_enter_the_partner_reply_into_the_log(client, login, staff):
    question = make_question()
    login(staff)
    client.post(
        f"/helpdesk/vragen/{question.pk}/berichten/", {"text": "Merci, encore une question.", "from_partner": "1"}
    )
    client.post(f"/helpdesk/vragen/{question.pk}/berichten/", {"text": "Interne notitie"})
    assert [(m.kind, m.author) for m in question.messages.all()] == [("partner", None), ("medewerker", staff)]
    question.refresh_from_db()
    assert question.first_answer_at is None and question.status == Status.OPEN  # neither stops the clock


def test_the_360_page_shows_the_gemeentes_experts_and_their_answers(client, login, staff, make_account):
    from meent.leden.models import Gemeente

    expert_account = make_account(username="expert-360")
    expert = ExpertFactory(account=expert_account, gemeente=Gemeente.objects.get(code="GM0599"))
    services.assign(question := make_question(), experts=[expert], by=staff)
    services.post_message(question, by=expert_account, text="Antwoord")
    login(staff)
    response = client.get("/gemeenten/GM0599/360/")
    assert response.status_code == 200
    section = response.text.split("CriT-helpdesk: experts uit deze gemeente", 1)[1]
    assert "Samen beantwoordden zij 1 vraag van partners in het buitenland." in section
    assert f"{expert.person}" in section and "1 vraag beantwoord" in section
