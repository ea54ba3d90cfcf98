"""Who sees what beyond the matrix: the owner of an application sees its status and decision but never reviewers'
names or scores (page and API); another applicant sees nothing of it; the assigned reviewer reads and reviews it."""

import json

import pytest

from meent.international.fonds.models import Application
from meent.international.fonds.tests import access, factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix():
    return access.fixtures()


def test_the_owner_sees_status_and_decision_but_no_reviewer(client, login, matrix):
    application = matrix["fonds_application"]
    owner = application.applicant.accounts.get().account
    login(owner)
    page = client.get(f"/fonds/aanvragen/{application.pk}/")
    assert page.status_code == 200
    assert "Uitbetalingen" in page.text and "Past in de oproep." in page.text  # status and decision motivation
    reviewers = [a.reviewer.username for a in application.assignments.all()]
    assert len(reviewers) == 2
    for name in reviewers:
        assert name not in page.text
    assert "Goed onderbouwd" not in page.text and "gewogen gemiddelde" not in page.text
    assert client.get(f"/fonds/aanvragen/{application.pk}/beoordelen/").status_code == 403
    api = client.get(f"/api/v1/fondsen/{application.call.fund_id}/aanvragen/{application.pk}")
    assert api.status_code == 200
    body = api.json()
    assert body["status"] == "uitbetalingen" and body["toegestaneOvergangen"] == []
    assert not any(name in json.dumps(body) for name in reviewers)
    assert client.get(f"/fonds/documenten/{matrix['fonds_document'].pk}/").status_code == 200


def test_another_applicant_sees_nothing_of_it(client, login, matrix):
    application = matrix["fonds_application"]
    _other, account = factories.make_applicant()
    login(account)
    for url in (
        f"/fonds/aanvragen/{application.pk}/",
        f"/fonds/aanvragen/{application.pk}/bewerken/",
        f"/fonds/documenten/{matrix['fonds_document'].pk}/",
        f"/api/v1/fondsen/{application.call.fund_id}/aanvragen/{application.pk}",
    ):
        assert client.get(url).status_code == 404, url
    listing = client.get(f"/api/v1/fondsen/{application.call.fund_id}/aanvragen").json()
    assert application.number not in json.dumps(listing)
    assert application.number not in client.get("/fonds/aanvragen/").text


def test_the_assigned_reviewer_reads_and_reviews(client, login, staff, reviewers, make_account):
    application, _owner = factories.make_submitted()
    factories.advance(application, "screening", by=staff)
    from meent.international.fonds import services

    services.assign_reviewer(application, reviewer=reviewers[0], by=staff)
    login(reviewers[0])
    assert client.get(f"/fonds/aanvragen/{application.pk}/").status_code == 200
    data = {}
    for criterion in application.call.criteria.all():
        data[f"score_{criterion.pk}"] = "4"
        data[f"motivation_{criterion.pk}"] = "Helder plan."
    response = client.post(f"/fonds/aanvragen/{application.pk}/beoordelen/", data)
    assert response.status_code == 302
    assert application.assignments.get(reviewer=reviewers[0]).review.scores.count() == 2
    login(make_account(username="externe-niet-toegewezen"))  # an external reviewer of other applications
    assert client.get(f"/fonds/aanvragen/{application.pk}/").status_code == 404


def test_staff_make_a_transition_through_the_api_and_see_refusals_as_problems(client, login, staff):
    application, _owner = factories.make_submitted()
    login(staff)
    url = f"/api/v1/fondsen/{application.call.fund_id}/aanvragen/{application.pk}"
    assert client.get(url).json()["toegestaneOvergangen"] == ["ontvankelijk", "niet_ontvankelijk"]
    refused = client.post(f"{url}/overgang", {"naar": "toegekend"}, content_type="application/json")
    assert refused.status_code == 409 and refused["Content-Type"].startswith("application/problem+json")
    missing = client.post(f"{url}/overgang", {"naar": "niet_ontvankelijk"}, content_type="application/json")
    assert missing.status_code == 400
    done = client.post(f"{url}/overgang", {"naar": "ontvankelijk"}, content_type="application/json")
    assert done.status_code == 200 and done.json()["toegestaneOvergangen"] == ["screening"]
    assert Application.objects.get(pk=application.pk).status == "ontvankelijk"


def test_after_the_deadline_the_form_says_so(client, login):
    import datetime

    from django.utils import timezone

    call = factories.make_call()
    _applicant, account = factories.make_applicant()
    draft = factories.make_draft(call, account)
    call.deadline = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    login(account)
    data = factories_form_data(draft)
    response = client.post(f"/fonds/aanvragen/{draft.pk}/bewerken/", {**data, "actie": "indienen"})
    assert response.status_code == 200
    assert "sluitingstijd" in response.text
    assert Application.objects.get(pk=draft.pk).status == "concept"


def factories_form_data(application: Application) -> dict:
    data = {
        "title": application.title,
        "organisation_name": application.organisation_name,
        "registration_number": application.registration_number,
        "contact_name": application.contact_name,
        "activities": application.activities,
        "amount_requested": str(application.amount_requested),
        "areas": [str(a.pk) for a in application.areas.all()],
    }
    for n, line in enumerate(application.budget_lines.all(), start=1):
        data[f"line_{n}_description"] = line.description
        data[f"line_{n}_amount"] = str(line.amount)
    return data


def test_the_api_refuses_a_submission_after_the_deadline(client, login):
    import datetime

    from django.utils import timezone

    call = factories.make_call()
    _applicant, account = factories.make_applicant()
    draft = factories.make_draft(call, account)
    login(account)
    url = f"/api/v1/fondsen/{call.fund_id}/aanvragen/{draft.pk}/indienen"
    call.deadline = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    late = client.post(url, content_type="application/json")
    assert late.status_code == 409 and "sluitingstijd" in late.json()["detail"]
    call.deadline = timezone.now() + datetime.timedelta(days=1)
    call.save()
    done = client.post(url, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "ontvangen"
