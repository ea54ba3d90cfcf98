"""Login protections: two-step login for staff, lock-out after failed attempts, production refuses demo secrets."""

import subprocess
import sys

import pytest
from django.test import override_settings

from meent.core.roles import Role

pytestmark = pytest.mark.django_db


def test_staff_without_second_factor_is_sent_to_set_it_up(client, make_account):
    client.force_login(make_account(Role.CONNECT))
    response = client.get("/gemeenten/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two_factor/setup/"


def test_staff_api_session_without_second_factor_gets_a_problem(client, make_account):
    client.force_login(make_account(Role.INTERNATIONAL))
    response = client.get("/api/v1/organisaties")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_gemeente_account_needs_no_second_factor(client, make_account):
    client.force_login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    assert client.get("/mijn-gemeente/").status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3)
def test_failed_logins_are_locked_out(client, make_account):
    make_account(Role.GEMEENTE, gemeente="GM0363", username="slachtoffer")
    for _ in range(3):
        client.post(
            "/account/login/",
            {"auth-username": "slachtoffer", "auth-password": "fout", "login_view-current_step": "auth"},
        )
    response = client.post(
        "/account/login/",
        {
            "auth-username": "slachtoffer",
            "auth-password": "Een-lang-testwachtwoord-1",
            "login_view-current_step": "auth",
        },
    )
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.text


def test_correct_password_logs_a_gemeente_account_in(client, make_account):
    make_account(Role.GEMEENTE, gemeente="GM0363", username="ingelogd")
    response = client.post(
        "/account/login/",
        {"auth-username": "ingelogd", "auth-password": "Een-lang-testwachtwoord-1", "login_view-current_step": "auth"},
    )
    assert response.status_code == 302
    assert client.get("/mijn-gemeente/").status_code == 200


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEENT_ENV": "production"}, "SECRET_KEY"),
        ({"MEENT_ENV": "production", "SECRET_KEY": "x" * 40, "DEBUG": "true"}, "DEBUG"),
        ({"MEENT_ENV": "production", "SECRET_KEY": "x" * 40}, "DATABASE_URL"),
        ({"MEENT_ENV": "production", "SECRET_KEY": "x" * 40, "DATABASE_URL": "postgres://db/meent"}, "MEENT_BASE_URL"),
    ],
)
def test_production_refuses_to_start_with_demo_settings(env, message):
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='meent.settings'; django.setup()"
    unset = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "MEENT_BASE_URL"}
    clean_env = {k: v for k, v in __import__("os").environ.items() if k not in unset}
    result = subprocess.run(
        [sys.executable, "-c", code], env={**clean_env, **env}, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_health_checks_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
