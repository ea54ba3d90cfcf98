import pytest

from meent.core.roles import Role
from meent.naleving import services
from meent.naleving.models import Target
from meent.naleving.tests.factories import answer_data, make_campaign

pytestmark = pytest.mark.django_db


def test_campaigns_with_answers_per_gemeente_and_the_coverage_series(client, make_account, login):
    campaign = make_campaign()
    amsterdam = Target.unscoped.get(campaign=campaign, gemeente__code="GM0363")
    services.submit_answer(amsterdam, answer_data())
    services.submit_answer(amsterdam, answer_data(functie="Directeur"))
    login(make_account(Role.NALEVING))
    listing = client.get("/api/v1/campagnes").json()
    assert [(c["id"], c["aantalDoelgemeenten"], c["aantalBeantwoord"]) for c in listing["results"]] == [
        (campaign.pk, 2, 1)
    ]
    detail = client.get(f"/api/v1/campagnes/{campaign.pk}").json()
    rows = {row["gemeente"]: row for row in detail["gemeenten"]}
    assert rows["GM0363"]["versie"] == 2 and rows["GM0363"]["antwoord"]["functie"] == "Directeur"
    assert rows["GM0344"]["status"] == "ontbreekt" and rows["GM0344"]["antwoord"] is None
    assert detail["dekking"] == [{"uur": 0, "beantwoord": 0}, {"uur": 1, "beantwoord": 1}]  # within the first hour
    assert [f["sleutel"] for f in detail["velden"]][:3] == ["naam", "functie", "email"]


def test_a_gemeente_account_gets_a_problem(client, make_account, login):
    make_campaign()
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    response = client.get("/api/v1/campagnes")
    assert response.status_code == 403 and response["Content-Type"].startswith("application/problem+json")
    assert client.get("/api/v1/campagnes/999999").status_code == 403


def test_roadmaps_a_gemeente_sees_and_writes_its_own(client, make_account, login):
    from meent.leden.models import Gemeente
    from meent.naleving import roadmaps
    from meent.naleving.tests.factories import make_roadmap

    roadmap = make_roadmap(steps=2)
    roadmaps.record_progress(roadmap.steps.get(number=1), Gemeente.objects.get(code="GM0344"), status="gereed", by=None)
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    url = f"/api/v1/routekaarten/{roadmap.pk}"
    assert client.get(url).json()["voortgang"] == []
    created = client.post(
        url + "/voortgang", {"stap": 2, "status": "bezig", "notitie": "Loopt"}, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["gemeente"] == "GM0363"
    other = client.post(
        url + "/voortgang", {"stap": 1, "status": "gereed", "gemeente": "GM0344"}, content_type="application/json"
    )
    assert other.status_code == 400 and other["Content-Type"].startswith("application/problem+json")
    bad = client.post(url + "/voortgang", {"stap": 9, "status": "klaar"}, content_type="application/json")
    assert bad.status_code == 400
    assert [(p["gemeente"], p["stap"]) for p in client.get(url).json()["voortgang"]] == [("GM0363", 2)]
    client.logout()
    login(make_account(Role.BESTUUR))
    assert len(client.get(url).json()["voortgang"]) == 2
