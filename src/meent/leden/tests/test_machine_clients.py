"""F1: API keys open only the API, within their machine client's scopes, and are stored hashed, expire, can be
revoked and leave an audit entry on every use."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from meent.cli import main
from meent.core.roles import Role
from meent.core.testing import ANONYMOUS
from meent.core.tests.test_access_matrix import all_cases, fixtures  # noqa: F401 - the matrix's fixture objects
from meent.leden import services
from meent.leden.models import ApiToken

pytestmark = pytest.mark.django_db

ALL_STAFF_ROLES = [r for r in Role if r not in (Role.GEMEENTE, Role.GEMEENTE_ISO)]


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and "/login/" in response["Location"]


def test_every_page_outside_the_api_ignores_a_staff_key(client, make_account, api_key, fixtures):  # noqa: F811
    """With a key of an account holding every staff role, each page answers exactly as to an anonymous visitor:
    the login page for anything that is not public."""
    key = api_key(make_account(*ALL_STAFF_ROLES))
    failures = []
    for name, case in sorted(all_cases().items()):
        url = case.resolve_url(fixtures)
        if url.startswith("/api/") or ANONYMOUS in case.allowed:
            continue
        response = getattr(client, case.method)(url, data=case.data or None, HTTP_AUTHORIZATION=f"Token {key}")
        if not _is_login_redirect(response):
            failures.append(f"{name} {case.method.upper()} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_red_incident_the_exclusion_list_and_the_admin_refuse_a_key(client, make_account, api_key):
    from meent.realisatie.ibd.models import TLP, CorrelationExclusion
    from meent.realisatie.ibd.tests.factories import make_incident

    reporter = make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344")
    analyst = make_account(Role.IBD_ANALIST)
    incident = make_incident(reporter, tlp=TLP.RED, recipients=[analyst])
    ibd = {"HTTP_AUTHORIZATION": f"Token {api_key(analyst)}"}
    bestuur = {"HTTP_AUTHORIZATION": f"Token {api_key(make_account(Role.BESTUUR))}"}
    assert _is_login_redirect(client.get(f"/ibd/incidenten/{incident.number}/", **ibd))
    assert _is_login_redirect(client.get("/ibd/wachtrij/", **ibd))
    response = client.post(
        "/ibd/correlatie/uitzonderingen/", {"type": "domain", "value": "mail.example", "reason": "x"}, **ibd
    )
    assert _is_login_redirect(response)
    assert not CorrelationExclusion.objects.filter(value="mail.example").exists()
    assert _is_login_redirect(client.get("/admin/leden/account/", **bestuur))


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_expired_and_revoked_keys_are_refused_with_401(client, make_account):
    account = make_account(Role.BESTUUR)
    client_ = services.create_machine_client(by=account, name="rapportage", account=account, modules=["leden"])
    token, key = services.issue_token(client_, by=account, days=1)
    assert client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    body = _problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key}"), 401)
    assert "verlopen" in body["detail"]
    token2, key2 = services.issue_token(client_, by=account)
    services.revoke_token(token2)
    assert (
        "ingetrokken" in _problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key2}"), 401)["detail"]
    )
    assert _problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key2}x"), 401)


def test_read_only_key_cannot_write_and_modules_limit_the_key(client, make_account, api_key):
    from meent.realisatie.ibd.tests.factories import make_incident

    incident = make_incident(make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344"))
    analyst = make_account(Role.IBD_ANALIST)
    url = f"/api/v1/incidenten/{incident.number}/observables"
    observable = {"soort": "ip", "waarde": "203.0.113.9", "tlp": "AMBER"}
    read_only = api_key(analyst, write=False)
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {read_only}").status_code == 200
    body = _problem(
        client.post(url, observable, content_type="application/json", HTTP_AUTHORIZATION=f"Token {read_only}"), 403
    )
    assert "alleen lezen" in body["detail"]
    writer = api_key(analyst, write=True)
    response = client.post(url, observable, content_type="application/json", HTTP_AUTHORIZATION=f"Token {writer}")
    assert response.status_code == 201, response.content

    connect_only = api_key(analyst, modules=("connect",))
    _problem(client.get("/api/v1/incidenten", HTTP_AUTHORIZATION=f"Token {connect_only}"), 403)
    assert client.get("/api/v1/evenementen", HTTP_AUTHORIZATION=f"Token {connect_only}").status_code == 200


def test_a_key_reaches_no_more_than_its_account(client, make_account, api_key):
    key = api_key(make_account(Role.GEMEENTE, gemeente="GM0363"))
    _problem(client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key}"), 403)


def test_keys_are_stored_hashed_and_every_use_is_logged(client, make_account):
    account = make_account(Role.BESTUUR)
    machine = services.create_machine_client(by=None, name="koppeling", account=account, modules=["leden"])
    token, key = services.issue_token(machine, by=None)
    assert key.startswith(token.prefix) and len(key) > 40
    assert key not in {token.key_hash, token.prefix} and key.split(".")[1] not in token.key_hash
    for _ in range(2):
        assert client.get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    uses = LogEntry.objects.get_for_object(token).filter(action=LogEntry.Action.ACCESS)
    assert uses.count() == 2 and uses.first().actor == account


def test_the_web_makes_clients_only_for_ones_own_account(make_account):
    bestuur, ibd = make_account(Role.BESTUUR), make_account(Role.IBD_ANALIST)
    with pytest.raises(ValueError, match="eigen account"):
        services.create_machine_client(by=bestuur, name="als-ibd", account=ibd, modules=["ibd"])
    with pytest.raises(ValueError, match="module"):
        services.create_machine_client(by=None, name="x", account=ibd, modules=["ibd", "geheim"])


def test_cli_creates_lists_and_revokes(make_account, capsys):
    make_account(Role.CONNECT, username="cli-connect")
    assert main(["token", "create", "crm", "--account", "cli-connect", "--modules", "connect"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    token = ApiToken.objects.get(prefix=key.split(".")[0])
    assert not token.client.can_write and token.client.modules == ["connect"]
    assert main(["token", "list"]) == 0
    listing = capsys.readouterr().out
    assert token.prefix in listing and key not in listing and "alleen lezen" in listing
    assert main(["token", "revoke", token.prefix]) == 0
    token.refresh_from_db()
    assert token.revoked_at is not None
    capsys.readouterr()
    for argv in (
        ["token", "revoke", "onbekend"],
        ["token", "create", "nieuw", "--account", "niemand", "--modules", "connect"],
        ["token", "create", "nieuw", "--account", "cli-connect", "--modules", "geheim"],
        ["token", "create", "nieuw", "--account", "cli-connect", "--modules", "connect", "--days", "9999"],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("meent: ") and err.count("\n") == 1, err


def test_admin_shows_a_new_key_once(client, make_account, login):
    bestuur = make_account(Role.BESTUUR)
    machine = services.create_machine_client(by=bestuur, name="eigen", account=bestuur, modules=["leden"])
    login(bestuur)
    response = client.post("/admin/leden/apitoken/add/", {"client": machine.pk, "days": 30}, follow=True)
    token = ApiToken.objects.get(client=machine)
    shown = [str(m) for m in response.context["messages"] if token.prefix in str(m)]
    assert len(shown) == 1
    key = shown[0].rsplit(" ", 1)[-1]
    assert services.authenticate_token(key, method="GET", module="leden") == token
    detail = client.get(f"/admin/leden/apitoken/{token.pk}/change/").content.decode()
    assert key not in detail and token.key_hash not in detail
    call_command("check")
