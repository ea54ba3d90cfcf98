"""API Design Rules: problem+json for every error, the API-Version header, a valid published OpenAPI file."""

import json
from pathlib import Path

import pytest
from django.test import override_settings

from meent.core.roles import Role

pytestmark = pytest.mark.django_db


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"]
    assert response["API-Version"]


def test_401_for_a_protected_resource_without_credentials(client):
    assert_problem(client.get("/api/v1/organisaties"), 401)


def test_401_for_a_wrong_token(client):
    assert_problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION="Token niet-geldig"), 401)


def test_403_for_a_gemeente_token_on_staff_data(client, make_account, api_key):
    token = api_key(make_account(Role.GEMEENTE, gemeente="GM0363"))
    assert_problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {token}"), 403)


def test_staff_token_reads_organisations(client, make_account, api_key):
    token = api_key(make_account(Role.INTERNATIONAL))
    response = client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200


def test_404_inside_and_outside_drf(client):
    assert_problem(client.get("/api/v1/gemeenten/GM0000"), 404)
    assert_problem(client.get("/api/v1/bestaat-niet"), 404)


def test_400_for_malformed_json(client, make_account, api_key):
    token = api_key(make_account(Role.INTERNATIONAL))
    response = client.post(
        "/api/v1/organisaties", data="{kapot", content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert response.status_code in (400, 405)
    assert response["Content-Type"] == "application/problem+json"


@override_settings(DEBUG=False)
def test_500_is_a_problem_too(client, monkeypatch):
    from meent.leden.api import views

    def explode(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(views.GemeenteViewSet, "get_queryset", explode)
    client.raise_request_exception = False
    assert_problem(client.get("/api/v1/gemeenten"), 500)


def test_published_openapi_is_valid_and_complete(client):
    from drf_spectacular.validation import validate_schema

    published = json.loads((Path(__file__).resolve().parents[4] / "openapi.json").read_text())
    validate_schema(published)
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200 and served["API-Version"]
    assert "/api/v1/gemeenten" in published["paths"]
    assert published["components"]["schemas"]["Problem"]
