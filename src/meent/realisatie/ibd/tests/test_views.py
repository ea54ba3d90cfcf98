import datetime
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meent.leden.tests.factories import PersonFactory
from meent.realisatie.ibd import services
from meent.realisatie.ibd.models import TLP, Activation, Attachment, Incident, Status
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db


def report_data(**overrides) -> dict:
    data = {
        "title": "Verdachte inlogpogingen",
        "description": "Inlogpogingen vanaf 198.51.100.23 op de webmail; zie hxxps://phish[.]example/login",
        "detected_at": (timezone.localtime() - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "category": "account",
        "request_type": "hulpvraag",
        "impact": "aanzienlijk",
        "tlp": "AMBER",
        "pap": "AMBER",
    }
    data.update(overrides)
    return data


def test_a_security_officer_reports_and_follows_an_incident(client, login, people):
    login(people["utrecht_iso"])
    upload = SimpleUploadedFile("headers.txt", b"Received: from mail.phish.example", content_type="text/plain")
    response = client.post("/ibd/incidenten/melden/", {**report_data(), "attachment": upload})
    assert response.status_code == 302
    incident = Incident.unscoped.get()
    assert incident.number.startswith("IBD-") and incident.gemeente.code == "GM0344"
    assert response["Location"] == f"/ibd/incidenten/{incident.number}/"
    page = client.get(response["Location"])
    assert "Verdachte inlogpogingen" in page.text and "headers.txt" in page.text
    assert "Triage opslaan" not in page.text  # analysts' tools stay with analysts
    response = client.post(
        f"/ibd/incidenten/{incident.number}/tijdlijn/",
        {"kind": "notitie", "text": "Wachtwoorden zijn gereset.", "tlp": "AMBER", "pap": "AMBER"},
    )
    assert response.status_code == 302
    assert "Wachtwoorden zijn gereset." in client.get(f"/ibd/incidenten/{incident.number}/").text
    assert incident.number in client.get("/ibd/incidenten/").text


def test_the_report_form_explains_mistakes_in_dutch(client, login, people):
    login(people["utrecht_iso"])
    response = client.post("/ibd/incidenten/melden/", report_data(title="", tlp="RED"))
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.text
    response = client.post("/ibd/incidenten/melden/", report_data(tlp="RED"))
    assert "ten minste één analist" in response.text
    bad = SimpleUploadedFile("malware.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post("/ibd/incidenten/melden/", {**report_data(), "attachment": bad})
    assert response.status_code == 400 and "niet toegestaan" in response.text
    assert not Incident.unscoped.exists()  # the report and its attachment are one transaction


def test_other_gemeenten_see_neither_the_incident_nor_that_it_exists(client, login, people):
    incident = make_incident(people["utrecht_iso"], title="Geheime ransomware bij Utrecht")
    login(people["amsterdam_iso"])
    listing = client.get("/ibd/incidenten/?toon=alle")
    assert "Geheime ransomware" not in listing.text and incident.number not in listing.text
    assert "Er zijn geen incidenten die u mag zien." in listing.text
    assert client.get(f"/ibd/incidenten/{incident.number}/").status_code == 404
    assert client.get(f"/ibd/incidenten/{incident.number}/responsnetwerk/").status_code == 404
    assert client.get("/ibd/incidenten/IBD-2099-9999/").status_code == 404  # missing looks the same as hidden


def test_guessed_numbers_across_tenants_all_answer_404(client, login, people):
    incidents = [make_incident(people["utrecht_iso"]) for _ in range(3)]
    incidents.append(make_incident(people["utrecht_iso"], tlp=TLP.RED, recipients=[people["analyst"]]))
    login(people["amsterdam_iso"])
    for incident in incidents:
        for url in (
            f"/ibd/incidenten/{incident.number}/",
            f"/ibd/incidenten/{incident.number}/bijlagen/1/",
            f"/api/v1/incidenten/{incident.number}",
            f"/api/v1/incidenten/{incident.number}/tijdlijn",
        ):
            assert client.get(url).status_code == 404, url
        assert client.post(f"/ibd/incidenten/{incident.number}/tijdlijn/", {"text": "x"}).status_code == 404
    login(people["analyst2"])  # an analyst not named on the RED incident
    assert client.get(f"/ibd/incidenten/{incidents[-1].number}/").status_code == 404


def test_the_analyst_works_an_incident_end_to_end(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    analyst = people["analyst"]
    login(analyst)
    queue = client.get("/ibd/wachtrij/")
    assert incident.number in queue.text
    assert incident.number in client.get("/ibd/wachtrij/?q=utrecht&categorie=phishing").text
    assert incident.number not in client.get("/ibd/wachtrij/?ernst=kritiek").text
    url = f"/ibd/incidenten/{incident.number}/"
    response = client.post(
        url + "triage/", {"severity": "hoog", "category": "phishing", "assignee": analyst.pk, "tlp": "AMBER"}
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.severity == "hoog" and incident.assignee == analyst
    assert incident.status == Status.IN_BEHANDELING  # a handler takes a new incident in hand
    page = client.get(url)
    assert "login-evil.test" in page.text  # suggested from the report's text
    client.post(
        url + "observables/", {"accepteer": ["url|http://login-evil.test/inlog", "email|factuur@evil-example.test"]}
    )
    assert set(incident.observables.values_list("type", flat=True)) == {"url", "email"}
    client.post(url + "taken/", {"title": "Headers analyseren", "due_date": "2020-01-01", "assignee": analyst.pk})
    task = incident.tasks.get()
    assert "te laat (uiterlijk 1 januari 2020)" in client.get("/ibd/wachtrij/").text
    client.post(url + f"taken/{task.pk}/gereed/")
    task.refresh_from_db()
    assert task.done_at is not None
    confirm = client.get(url + "status/?naar=opgeschaald")
    assert "Ik bevestig deze statuswijziging" in confirm.text
    assert client.post(url + "status/", {"to": "opgeschaald"}).status_code == 400  # not confirmed
    assert client.post(url + "status/", {"to": "opgeschaald", "confirm": "on"}).status_code == 302
    response = client.post(url + "status/", {"to": "afgesloten", "confirm": "on", "summary": ""})
    assert response.status_code == 400 and "samenvatting" in response.text
    client.post(url + "status/", {"to": "afgesloten", "confirm": "on", "summary": "Phishing geblokkeerd."})
    incident.refresh_from_db()
    assert incident.status == Status.AFGESLOTEN
    response = client.post(url + "status/", {"to": "in_behandeling", "confirm": "on"})
    assert response.status_code == 400  # closed is final
    assert incident.number not in client.get("/ibd/wachtrij/").text


def test_a_gemeente_officer_cannot_use_the_analysts_tools(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    login(people["utrecht_iso"])
    url = f"/ibd/incidenten/{incident.number}/"
    assert client.post(url + "triage/", {"severity": "laag", "category": "overig", "tlp": "CLEAR"}).status_code == 403
    assert client.get(url + "status/").status_code == 403
    assert client.get(url + "delen/").status_code == 403
    assert client.get("/ibd/wachtrij/").status_code == 403


def test_every_read_is_in_the_audit_trail(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    entry = services.add_entry(incident, author=people["analyst"], text="Contact gehad", tlp=TLP.AMBER)
    attachment = services.add_attachment(
        incident, upload=SimpleUploadedFile("log.txt", b"regel"), by=people["utrecht_iso"]
    )
    reader = people["utrecht_iso2"]
    login(reader)
    client.get(f"/ibd/incidenten/{incident.number}/")
    client.get(f"/ibd/incidenten/{incident.number}/bijlagen/{attachment.pk}/")
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=reader)
    assert {(r.content_type.model, r.object_pk) for r in reads} >= {
        ("incident", str(incident.pk)),
        ("timelineentry", str(entry.pk)),
        ("attachment", str(attachment.pk)),
    }


def test_attachments_are_checked_stored_privately_and_served_only_to_readers(client, login, people, settings):
    incident = make_incident(people["utrecht_iso"])
    login(people["utrecht_iso"])
    url = f"/ibd/incidenten/{incident.number}/bijlagen/"
    fake_pdf = SimpleUploadedFile("rapport.pdf", b"<html>geen pdf</html>")
    client.post(url, {"file": fake_pdf, "tlp": "AMBER"})
    assert not Attachment.unscoped.exists()
    big = SimpleUploadedFile("groot.txt", b"a" * (services.MAX_ATTACHMENT_BYTES + 1))
    client.post(url, {"file": big, "tlp": "AMBER"})
    assert not Attachment.unscoped.exists()
    client.post(url, {"file": SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20), "tlp": "RED"})
    client.post(url, {"file": SimpleUploadedFile("mail.eml", b"From: a@b.example"), "tlp": "AMBER"})
    red, amber = Attachment.unscoped.order_by("pk")
    path = Path(red.file.path)
    assert path.is_relative_to(settings.MEENT_PRIVATE_MEDIA) and path.name != "scan.png"
    assert not path.is_relative_to(settings.STATIC_ROOT)
    download = client.get(url + f"{red.pk}/")  # the reporter is a named recipient
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    login(people["utrecht_iso2"])
    assert client.get(url + f"{red.pk}/").status_code == 404  # RED: not named
    assert client.get(url + f"{amber.pk}/").status_code == 200
    login(people["amsterdam_iso"])
    assert client.get(url + f"{amber.pk}/").status_code == 404


def test_a_deployed_expert_sees_the_incident_page_only_while_deployed(client, login, people):
    from meent.leden.models import Gemeente
    from meent.realisatie.ibd.tests.factories import ExpertFactory

    incident = make_incident(people["utrecht_iso"])
    account = people["amsterdam"]
    account.person = PersonFactory(first_name="Eef", last_name="Expert")
    account.save()
    expert = ExpertFactory(person=account.person, gemeente=Gemeente.objects.get(code="GM0363"))
    activation = services.activate_network(incident, by=people["analyst"], reason="Ransomware")
    now = timezone.now()
    deployment = services.deploy_expert(
        activation,
        expert=expert,
        location="Stadskantoor Utrecht",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=4),
    )
    login(people["utrecht_iso"])
    assert "Eef Expert" in client.get(f"/ibd/incidenten/{incident.number}/").text  # the gemeente sees who comes
    login(account)
    assert client.get(f"/ibd/incidenten/{incident.number}/").status_code == 200
    assert client.post(f"/ibd/incidenten/{incident.number}/tijdlijn/", {"text": "x"}).status_code == 403
    assert client.get(f"/api/v1/incidenten/{incident.number}/observables").status_code == 200
    deployment.ends_at = now - datetime.timedelta(minutes=1)
    deployment.starts_at = now - datetime.timedelta(hours=2)
    deployment.save()
    assert client.get(f"/ibd/incidenten/{incident.number}/").status_code == 404


def test_response_network_pages(client, login, people):
    from meent.realisatie.ibd.models import Expert
    from meent.realisatie.ibd.tests.factories import ExpertFactory

    incident = make_incident(people["utrecht_iso"])
    expert = ExpertFactory()
    login(people["analyst"])
    url = f"/ibd/incidenten/{incident.number}/responsnetwerk/"
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Versleutelde servers"}).status_code == 302
    response = client.post(
        url,
        {
            "expert": expert.pk,
            "location": "Stadskantoor",
            "starts_at": "2030-12-01T08:00",
            "ends_at": "2030-12-01T07:00",
            "hours": "8",
        },
    )
    assert response.status_code == 400 and "na het begin" in response.text
    client.post(
        url,
        {
            "expert": expert.pk,
            "location": "Stadskantoor",
            "starts_at": "2030-12-01T08:00",
            "ends_at": "2030-12-01T17:00",
            "hours": "8",
        },
    )
    assert Activation.objects.get(incident=incident).deployments.get().hours == 8
    response = client.post(
        "/ibd/responsnetwerk/experts/",
        {
            "first_name": "Fien",
            "last_name": "Forensisch",
            "gemeente": expert.gemeente.pk,
            "expertise": " Forensisch, ,logging,forensisch",
            "available": "on",
        },
    )
    assert response.status_code == 302
    assert "Fien Forensisch" in client.get("/ibd/responsnetwerk/experts/?q=forens").text
    assert Expert.objects.get(person__first_name="Fien").tags == ["forensisch", "logging"]
    response = client.post(
        "/ibd/responsnetwerk/experts/",
        {"first_name": "Leeg", "last_name": "Tag", "gemeente": expert.gemeente.pk, "expertise": " , "},
    )
    assert response.status_code == 400 and "ten minste één expertise" in response.text


def test_private_media_is_outside_the_web_root():
    assert not Path(settings.MEENT_PRIVATE_MEDIA).is_relative_to(settings.STATIC_ROOT)
    assert "private" in str(settings.MEENT_PRIVATE_MEDIA)


def test_the_desk_speaks_english_on_request(client, login, people):
    from django.conf import settings as django_settings

    login(people["utrecht_iso"])
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/ibd/incidenten/melden/")
    assert "Report an incident to the IBD" in page.text and "Confidentiality (TLP)" in page.text


def test_recipients_hours_and_availability(client, login, people):
    from meent.realisatie.ibd.models import Activation, Expert
    from meent.realisatie.ibd.tests.factories import ExpertFactory

    incident = make_incident(people["utrecht_iso"], tlp=TLP.RED, recipients=[people["analyst"]])
    login(people["utrecht_iso2"])
    assert client.get(f"/ibd/incidenten/{incident.number}/").status_code == 404
    login(people["utrecht_iso"])
    response = client.post(
        f"/ibd/incidenten/{incident.number}/ontvangers/",
        {"recipients": [people["utrecht_iso2"].pk, people["analyst"].pk]},
    )
    assert response.status_code == 302
    login(people["utrecht_iso2"])
    assert client.get(f"/ibd/incidenten/{incident.number}/").status_code == 200
    response = client.post(
        f"/ibd/incidenten/{incident.number}/ontvangers/", {"recipients": [people["amsterdam_iso"].pk]}
    )
    assert set(incident.recipients.all()) == {people["utrecht_iso"], people["utrecht_iso2"], people["analyst"]}
    client.post(f"/ibd/incidenten/{incident.number}/ontvangers/", {"recipients": []})  # RED keeps needing an analyst
    assert people["analyst"] in incident.recipients.all()

    expert = ExpertFactory()
    login(people["analyst"])
    activation = services.activate_network(incident, by=people["analyst"], reason="Hulp")
    now = timezone.now()
    deployment = services.deploy_expert(
        activation, expert=expert, location="Stadhuis", starts_at=now, ends_at=now + datetime.timedelta(hours=8)
    )
    url = f"/ibd/incidenten/{incident.number}/responsnetwerk/"
    client.post(url, {"deployment": deployment.pk, "hours": "7.5"})
    deployment.refresh_from_db()
    assert deployment.hours == 7.5
    client.post(url, {"deployment": deployment.pk, "hours": "-1"})
    deployment.refresh_from_db()
    assert deployment.hours == 7.5
    assert client.post(url, {"deployment": 999999, "hours": "1"}).status_code == 404
    assert Activation.objects.filter(incident=incident).count() == 1
    client.post("/ibd/responsnetwerk/experts/", {"expert": expert.pk, "beschikbaar": "nee"})
    assert not Expert.objects.get(pk=expert.pk).available


def test_the_audit_trail_names_no_incident_content(client, login, people):
    incident = make_incident(
        people["utrecht_iso"], title="Geheime titel", description="Geheime beschrijving 203.0.113.77"
    )
    analyst = people["analyst"]
    login(analyst)
    client.get(f"/ibd/incidenten/{incident.number}/")
    services.add_entry(incident, author=analyst, text="Geheime notitie", tlp=TLP.AMBER)
    services.add_observable(incident, type="ip", value="203.0.113.77", by=analyst)
    services.add_task(incident, title="Geheime taak", due_date=datetime.date(2030, 1, 1))
    services.add_attachment(incident, upload=SimpleUploadedFile("geheim-bestand.txt", b"x"), by=analyst)
    services.transition(incident, by=analyst, to=Status.IN_BEHANDELING)
    services.transition(incident, by=analyst, to=Status.AFGESLOTEN, summary="Geheime samenvatting")
    trail = " ".join(f"{e.object_repr} {e.changes}" for e in LogEntry.objects.all())
    for secret in ("Geheim", "203.0.113.77", "geheim-bestand"):
        assert secret not in trail
    login(people["bestuur"])
    page = client.get("/beheer/audittrail/")
    assert page.status_code == 200 and "Geheim" not in page.text
    # The board does not see AMBER incidents, so neither their number nor their changes (issue 11, F3).
    assert incident.number not in page.text and "Een record dat u niet mag inzien" in page.text


def test_analysts_are_mailed_a_new_report_without_its_content(
    client, login, people, mailoutbox, django_capture_on_commit_callbacks
):
    people["analyst"].email = "analist@ibd.example"
    people["analyst"].save()
    login(people["utrecht_iso"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ibd/incidenten/melden/", report_data(title="Zeer geheime titel"))
    incident = Incident.unscoped.get()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["analist@ibd.example"] and incident.number in message.subject
    assert "Zeer geheime titel" not in message.body and "Verdachte" not in message.body
    assert f"http://127.0.0.1:8000/ibd/incidenten/{incident.number}/" in message.body  # a link that works from a mail


def test_a_signed_out_visitor_is_sent_to_the_login_page(client, people):
    incident = make_incident(people["utrecht_iso"])
    for url in (f"/ibd/incidenten/{incident.number}/", "/ibd/incidenten/IBD-2099-0001/"):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_refused_form_keeps_what_was_typed_and_says_why_next_to_the_field(client, login, people):
    incident = make_incident(people["utrecht_iso"])
    login(people["analyst"])
    response = client.post(
        f"/ibd/incidenten/{incident.number}/observables/", {"type": "ip", "value": "999.1.2.3", "tlp": "AMBER"}
    )
    assert response.status_code == 400
    assert 'value="999.1.2.3"' in response.text  # the typed value is still in the field
    assert 'id="foutoverzicht"' in response.text and 'href="#id_value"' in response.text
    assert not incident.observables.exists()


def test_lowering_the_tlp_on_the_page_asks_for_a_reason_and_a_confirmation(client, login, people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    login(people["analyst"])
    url = f"/ibd/incidenten/{incident.number}/triage/"
    fields = {"severity": "middel", "category": incident.category, "tlp": "GREEN"}
    response = client.post(url, fields)
    assert response.status_code == 400
    assert "Geef de reden" in response.text and "Bevestig dat" in response.text
    incident.refresh_from_db()
    assert incident.tlp == TLP.AMBER
    fields |= {"tlp_reason": "Indicatoren zijn openbaar gemaakt door de leverancier.", "tlp_lowering_confirmed": "on"}
    assert client.post(url, fields).status_code == 302
    incident.refresh_from_db()
    assert incident.tlp == TLP.GREEN
