"""Public registration is limited per client address, in the API and the form alike."""

import pytest

from meent.connect.models import Registration
from meent.connect.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_three(settings):
    settings.CONNECT_REGISTRATION_RATE = "3/minute"


def post_api(client, event, n, address="192.0.2.10"):
    return client.post(
        f"/api/v1/evenementen/{event.pk}/aanmeldingen",
        {"naam": f"Snelle {n}", "email": f"snel{n}@voorbeeld.nl"},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_the_api_answers_429_problem_json_with_retry_after(client, limit_of_three):
    event = EventFactory(capacity=50)
    assert [post_api(client, event, n).status_code for n in range(3)] == [202, 202, 202]
    refused = post_api(client, event, 3)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["title"] == "Te veel verzoeken."
    assert "Probeer het over" in refused.json()["detail"] and "seconden opnieuw" in refused.json()["detail"]
    assert Registration.objects.count() == 3
    assert post_api(client, event, 4, address="198.51.100.7").status_code == 202  # another address has its own count


def test_reading_the_catalogue_is_not_limited(client, limit_of_three):
    event = EventFactory()
    for n in range(3):
        post_api(client, event, n)
    assert client.get("/api/v1/evenementen", REMOTE_ADDR="192.0.2.10").status_code == 200


def test_the_form_shares_the_limit_and_says_so_in_dutch(client, limit_of_three):
    event = EventFactory(capacity=50)
    for n in range(2):
        post_api(client, event, n)
    url = f"/evenementen/{event.pk}/aanmelden/"
    accepted = client.post(url, {"name": "Anna", "email": "anna@voorbeeld.nl"}, REMOTE_ADDR="192.0.2.10")
    assert accepted.status_code == 302
    refused = client.post(url, {"name": "Bert", "email": "bert@voorbeeld.nl"}, REMOTE_ADDR="192.0.2.10")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert "U hebt zich te vaak kort na elkaar aangemeld" in refused.text
    assert 'value="bert@voorbeeld.nl"' in refused.text  # what was typed is kept
    assert not Registration.objects.filter(email="bert@voorbeeld.nl").exists()


def test_an_empty_rate_switches_the_limit_off(client, settings):
    settings.CONNECT_REGISTRATION_RATE = ""
    event = EventFactory(capacity=50)
    assert {post_api(client, event, n).status_code for n in range(25)} == {202}
