"""Programmes with a sounding board: seats from the registry, meetings with their decision list, the figure, the
360° section and who may manage."""

import datetime

import pytest

from meent.core.refusals import Refused
from meent.core.roles import Role
from meent.leden.models import Gemeente, Membership, Person
from meent.naleving import demo, programmes
from meent.naleving.models import BoardMember, Decision
from meent.naleving.tests.factories import MeetingFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _seat(programme, code="GM1783", email="i.vandalen@westland.example", **extra):
    values = {"first_name": "Ingrid", "last_name": "van Dalen", "email": email, "function": "wethouder"} | extra
    return programmes.add_board_member(programme, gemeente=Gemeente.objects.get(code=code), **values)


def test_a_seat_is_a_registry_person_holding_the_role_bestuurder():
    programme = ProgrammeFactory()
    existing = Person.objects.create(first_name="Ingrid", last_name="van Dalen", email="i.vandalen@westland.example")
    seat = _seat(programme, email="I.vanDalen@westland.example", since=datetime.date(2021, 2, 1))
    assert seat.person == existing and seat.membership.role == Membership.Role.BESTUURDER
    assert seat.membership.organisation.gemeente.code == "GM1783"
    with pytest.raises(Refused, match="al in de klankbordgroep"):
        _seat(programme, code="GM0599")
    with pytest.raises(Refused, match="bestaat niet meer"):
        _seat(programme, code="GM0003", email="x@appingedam.example")
    assert BoardMember.objects.count() == 1


def test_meetings_and_the_decision_list():
    programme = ProgrammeFactory(start=datetime.date(2021, 1, 1))
    with pytest.raises(Refused, match="vóór de start"):
        programmes.add_meeting(programme, date=datetime.date(2020, 12, 1), agenda="1. Opening")
    meeting = programmes.add_meeting(programme, date=datetime.date(2021, 3, 1), agenda="1. Opening")
    decision = programmes.add_decision(meeting, text="Handreiking opstellen")
    assert decision.status == Decision.Status.OPEN
    programmes.set_decision_status(decision, "in_uitvoering")
    with pytest.raises(Refused):
        programmes.set_decision_status(decision, "klaar")
    decision.refresh_from_db()
    assert decision.status == "in_uitvoering"


def test_staff_manage_through_the_forms_and_the_board_reads(client, make_account, login):
    login(make_account(Role.NALEVING))
    created = client.post("/naleving/programmas/nieuw/", {"title": "Arbeidsmigranten", "start": "2021-01-01"})
    programme = programmes.programmes().get()
    assert created["Location"] == f"/naleving/programmas/{programme.pk}/"
    base = f"/naleving/programmas/{programme.pk}/"
    member = {"gemeente": "GM0758", "first_name": "Marloes", "last_name": "Hendriks", "email": "m@breda.example"}
    assert client.post(base + "leden/nieuw/", member | {"function": "wethouder"}).status_code == 302
    bad = client.post(base + "bijeenkomsten/nieuw/", {"date": "2020-05-01", "agenda": "x"})
    assert bad.status_code == 200 and "vóór de start" in bad.content.decode()
    assert client.post(base + "bijeenkomsten/nieuw/", {"date": "2021-03-01", "agenda": "1. Opening"}).status_code == 302
    meeting = programme.meetings.get()
    url = base + f"bijeenkomsten/{meeting.pk}/besluiten/nieuw/"
    assert client.post(url, {"text": "Werkplan vastgesteld", "status": "open"}).status_code == 302
    decision = Decision.objects.get()
    client.post(base + f"besluiten/{decision.pk}/status/", {"status": "afgerond"})
    decision.refresh_from_db()
    assert decision.status == "afgerond"
    other = MeetingFactory()
    assert (
        client.get(f"/naleving/programmas/{programme.pk}/bijeenkomsten/{other.pk}/besluiten/nieuw/").status_code == 404
    )
    client.logout()
    login(make_account(Role.BESTUUR))
    page = client.get(base).content.decode()
    assert "Marloes Hendriks" in page and "Werkplan vastgesteld" in page and "Bijwerken" not in page


def test_the_360_section_shows_the_gemeente_administrators_seats(client, make_account, login):
    programme = ProgrammeFactory(title="Bescherming arbeidsmigranten")
    _seat(programme, code="GM0363", email="w@amsterdam.example")
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    from django.test import RequestFactory

    from meent.naleving.panels import gemeente_section

    request = RequestFactory().get("/")
    request.user = make_account(Role.GEMEENTE, gemeente="GM0363", username="ams2")
    section = gemeente_section(request, Gemeente.objects.get(code="GM0363"))
    assert [seat.programme.title for seat in section["seats"]] == ["Bescherming arbeidsmigranten"]
    request.user = make_account(Role.GEMEENTE, gemeente="GM0344", username="utr2")
    assert gemeente_section(request, Gemeente.objects.get(code="GM0363")) is None


def test_demo_board_and_figure():
    from meent.core import registry

    demo.load_programme()
    demo.load_programme()
    programme = programmes.programmes().get(title=demo.PROGRAMME)
    board = programmes.board(programme)
    assert len(board) == 8 and len({seat.gemeente_id for seat in board}) == 8
    assert programme.meeting_count == 2 and Decision.objects.count() == 4
    with registry.computing():
        values = registry.figures.values("naleving", 2021)
        before = registry.figures.values("naleving", 2020)
    rows = values["klankbordgroepen"].rows
    assert [(r.label, r.value, r.detail) for r in rows] == [(demo.PROGRAMME, 8, "8 gemeenten")]
    assert not before["klankbordgroepen"].has_data
