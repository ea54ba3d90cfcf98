"""Every URL × every role. A URL in the URL conf that no app's ``tests/access.py`` lists fails this test, so a new
page or endpoint cannot ship without a decided rule."""

import importlib
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from meent.conftest import shared_by_the_module
from meent.core.testing import ANONYMOUS, PERSONAS, Case
from meent.leden.tests.factories import OrganisationFactory

# Third-party pages with their own access handling: login flow, language switch, SSO callbacks, admin site.
EXEMPT_NAMESPACES = {"two_factor", "admin", "oidc"}
EXEMPT_NAMES = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "oidc_logout",
}


def url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns in EXEMPT_NAMESPACES:
                continue
            names |= url_names(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return {n for n in names if n.split(":")[-1] not in EXEMPT_NAMES}


def all_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for app in apps.get_app_configs():
        if app.name.startswith("meent."):
            try:
                module = importlib.import_module(f"{app.name}.tests.access")
            except ModuleNotFoundError:
                continue
            cases.update(module.ACCESS)
    return cases


def test_every_url_has_a_decided_rule():
    missing = sorted(url_names() - set(all_cases()))
    assert not missing, f"URL's zonder toegangsregel in tests/access.py: {missing}"


def test_every_view_names_its_rule():
    """Views guard themselves: a class view has ``permission_required``, an API view ``permission_rules``."""
    unguarded = []

    def walk(resolver):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if (entry.namespace or "") not in EXEMPT_NAMESPACES:
                    walk(entry)
                continue
            if not entry.name or entry.name in EXEMPT_NAMES:
                continue
            callback = entry.callback
            view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
            if not (getattr(view, "permission_required", None) or getattr(view, "permission_rules", None)):
                unguarded.append(entry.name)

    walk(get_resolver())
    assert not unguarded


@pytest.fixture(scope="module")
def fixtures(django_db_setup, django_db_blocker) -> Iterator[dict]:
    """Objects the cases' URLs refer to, made once per module (each test's own writes are rolled back after it);
    apps add theirs through ``<app>/tests/access.py:fixtures``."""

    with shared_by_the_module(django_db_blocker):
        result = {"organisation": OrganisationFactory(name="Ministerie van Test", kind="ministerie")}
        for app in apps.get_app_configs():
            if app.name.startswith("meent.") and app.name != "meent.leden":
                try:
                    module = importlib.import_module(f"{app.name}.tests.access")
                except ModuleNotFoundError:
                    continue
                if hasattr(module, "fixtures"):
                    result.update(module.fixtures())
        yield result


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_permission_matrix(persona, fixtures, client, make_account, login):
    roles, gemeente = PERSONAS[persona]
    if persona != ANONYMOUS:
        login(make_account(*roles, gemeente=gemeente, username=f"matrix-{persona}"))
    failures = []
    for name, case in sorted(all_cases().items()):
        url = case.resolve_url(fixtures)
        response = getattr(client, case.method)(url, data=case.data or None)
        allowed = persona in case.allowed
        if allowed:
            ok = response.status_code in case.allowed_status
        elif url.startswith("/api/"):
            ok = response.status_code in ((401, 403) if persona == ANONYMOUS else (403, 404))
        else:
            # 404 where even the existence of an object is confidential (an incident of another gemeente).
            ok = response.status_code in (403, 404) or (
                persona == ANONYMOUS and response.status_code == 302 and "/account/login/" in response["Location"]
            )
        if not ok:
            failures.append(f"{name} {case.method.upper()} {url}: {response.status_code} (toegestaan={allowed})")
    assert not failures, "\n".join(failures)
