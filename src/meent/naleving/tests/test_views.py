"""The pages: the answer page through a link (no account), the coverage page, exports."""

import datetime
import io
import threading

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django_scopes import scopes_disabled

from meent.core.roles import Role
from meent.leden.models import Membership
from meent.naleving import services
from meent.naleving.models import Answer, Delivery, Target
from meent.naleving.tests.factories import answer_data, committed, make_campaign

pytestmark = pytest.mark.django_db


def link(campaign, code: str) -> str:
    return f"/naleving/antwoord/{services.link_token(Target.unscoped.get(campaign=campaign, gemeente__code=code))}/"


def test_a_gemeente_answers_through_its_link_without_an_account(client):
    campaign = make_campaign()
    url = link(campaign, "GM0363")
    page = client.get(url)
    assert page.status_code == 200 and "namens gemeente <strong>Amsterdam</strong>" in page.content.decode()
    assert Target.unscoped.get(campaign=campaign, gemeente__code="GM0363").opened_at is not None
    invalid = client.post(url, answer_data(email="fout"))
    assert invalid.status_code == 400 and "Controleer de volgende velden" in invalid.content.decode()
    response = client.post(url, answer_data())
    assert response.status_code == 302
    answer = Answer.unscoped.get()
    assert answer.target.gemeente.code == "GM0363" and answer.membership.role == Membership.Role.COORDINATOR
    again = client.get(url)
    assert "versie 1" in again.content.decode() and "Fatima el Amrani" in again.content.decode()


@pytest.mark.parametrize(
    "damage", [lambda t: t[:-3], lambda t: ("A" if t[0] != "A" else "B") + t[1:], lambda t: "x" + t]
)
def test_a_changed_link_gets_a_clear_page(client, damage):
    campaign = make_campaign()
    url = link(campaign, "GM0363")
    token = url.split("/")[-2]
    for method in (client.get, client.post):
        response = method(f"/naleving/antwoord/{damage(token)}/", answer_data())
        assert response.status_code == 403
        assert (
            "Deze link werkt niet" in response.content.decode()
            and "nieuwe persoonlijke link" in response.content.decode()
        )
    assert not Answer.unscoped.exists()


def test_an_expired_link_gets_a_clear_page(client):
    campaign = make_campaign()
    url = link(campaign, "GM0363")
    campaign.deadline = timezone.now() - datetime.timedelta(days=campaign.grace_days, minutes=1)
    campaign.save()
    response = client.post(url, answer_data())
    assert response.status_code == 410 and "Deze link is verlopen" in response.content.decode()
    assert not Answer.unscoped.exists()


