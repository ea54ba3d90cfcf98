import pytest

from meent.realisatie.ibd.models import Activation, Deployment, Incident

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_year_of_incidents_and_loads_once(client, login):
    from meent.core import registry
    from meent.core.demo import load_accounts
    from meent.leden.models import Account
    from meent.realisatie.ibd import demo

    load_accounts()
    demo.load_demo()
    demo.load_demo()
    assert Incident.unscoped.filter(year=2020).count() == 175
    activation = Activation.objects.get()
    assert activation.incident.gemeente.name == "Hof van Twente" and activation.incident.reported_at.month == 12
    assert Deployment.objects.filter(activation=activation).count() == 3
    assert registry.figures["ibd.inzet_responsnetwerk"].value(2020).number == 1
    utrecht_iso = Account.objects.get(username="utrecht-iso")
    login(utrecht_iso)
    own = client.get("/ibd/incidenten/")
    assert own.status_code == 200 and "Er zijn geen incidenten" not in own.text
    assert Incident.unscoped.filter(year=2020, gemeente__code="GM0344").count() >= 5
    login(Account.objects.get(username="ibd"))
    assert client.get("/ibd/wachtrij/").status_code == 200
    number = activation.incident.number
    assert "Gemeentehuis Goor" in client.get(f"/ibd/incidenten/{number}/").text
