"""F10 and F11: safe defaults (no DEBUG unless asked, never on a public address, secure cookies over HTTPS,
limited sessions) and the login (password spraying, a global limit, the client address behind proxies, the
second factor for gemeente security officers, switching it off only with password and code)."""

import os
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from meent.cli import main
from meent.core.login_limits import client_ip
from meent.core.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from meent.core.roles import Role

pytestmark = pytest.mark.django_db
PASSWORD = "Een-lang-testwachtwoord-1"


def _settings_in_subprocess(**env) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in {"MEENT_ENV", "DEBUG", "MEENT_BASE_URL"}}
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **env, "DJANGO_SETTINGS_MODULE": "meent.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    debug, session_secure, csrf_secure = __import__("json").loads(out)
    return {"debug": debug, "session_secure": session_secure, "csrf_secure": csrf_secure}


def test_without_meent_env_debug_is_off_and_https_means_secure_cookies():
    assert _settings_in_subprocess() == {"debug": False, "session_secure": False, "csrf_secure": False}
    assert _settings_in_subprocess(MEENT_ENV="demo")["debug"] is True
    https = _settings_in_subprocess(MEENT_BASE_URL="https://meent.example")
    assert https["session_secure"] and https["csrf_secure"]


def test_serve_refuses_debug_on_a_public_address(settings, capsys):
    settings.DEBUG = True
    assert main(["serve", "--host", "0.0.0.0"]) == 2  # noqa: S104 - the address being refused
    err = capsys.readouterr().err
    assert "DEBUG" in err and err.count("\n") == 1


def test_gunicorn_refuses_debug_on_a_public_address(settings):
    from meent.gunicorn_config import on_starting

    settings.DEBUG = True

    class Server:
        class cfg:
            address = [("0.0.0.0", 8000)]  # noqa: S104

    with pytest.raises(SystemExit) as exit_:
        on_starting(Server)
    assert exit_.value.code == 2
    Server.cfg.address = [("127.0.0.1", 8000)]
    on_starting(Server)


@pytest.mark.parametrize(
    ("started", "seen", "signed_in"),
    [(0, 0, True), (9 * 3600, 60, False), (3600, 31 * 60, False), (7 * 3600, 25 * 60, True)],
)
def test_sessions_end_after_eight_hours_or_idle_time(client, make_account, login, started, seen, signed_in):
    login(make_account(Role.CONNECT))
    session = client.session
    now = time.time()
    session[SESSION_STARTED_KEY], session[SESSION_SEEN_KEY] = now - started, now - seen
    session.save()
    response = client.get("/beheer/audittrail/")
    # The connect persona may not see the audit trail (403), but only a signed-in one gets that far.
    assert (response.status_code == 403) is signed_in
    if not signed_in:
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def _log_in(client, username: str, password: str):
    return client.post(
        "/account/login/",
        {"auth-username": username, "auth-password": password, "login_view-current_step": "auth"},
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@override_settings(MEENT_LOGIN_PASSWORD_LIMIT=3)
def test_one_password_across_many_usernames_is_stopped(client, make_account):
    cache.clear()
    make_account(Role.GEMEENTE, gemeente="GM0363", username="doelwit")
    make_account(Role.GEMEENTE, gemeente="GM0363", username="ander")
    for n in range(3):
        _log_in(client, f"gok{n}", PASSWORD)
    _log_in(client, "doelwit", PASSWORD)
    assert not _signed_in(client)
    assert not any(PASSWORD in str(key) for key in cache._cache), "the password itself is never stored"
    # Another password is not affected.
    from meent.leden.models import Account

    other = Account.objects.get(username="ander")
    other.set_password("Een-ander-wachtwoord-2")
    other.save()
    _log_in(client, "ander", "Een-ander-wachtwoord-2")
    assert _signed_in(client)


@override_settings(MEENT_LOGIN_GLOBAL_LIMIT=3)
def test_a_flood_of_failed_logins_stops_all_logins(client, make_account):
    cache.clear()
    make_account(Role.GEMEENTE, gemeente="GM0363", username="gewoon")
    for n in range(3):
        _log_in(client, f"iemand{n}", f"fout-{n}")
    _log_in(client, "gewoon", PASSWORD)
    assert not _signed_in(client)
    cache.clear()
    _log_in(client, "gewoon", PASSWORD)
    assert _signed_in(client)


def test_client_address_comes_from_the_trusted_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.2"
    settings.MEENT_TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.7"  # not the forged 6.6.6.6 the client sent itself
    settings.MEENT_TRUSTED_PROXIES = 2
    assert client_ip(request) == "6.6.6.6"


def test_gemeente_security_officers_need_the_second_factor(client, make_account, login):
    iso = make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344")
    client.force_login(iso)
    response = client.get("/mijn-gemeente/")
    assert response.status_code == 302 and response["Location"] == "/account/two_factor/setup/"
    login(iso)
    assert client.get("/mijn-gemeente/").status_code == 200


def test_demo_iso_account_gets_the_demo_device():
    from meent.core.demo import DEMO_TOTP_KEY, load_accounts

    load_accounts()
    assert TOTPDevice.objects.get(user__username="utrecht-iso").key == DEMO_TOTP_KEY


def test_switching_off_the_second_factor_needs_password_and_code(client, make_account, login):
    account = make_account(Role.GEMEENTE, gemeente="GM0363")
    device = TOTPDevice.objects.create(user=account, name="app", confirmed=True)
    login(account)
    url = "/account/two_factor/disable/"
    assert "Huidig wachtwoord" in client.get(url).content.decode()
    code = f"{totp(device.bin_key):06d}"
    response = client.post(url, {"password": "fout", "code": code})
    assert "Het wachtwoord klopt niet" in response.content.decode()
    response = client.post(url, {"password": PASSWORD, "code": "000000" if code != "000000" else "111111"})
    assert "De code klopt niet" in response.content.decode()
    assert TOTPDevice.objects.filter(user=account).exists()
    device.refresh_from_db()
    response = client.post(url, {"password": PASSWORD, "code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=account).exists()


def test_login_page_says_u_and_links_to_password_reset(client):
    page = client.get("/account/login/").content.decode()
    assert "Wachtwoord vergeten?" in page and 'href="/account/password_reset/"' in page
    text = page[page.index("<main") : page.index("</main>")].lower()  # the menu names "Waar staat je gemeente"
    assert " je " not in text and " jouw " not in text and "uw gebruikersnaam" in text