def test_coverage_page_shows_map_curve_and_list_in_a_fixed_number_of_queries(client, make_account, login):
    campaign = make_campaign(target_kind="indeling", codes=())
    login(make_account(Role.NALEVING))
    sent = campaign.sent_at
    for hours, target in enumerate(Target.unscoped.filter(campaign=campaign)[:40]):
        services.submit_answer(
            target, answer_data(email=f"c{hours}@gemeente.example"), now=sent + datetime.timedelta(hours=hours)
        )
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/naleving/campagnes/{campaign.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "40 van 355 na 39 uur" in html and html.count('stroke-width="0.4"') == 355 and "naleving-chart" in html
    assert len(queries) < 20
    first = Target.unscoped.filter(campaign=campaign, first_answer_at__isnull=False).select_related("gemeente")[0]
    row = html[html.index(f'scope="row">{escape(first.gemeente.name)}</th>') :].split("</tr>")[0]
    moment = timezone.localtime(first.first_answer_at)
    assert '<td class="utrecht-table__cell">beantwoord</td>' in row and f"{moment:%H:%M}</td>" in row
    assert first.gemeente.province.name in row and date_format(moment, "j F Y") in row
    assert html.count(">ontbreekt</td>") == 315


def test_reminding_twice_reminds_once(client, make_account, login):
    campaign = make_campaign()
    login(make_account(Role.NALEVING))
    with committed():
        client.post(f"/naleving/campagnes/{campaign.pk}/herinneren/")
    with committed():
        client.post(f"/naleving/campagnes/{campaign.pk}/herinneren/")
    assert Delivery.unscoped.filter(kind=Delivery.Kind.REMINDER).count() == 2  # one per gemeente: two gemeenten


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_list_every_version(client, make_account, login, fmt):
    campaign = make_campaign()
    target = Target.unscoped.get(campaign=campaign, gemeente__code="GM0363")
    services.submit_answer(target, answer_data())
    services.submit_answer(target, answer_data(functie="=HYPERLINK(1)"))
    login(make_account(Role.BESTUUR))
    response = client.get(f"/naleving/campagnes/{campaign.pk}/antwoorden.{fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        lines = response.content.decode("utf-8-sig").splitlines()
        assert len(lines) == 3 and "'=HYPERLINK(1)" in lines[2]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert sheet.max_row == 3
    assert client.get(f"/naleving/campagnes/{campaign.pk}/antwoorden.pdf").status_code == 404


def test_creating_a_campaign_through_the_form(client, make_account, login):
    login(make_account(Role.NALEVING))
    form = client.get("/naleving/campagnes/nieuw/")
    assert form.status_code == 200
    data = {
        "title": "Contact arbeidsmigranten",
        "question": "Wie is uw contact?",
        "target_kind": "provincie",
        "division_year": "2020",
        "recipient_role": "contactpersoon",
        "fallback_email": "naleving@vereniging.example",
        "deadline": "2030-01-01T12:00",
        "grace_days": "2",
    }
    refused = client.post("/naleving/campagnes/nieuw/", data)
    assert refused.status_code == 200 and "Kies de provincie" in refused.content.decode()
    from meent.leden.models import Province

    data["province"] = Province.objects.get(name="Utrecht").pk
    created = client.post("/naleving/campagnes/nieuw/", data)
    assert created.status_code == 302
    campaign_url = created["Location"]
    field = {"key": "naam", "label": "Naam", "kind": "tekst", "required": "on", "purpose": "naam", "order": "0"}
    assert client.post(campaign_url + "velden/", field).status_code == 302
    with committed():
        assert client.post(campaign_url + "versturen/").status_code == 302
    assert Delivery.unscoped.count() == Target.unscoped.count() > 20


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_answers_keep_both_versions_and_the_later_wins():
    campaign = make_campaign()
    target = Target.unscoped.get(campaign=campaign, gemeente__code="GM0363")
    start = timezone.now()
    barrier = threading.Barrier(2)
    errors = []

    def answer(function: str, seconds: int) -> None:
        try:
            barrier.wait()
            with scopes_disabled():  # a thread has no test-wide scope; a request gets its own from the middleware
                services.submit_answer(
                    target, answer_data(functie=function), now=start + datetime.timedelta(seconds=seconds)
                )
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(f, s)) for f, s in (("Eerste", 1), ("Tweede", 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    versions = list(Answer.unscoped.filter(target=target).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert {v.data["functie"] for v in versions} == {"Eerste", "Tweede"}


def test_the_answer_shows_on_mijn_gemeente_and_the_360_section_only_to_who_may_see_it(client, make_account, login):
    campaign = make_campaign()
    for code, email in (("GM0363", "a@amsterdam.example"), ("GM0344", "u@utrecht.example")):
        services.submit_answer(Target.unscoped.get(campaign=campaign, gemeente__code=code), answer_data(email=email))
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    html = client.get("/mijn-gemeente/").content.decode()
    assert "Fatima el Amrani" in html and "Coördinator" in html
    assert f"{campaign.title}: versie 1 van" in html  # Naleving's own section, not only the registry's contacts
    from meent.core.registry import gemeente_sections
    from meent.leden.models import Gemeente

    def naleving_rows(user, code: str) -> list[int]:
        request = type("Request", (), {"user": user})()
        sections = gemeente_sections.for_gemeente(request, Gemeente.objects.get(code=code))
        return [len(s["rows"]) for s in sections if s["template"] == "naleving/_gemeente_section.html"]

    amsterdam = make_account(Role.GEMEENTE, gemeente="GM0363")
    assert naleving_rows(amsterdam, "GM0363") == [1] and naleving_rows(amsterdam, "GM0344") == []
    assert naleving_rows(make_account(Role.NALEVING), "GM0344") == [1]
    assert naleving_rows(make_account(Role.CONNECT), "GM0344") == []
