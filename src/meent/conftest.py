"""Shared test fixtures: the reference registry loaded once per test database, and accounts per role."""

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, settings

from meent.core.roles import Role

if TYPE_CHECKING:
    from meent.leden.models import Account

# Property tests judge their inputs, never the clock: on a loaded CI machine Hypothesis's timing checks (the
# per-example deadline, "input generation is slow") would fail tests that are correct.
settings.register_profile("meent", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("meent")

_counter = itertools.count()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Row locks and parallel writers only mean something on PostgreSQL; SQLite serialises every write."""
    if item.get_closest_marker("postgres_only"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("vraagt PostgreSQL (DATABASE_URL=postgres://…)")


@pytest.fixture(autouse=True)
def dutch_unless_a_test_says_otherwise():
    """Each test starts in Dutch: a request in English (its LocaleMiddleware) leaves the thread's language
    activated, which would otherwise follow into the next test on the same worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from meent.leden.services import load_reference_data

    with django_db_blocker.unblock(), scopes_disabled():
        load_reference_data()
        _reference_snapshot.extend(_take_reference_snapshot())


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests (browser, concurrency) flush the database afterwards; put the registry back."""
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("_django_db_helper")
    ensure_reference_data()


# The registry's rows as the session's first load wrote them, per model in insertion order. A transactional test
# empties the database; putting these rows back takes one insert per table, where loading the shipped files again
# (row by row, each write audited) takes seconds — and every browser test would pay that.
_reference_snapshot: list[tuple[type, list]] = []


def _reference_models() -> list[type]:
    from meent.leden.models import Gemeente, Organisation, Population, Province, Succession, Veiligheidsregio

    return [Province, Veiligheidsregio, Gemeente, Succession, Population, Organisation]


def _take_reference_snapshot() -> list[tuple[type, list]]:
    from django.db.models import QuerySet

    return [(model, list(QuerySet(model).order_by("pk"))) for model in _reference_models()]


def _restore_reference_snapshot() -> None:
    import copy

    from django.core.management.color import no_style
    from django.db import connection
    from django.db.models import QuerySet

    from meent.leden.services import ensure_roles

    ensure_roles()
    for model, rows in _reference_snapshot:
        QuerySet(model).bulk_create([copy.copy(row) for row in rows])
    # Rows inserted with their own keys leave PostgreSQL's sequences behind: move them past the restored keys.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), _reference_models()):
            cursor.execute(statement)


def ensure_reference_data() -> None:
    """Load the registry unless it is there. Module-scoped fixtures call this too: they are set up before any
    test's own fixtures, possibly right after a transactional test emptied the database."""
    from meent.leden.models import Gemeente
    from meent.leden.services import load_reference_data

    with scopes_disabled():
        if Gemeente.objects.exists():
            return
        if _reference_snapshot:
            _restore_reference_snapshot()
        else:
            load_reference_data()


@contextmanager
def shared_by_the_module(django_db_blocker) -> Iterator[None]:
    """For a module-scoped fixture: rows its tests share, written once and rolled back after the module, as
    ``TestCase.setUpTestData`` does. Each test then runs in a savepoint inside this transaction, so what a test
    writes is undone after it, and nothing of the module's rows outlives the module."""
    from django.db import transaction

    with django_db_blocker.unblock(), scopes_disabled():
        ensure_reference_data()
        with transaction.atomic():
            yield
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_tenant_scope_in_test_code():
    """Test set-up reads and writes across gemeenten; each request still runs in its account's scope."""
    with scopes_disabled():
        yield


@pytest.fixture
def make_account(db) -> Callable:
    from meent.leden import services
    from meent.leden.models import Gemeente, Organisation

    def make(*roles: Role, gemeente: str | None = None, username: str | None = None):
        if gemeente:
            organisation = Gemeente.objects.get(code=gemeente).organisation
        else:
            organisation = services.create_organisation(name="Vereniging (test)", kind=Organisation.Kind.VERENIGING)
        return services.create_account(
            username=username or f"user{next(_counter)}",
            password="Een-lang-testwachtwoord-1",
            organisation=organisation,
            roles=list(roles),
        )

    return make


@pytest.fixture
def login(client) -> Callable:
    """Log ``account`` in with a verified second factor, as after the two-step login."""

    def do_login(account: "Account"):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        client.force_login(account)
        if account.requires_second_factor:
            device, _ = TOTPDevice.objects.get_or_create(user=account, name="test", defaults={"confirmed": True})
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    return do_login


@pytest.fixture
def api_key(db) -> Callable:
    """An API key of a new machine client acting for ``account`` (all modules, read and write unless told)."""

    def make(account: "Account", *, modules: tuple[str, ...] | None = None, write: bool = True, days: int = 30) -> str:
        from meent.leden import services
        from meent.leden.models import ApiModule

        client = services.create_machine_client(
            by=None,
            name=f"client-{next(_counter)}",
            account=account,
            modules=list(modules or ApiModule.values),
            can_write=write,
        )
        return services.issue_token(client, by=None, days=days)[1]

    return make


@pytest.fixture(scope="module")
def browser():
    import os
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from meent.core.testing import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API runs an event loop in this thread; the ORM calls in these tests stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: apt-get install chromium (make test doet dit in CI)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
