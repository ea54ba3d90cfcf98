"""Campaigns end to end through the services: targets, sending, signed links, answers, roles, reminders."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from meent.core.refusals import ConflictRefused, Refused
from meent.leden.models import Gemeente, Membership, Organisation, Person
from meent.naleving import selectors, services
from meent.naleving.models import Answer, Campaign, Delivery, Target
from meent.naleving.tests.factories import CampaignFactory, answer_data, committed, make_campaign

pytestmark = pytest.mark.django_db


def target(campaign: Campaign, code: str) -> Target:
    return Target.unscoped.get(campaign=campaign, gemeente__code=code)


def test_target_groups_come_from_the_registry():
    division = CampaignFactory.build(target_kind=Campaign.TargetKind.DIVISION, division_year=2020)
    assert services.target_gemeenten(division).count() == 355
    current = CampaignFactory.build(target_kind=Campaign.TargetKind.DIVISION, division_year=2025)
    assert services.target_gemeenten(current).count() == 342
    utrecht = Gemeente.objects.get(code="GM0344")
    province = CampaignFactory.build(target_kind=Campaign.TargetKind.PROVINCE, province=utrecht.province)
    assert utrecht in services.target_gemeenten(province)
    assert all(g.province_id == utrecht.province_id for g in services.target_gemeenten(province))
    region = CampaignFactory.build(
        target_kind=Campaign.TargetKind.VEILIGHEIDSREGIO, veiligheidsregio=utrecht.veiligheidsregio
    )
    assert {g.veiligheidsregio_id for g in services.target_gemeenten(region)} == {utrecht.veiligheidsregio_id}


def test_a_list_without_gemeenten_is_refused():
    with pytest.raises(Refused):
        services.create_campaign(CampaignFactory.build(), by=None, gemeenten=[])
    assert not Campaign.objects.exists()


def test_sending_mails_each_gemeente_its_own_link_with_registry_recipients_and_fallback():
    amsterdam = Gemeente.objects.get(code="GM0363")
    person = Person.objects.create(first_name="Saskia", last_name="Secretaris", email="s.secretaris@amsterdam.example")
    Membership.unscoped.create(person=person, organisation=amsterdam.organisation, role=Membership.Role.CONTACTPERSOON)
    campaign = make_campaign()
    log = {d.target.gemeente.code: d for d in Delivery.unscoped.select_related("target__gemeente")}
    assert log["GM0363"].email == "s.secretaris@amsterdam.example" and not log["GM0363"].is_fallback
    assert log["GM0344"].email == campaign.fallback_email and log["GM0344"].is_fallback
    assert {d.status for d in log.values()} == {Delivery.Status.SENT}
    assert len(mail.outbox) == 2
    links = {m.to[0]: m.body.split("/naleving/antwoord/")[1].split("/")[0] for m in mail.outbox}
    assert services.target_for_token(links["s.secretaris@amsterdam.example"]).gemeente == amsterdam
    with pytest.raises(ConflictRefused):
        services.send_campaign(campaign, by=None)
    assert len(mail.outbox) == 2


def test_no_mail_when_the_sending_transaction_rolls_back(django_capture_on_commit_callbacks):
    campaign = make_campaign(sent=False)
    with django_capture_on_commit_callbacks() as callbacks:
        services.send_campaign(campaign, by=None)
    assert len(callbacks) == 2 and not mail.outbox  # queued only for after the commit


def test_a_link_answers_only_for_its_own_gemeente():
    campaign = make_campaign()
    token = services.link_token(target(campaign, "GM0363"))
    payload = signing.loads(token, salt=services.LINK_SALT)
    forged = signing.dumps({**payload, "g": "GM0344"}, salt="een-andere-sleutel")
    for bad in (forged, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), "onzin", token.replace(":", "", 1)):
        with pytest.raises(services.LinkRefused) as refused:
            services.target_for_token(bad)
        assert not refused.value.expired
    assert services.target_for_token(token).gemeente.code == "GM0363"


def test_a_link_expires_at_deadline_plus_grace():
    campaign = make_campaign()
    token = services.link_token(target(campaign, "GM0363"))
    inside = campaign.deadline + datetime.timedelta(days=campaign.grace_days) - datetime.timedelta(minutes=1)
    assert services.target_for_token(token, now=inside)
    with pytest.raises(services.LinkRefused) as refused:
        services.target_for_token(token, now=inside + datetime.timedelta(minutes=2))
    assert refused.value.expired
    with pytest.raises(services.LinkRefused):
        services.submit_answer(target(campaign, "GM0363"), answer_data(), now=inside + datetime.timedelta(minutes=2))


def test_fields_are_typed_and_validated():
    campaign = make_campaign()
    bad = answer_data(email="geen-adres", telefoon="12", bereikbaar="soms", plaatsen="9999", vanaf="31-02-2020")
    with pytest.raises(Refused) as refused:
        services.submit_answer(target(campaign, "GM0363"), bad)
    text = " ".join(refused.value.errors)
    for label in ("E-mailadres", "Telefoon", "Bereikbaarheid", "Plaatsen noodopvang", "Beschikbaar vanaf"):
        assert label in text
    assert not Answer.unscoped.exists()
    answer = services.submit_answer(target(campaign, "GM0363"), answer_data(plaatsen="120", vanaf="2020-03-16"))
    assert answer.data["telefoon"] == "+31205550123" and answer.data["plaatsen"] == 120


def test_every_version_is_kept_and_the_later_wins():
    campaign = make_campaign()
    amsterdam = target(campaign, "GM0363")
    start = timezone.now()
    first = services.submit_answer(amsterdam, answer_data(), now=start)
    second = services.submit_answer(amsterdam, answer_data(functie="Directeur"), now=start)  # the same moment
    assert (first.version, second.version) == (1, 2)
    assert selectors.current_answer(amsterdam).data["functie"] == "Directeur"
    assert Answer.unscoped.filter(target=amsterdam).count() == 2


def test_an_answer_becomes_a_registry_role_and_a_later_answer_replaces_it():
    campaign = make_campaign()
    amsterdam = target(campaign, "GM0363")
    day1 = campaign.sent_at
    first = services.submit_answer(amsterdam, answer_data(), now=day1)
    role = first.membership
    assert role.role == Membership.Role.COORDINATOR and role.start_date == day1.date() and role.end_date is None
    assert role.organisation == Organisation.objects.get(gemeente__code="GM0363")
    assert role.person.email == "f.elamrani@amsterdam.example" and role.person.last_name == "Amrani"
    later = services.submit_answer(
        amsterdam, answer_data(name="Joris de Vries", email="j.devries@amsterdam.example"), now=day1
    )
    role.refresh_from_db()
    assert role.end_date is not None and later.membership.end_date is None
    assert later.membership.person.first_name == "Joris de"
    holders = Membership.unscoped.filter(organisation__gemeente__code="GM0363", role=Membership.Role.COORDINATOR)
    assert holders.count() == 2  # the history stays


def test_reminders_go_to_the_missing_ones_once():
    campaign = make_campaign()
    services.submit_answer(target(campaign, "GM0363"), answer_data())
    mail.outbox.clear()
    now = timezone.now()
    with committed():
        assert services.send_reminders(campaign, by=None, now=now) == 1
    with committed():
        assert services.send_reminders(campaign, by=None, now=now + datetime.timedelta(minutes=1)) == 0
    assert [m.subject.startswith("Herinnering") for m in mail.outbox] == [True]
    utrecht = target(campaign, "GM0344")
    assert utrecht.reminders == 1 and selectors.status_of(utrecht) == selectors.REMINDED
    assert Delivery.unscoped.filter(kind=Delivery.Kind.REMINDER).count() == 1
    assert services.send_reminders(campaign, by=None, now=now + services.REMINDER_INTERVAL) == 1


def test_a_refused_address_is_logged_as_bounced(monkeypatch):
    import smtplib

    from meent.naleving import tasks

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"x@example": (550, b"no such user")})

    monkeypatch.setattr(tasks, "send_mail", refuse)
    make_campaign()
    assert set(Delivery.unscoped.values_list("status", "attempts")) == {(Delivery.Status.BOUNCED, 1)}


def test_a_failing_mail_server_is_tried_again_then_logged(monkeypatch):
    import smtplib

    from meent.naleving import tasks

    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) % 2:
            raise smtplib.SMTPServerDisconnected("weg")
        return 1

    monkeypatch.setattr(tasks, "send_mail", flaky)
    make_campaign()
    assert set(Delivery.unscoped.values_list("status", "attempts")) == {(Delivery.Status.SENT, 2)}


def test_coverage_curve_counts_first_answers_per_hour():
    campaign = make_campaign()
    sent = campaign.sent_at
    services.submit_answer(target(campaign, "GM0363"), answer_data(), now=sent + datetime.timedelta(minutes=30))
    curve = selectors.curve(campaign)
    assert curve.points == [(0, 0), (1, 1)] and curve.full_after_hours is None
    services.submit_answer(
        target(campaign, "GM0344"), answer_data(email="u@utrecht.example"), now=sent + datetime.timedelta(hours=5)
    )
    curve = selectors.curve(campaign)
    assert curve.points[-1] == (5, 2) and curve.full_after_hours == 5 and curve.total == 2
