"""A gemeente account's queries are scoped in the data layer: a forgotten filter fails closed."""

import pytest
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from meent.core.roles import Role
from meent.core.tenancy import scope_for
from meent.leden.models import Gemeente, Membership
from meent.leden.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_contacts():
    for code, name in (("GM0363", "Amsterdammer"), ("GM0344", "Utrechter")):
        MembershipFactory(
            person__first_name="Contact",
            person__last_name=name,
            organisation=Gemeente.objects.get(code=code).organisation,
            role="ciso",
        )


def test_a_query_without_scope_raises(two_contacts):
    with scope(), pytest.raises(ScopeError):  # a scope without the gemeente dimension
        list(Membership.objects.all())


def test_gemeente_account_sees_only_its_own_records(two_contacts, make_account):
    account = make_account(Role.GEMEENTE, gemeente="GM0363")
    with scope_for(account):
        assert [m.person.last_name for m in Membership.objects.all()] == ["Amsterdammer"]
        assert not Membership.objects.filter(person__last_name="Utrechter").exists()


def test_staff_sees_all_and_strangers_see_nothing(two_contacts, make_account):
    with scope_for(make_account(Role.BESTUUR)):
        assert Membership.objects.count() == 2
    with scope_for(make_account()):  # signed in, no role, no gemeente
        assert Membership.objects.count() == 0


def test_requests_run_in_the_accounts_scope(two_contacts, client, make_account, login):
    login(make_account(Role.GEMEENTE, gemeente="GM0363"))
    page = client.get("/mijn-gemeente/").text
    assert "Amsterdammer" in page and "Utrechter" not in page
