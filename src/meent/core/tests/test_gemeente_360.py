"""The gemeente 360° page: who may look at which gemeente, and each module's section showing only what the viewer
may see of it."""

import pytest
from django_scopes import scopes_disabled

from meent.core.roles import Role
from meent.leden import services as leden
from meent.leden.models import Gemeente, Person

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_a_gemeente_account_sees_its_own_page_and_never_another(client, make_account, login):
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    own = text(client.get("/gemeenten/GM0363/360/"))
    assert "Mijn gemeente: Amsterdam" in own
    assert "Mijn gemeente: Amsterdam" in text(client.get("/mijn-gemeente/"))
    assert client.get("/gemeenten/GM0344/360/").status_code == 403
    assert client.get("/gemeenten/gm0344/360/").status_code == 403
    assert client.get("/gemeenten/GM9999/360/").status_code == 404


@pytest.mark.parametrize("role", [Role.BESTUUR, Role.CONNECT, Role.IBD_ANALIST])
def test_staff_see_any_gemeente(role, client, make_account, login):
    login(make_account(role))
    for code, name in (("GM0363", "Amsterdam"), ("GM0344", "Utrecht")):
        page = text(client.get(f"/gemeenten/{code}/360/"))
        assert f"{name} in beeld" in page and "Mijn gemeente" not in page.split("<main", 1)[-1]
    assert client.get("/mijn-gemeente/").status_code == 403


def test_the_register_links_to_the_page_for_who_may_open_it(client, make_account, login):
    assert "/gemeenten/GM0363/360/" not in text(client.get("/gemeenten/GM0363/"))
    login(make_account(Role.GEMEENTE, gemeente="GM0344"))
    assert "/gemeenten/GM0344/360/" in text(client.get("/gemeenten/GM0344/"))
    assert "/gemeenten/GM0363/360/" not in text(client.get("/gemeenten/GM0363/"))
    login(make_account(Role.BESTUUR))
    assert "/gemeenten/GM0363/360/" in text(client.get("/gemeenten/GM0363/"))


def test_the_leden_section_shows_contacts_and_mergers(client, make_account, login):
    with scopes_disabled():
        person = Person.objects.create(first_name="Ada", last_name="Amstel", email="ada@amsterdam.example")
        leden.add_membership(person=person, organisation=Gemeente.objects.get(code="GM0363").organisation, role="ciso")
        merged = Gemeente.objects.filter(predecessions__isnull=False).first()
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    page = text(client.get("/mijn-gemeente/"))
    assert "Ada Amstel" in page and "/gemeenten/GM0363/" in page
    login(make_account(Role.BESTUUR))
    page = text(client.get(f"/gemeenten/{merged.code}/360/"))
    assert "Herindelingen" in page
    assert merged.predecessions.first().predecessor.name in page


def test_the_connect_section_counts_the_gemeentes_people_and_lists_its_trainees(client, make_account, login):
    from meent.connect.models import Evaluation, Registration
    from meent.connect.tests.factories import AssignmentFactory, PastEventFactory, RegistrationFactory

    event = PastEventFactory(title="Dag van de Stad (test)")
    other = PastEventFactory(title="Alleen voor Utrecht")
    ours = RegistrationFactory(event=event, organisation_name="Gemeente Amsterdam")
    RegistrationFactory(event=event, organisation_name="amsterdam")
    RegistrationFactory(event=event, organisation_name="Amsterdam", status=Registration.Status.GEANNULEERD)
    RegistrationFactory(event=other, organisation_name="Gemeente Utrecht")
    Evaluation.objects.create(registration=ours, overall=8, content=7, speakers=8, organisation=9)
    AssignmentFactory(organisation=Gemeente.objects.get(code="GM0363").organisation, title="Datastrategie")

    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    page = text(client.get("/mijn-gemeente/"))
    assert "2 aanmeldingen voor 1 evenementen" in page and "1 evaluatie, gemiddeld een 8,0" in page
    assert "Dag van de Stad (test)" in page and "Alleen voor Utrecht" not in page
    assert "Datastrategie" in page
    # The full list: the events its people registered for, only for those who may see the gemeente's page.
    listed = text(client.get("/evenementen/?gemeente=GM0363&periode=alle"))
    assert "Dag van de Stad (test)" in listed and "Alleen voor Utrecht" not in listed
    unfiltered = text(client.get("/evenementen/?gemeente=GM0344&periode=alle"))
    assert "Alleen voor Utrecht" in unfiltered and "Dag van de Stad (test)" in unfiltered


def test_the_ibd_section_shows_only_the_incidents_the_viewer_may_see(client, make_account, login):
    from meent.realisatie.ibd.models import TLP
    from meent.realisatie.ibd.tests.factories import make_incident

    iso = make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0363")
    analyst = make_account(Role.IBD_ANALIST)
    with scopes_disabled():
        green = make_incident(iso, tlp=TLP.GREEN, title="Groen incident")
        amber = make_incident(iso, tlp=TLP.AMBER, title="Oranje incident")
        red = make_incident(iso, tlp=TLP.RED, title="Rood incident", recipients=[analyst])
        utrecht = make_incident(
            make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344"), tlp=TLP.GREEN, title="Utrechts"
        )

    def shown(page: str) -> set[str]:
        return {i.title for i in (green, amber, red, utrecht) if i.title in page}

    login(make_account(Role.GEMEENTE, gemeente="GM0363"))  # not a security officer: no AMBER of its own
    page = text(client.get("/mijn-gemeente/"))
    assert shown(page) == {"Groen incident"} and "1 incident dat u mag zien" in page
    # Another security officer of Amsterdam: its AMBER too, but RED only for the named (the reporter, the analyst).
    login(make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0363"))
    assert shown(text(client.get("/mijn-gemeente/"))) == {"Groen incident", "Oranje incident"}
    login(iso)
    assert shown(text(client.get("/mijn-gemeente/"))) == {"Groen incident", "Oranje incident", "Rood incident"}
    login(analyst)
    page = text(client.get("/gemeenten/GM0363/360/"))
    assert shown(page) == {"Groen incident", "Oranje incident", "Rood incident"}
    assert "/ibd/incidenten/?toon=alle&amp;gemeente=GM0363" in page
    listed = text(client.get("/ibd/incidenten/?toon=alle&gemeente=GM0363"))
    assert shown(listed) == {"Groen incident", "Oranje incident", "Rood incident"}
    # The board is not in the IBD community: no IBD section at all.
    login(make_account(Role.BESTUUR))
    page = text(client.get("/gemeenten/GM0363/360/"))
    assert "IBD-incidenten" not in page and not shown(page)
