"""Progress asked through a campaign: one field per roadmap step, and each answer records the gemeente's progress."""

import datetime

import pytest
from django.utils import timezone

from meent.core.refusals import ConflictRefused, Refused
from meent.core.roles import Role
from meent.naleving import roadmaps, services
from meent.naleving.models import Field, Progress, Roadmap, Target
from meent.naleving.tests.factories import answer_data, committed, make_campaign, make_roadmap

pytestmark = pytest.mark.django_db


def campaign_asking(roadmap: Roadmap):
    campaign = make_campaign(sent=False)
    services.add_roadmap_fields(campaign, roadmap)
    with committed():
        services.send_campaign(campaign, by=None)
    campaign.refresh_from_db()
    return campaign


def link(campaign, code: str) -> str:
    return f"/naleving/antwoord/{services.link_token(Target.unscoped.get(campaign=campaign, gemeente__code=code))}/"


def statuses() -> dict[tuple[str, int], tuple[str, datetime.date, str]]:
    return {
        (p.gemeente.code, p.step.number): (p.status, p.date, p.note)
        for p in Progress.unscoped.select_related("gemeente", "step")
    }


def test_the_steps_become_choice_fields_after_the_campaigns_own():
    roadmap = make_roadmap(steps=3)
    campaign = make_campaign(sent=False)
    fields = services.add_roadmap_fields(campaign, roadmap)
    assert [f.step.number for f in fields] == [1, 2, 3] and {f.kind for f in fields} == {Field.Kind.CHOICE}
    ordered = list(campaign.fields.all())
    assert [f.key for f in ordered][-3:] == [f"routekaart-{roadmap.pk}-stap-{n}" for n in (1, 2, 3)]
    assert ordered[-1].choice_list == ["niet_gestart", "bezig", "gereed"] and "stap 3" in ordered[-1].label
    with pytest.raises(Refused):
        services.add_roadmap_fields(campaign, roadmap)  # asked already
    assert campaign.fields.count() == 7 + 3


def test_an_answer_through_the_link_records_progress_for_its_own_gemeente_only(client):
    roadmap = make_roadmap(steps=2)
    campaign = campaign_asking(roadmap)
    first, second = (f"routekaart-{roadmap.pk}-stap-{n}" for n in (1, 2))
    url = link(campaign, "GM0363")
    page = client.get(url).content.decode()
    assert "Zo doet u dat." in page and 'value="bezig"' in page  # the step's guidance, the three statuses
    assert client.post(url, answer_data(**{first: "gereed", second: "bezig"})).status_code == 302
    today = timezone.localdate()
    note = f"Via campagne {campaign.title}"
    assert statuses() == {("GM0363", 1): ("gereed", today, note), ("GM0363", 2): ("bezig", today, note)}
    assert client.post(url, answer_data(**{first: "klaar", second: "bezig"})).status_code == 400  # not a status
    assert len(statuses()) == 2


def test_a_later_version_updates_the_progress_and_an_unchanged_status_keeps_its_date():
    roadmap = make_roadmap(steps=2)
    campaign = campaign_asking(roadmap)
    first, second = (f"routekaart-{roadmap.pk}-stap-{n}" for n in (1, 2))
    amsterdam = Target.unscoped.get(campaign=campaign, gemeente__code="GM0363")
    step1 = roadmap.steps.get(number=1)
    roadmaps.record_progress(step1, amsterdam.gemeente, status="bezig", by=None, date=datetime.date(2020, 5, 1))
    services.submit_answer(amsterdam, answer_data(**{first: "bezig", second: "niet_gestart"}))
    assert statuses()[("GM0363", 1)] == ("bezig", datetime.date(2020, 5, 1), "")  # already so: its date stays
    assert statuses()[("GM0363", 2)][0] == "niet_gestart"
    services.submit_answer(amsterdam, answer_data(**{first: "gereed", second: "niet_gestart"}))
    assert statuses()[("GM0363", 1)] == ("gereed", timezone.localdate(), f"Via campagne {campaign.title}")
    assert not Progress.unscoped.exclude(gemeente=amsterdam.gemeente).exists()


def test_the_answer_form_shows_the_progress_as_recorded_now(client):
    roadmap = make_roadmap(steps=1)
    campaign = campaign_asking(roadmap)
    key = f"routekaart-{roadmap.pk}-stap-1"
    amsterdam = Target.unscoped.get(campaign=campaign, gemeente__code="GM0363")
    services.submit_answer(amsterdam, answer_data(**{key: "bezig"}))
    roadmaps.record_progress(roadmap.steps.get(), amsterdam.gemeente, status="gereed", by=None)  # on the roadmap page
    page = client.get(link(campaign, "GM0363")).content.decode()
    assert '<option value="gereed" selected>' in page and "Fatima el Amrani" in page


def test_refused_once_sent_or_for_another_division():
    roadmap = make_roadmap(steps=2)
    sent = make_campaign()
    with pytest.raises(ConflictRefused):
        services.add_roadmap_fields(sent, roadmap)
    later = make_campaign(sent=False, division_year=2021)
    with pytest.raises(Refused) as refused:
        services.add_roadmap_fields(later, roadmap)
    assert "indeling van 2020" in str(refused.value.errors[0])
    empty = Roadmap.objects.create(title="Zonder stappen", division_year=2020)
    with pytest.raises(Refused):
        services.add_roadmap_fields(make_campaign(sent=False), empty)
    assert not Field.objects.filter(step__isnull=False).exists()


def test_staff_ask_a_roadmap_on_the_campaign_page(client, make_account, login):
    roadmap = make_roadmap(steps=2)
    Roadmap.objects.create(title="Routekaart van een andere indeling", division_year=2025)
    campaign = make_campaign(sent=False)
    login(make_account(Role.NALEVING))
    page = client.get(f"/naleving/campagnes/{campaign.pk}/").content.decode()
    assert "Voortgang van een routekaart vragen" in page and "andere indeling" not in page
    url = f"/naleving/campagnes/{campaign.pk}/routekaart/"
    response = client.post(url, {"roadmap": roadmap.pk}, follow=True)
    assert "de voortgang op de 2 stappen" in response.content.decode()
    assert "wordt de voortgang op stap 2 van" in response.content.decode()
    again = client.post(url, {"roadmap": roadmap.pk}, follow=True).content.decode()
    assert "vraagt de stappen van deze routekaart al" in again
    assert campaign.fields.filter(step__roadmap=roadmap).count() == 2
    assert client.post(url, {"roadmap": "999999"}).status_code == 302  # a Dutch message, no crash


def test_the_api_names_the_step_a_field_asks(client, make_account, login):
    roadmap = make_roadmap(steps=1)
    campaign = campaign_asking(roadmap)
    login(make_account(Role.BESTUUR))
    fields = client.get(f"/api/v1/campagnes/{campaign.pk}").json()["velden"]
    assert fields[0]["routekaart"] is None and fields[0]["stap"] is None
    assert (fields[-1]["routekaart"], fields[-1]["stap"], fields[-1]["soort"]) == (roadmap.pk, 1, "keuze")
