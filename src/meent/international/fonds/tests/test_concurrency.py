"""Two staff members approving at the same moment on PostgreSQL: the fund's and the application's row locks keep
grants within the budget and tranches within the grant. Each test also runs with the lock switched off, while
every client has read the counter before anyone writes it, to show the overspending the lock prevents."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum

from meent.core.refusals import ConflictRefused
from meent.core.roles import Role
from meent.international.fonds import services
from meent.international.fonds.models import Application, Fund, Tranche
from meent.international.fonds.tests.factories import advance, make_call, make_fund, make_submitted

CLIENTS = 4


def _parallel(work) -> tuple[list, list[Exception]]:
    barrier = threading.Barrier(CLIENTS, timeout=60)
    results, errors = [], []

    def client(n: int) -> None:
        try:
            barrier.wait()
            results.append(work(n))
        except ConflictRefused as refusal:
            results.append(refusal)
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def _unlocked(model, everyone_has_read: threading.Barrier):
    """The lock switched off: a plain read, then wait until every client has read the same counter."""

    def read(pk: int):
        row = model.objects.select_related(*(["call__fund", "applicant"] if model is Application else [])).get(pk=pk)
        everyone_has_read.wait()
        return row

    return read


@pytest.fixture
def staff(make_account):
    return make_account(Role.INTERNATIONAL, username="international-parallel")


@pytest.fixture
def reviewers(make_account):
    return [make_account(username="parallel-beoordelaar-1"), make_account(username="parallel-beoordelaar-2")]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locking", [True, False], ids=["row-lock", "no-lock"])
def test_parallel_grants_never_exceed_the_fund_budget(monkeypatch, staff, reviewers, locking):
    call = make_call(make_fund(budget=Decimal("250000")))
    applications = []
    for _n in range(CLIENTS):
        application, _account = make_submitted(call, amount=Decimal("100000"))
        applications.append(advance(application, "beoordeeld", by=staff, reviewers=reviewers))
    if not locking:
        monkeypatch.setattr(services, "_locked_fund", _unlocked(Fund, threading.Barrier(CLIENTS, timeout=60)))
    results, errors = _parallel(
        lambda n: services.transition(applications[n], "toegekend", by=staff, motivation="Goed plan.")
    )
    assert not errors
    granted = Application.objects.filter(call=call, status="toegekend")
    total = granted.aggregate(total=Sum("amount_granted"))["total"]
    fund = Fund.objects.get(pk=call.fund_id)
    if locking:
        assert granted.count() == 2 and total == fund.committed == Decimal("200000") <= fund.budget
        assert sum(isinstance(r, ConflictRefused) for r in results) == 2
    else:
        assert total > fund.budget  # overspent: every grant saw the whole budget free
        assert fund.committed < total  # and the counter lost updates


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locking", [True, False], ids=["row-lock", "no-lock"])
def test_parallel_tranches_never_exceed_the_grant(monkeypatch, staff, reviewers, locking):
    application, _account = make_submitted(make_call(), amount=Decimal("100000"))
    application = advance(application, "contract", by=staff, reviewers=reviewers)
    if not locking:
        monkeypatch.setattr(
            services, "_locked_application", _unlocked(Application, threading.Barrier(CLIENTS, timeout=60))
        )
    results, errors = _parallel(
        lambda n: services.add_tranche(
            application,
            by=staff,
            planned_on=datetime.date(2021, 1, 1 + n),
            amount=Decimal("40000"),
            requires_report=False,
        )
    )
    assert not errors
    total = Tranche.objects.filter(application=application).aggregate(total=Sum("amount"))["total"]
    application.refresh_from_db()
    if locking:
        assert total == application.tranches_total == Decimal("80000") <= application.amount_granted
        assert sum(isinstance(r, ConflictRefused) for r in results) == 2
    else:
        assert total > application.amount_granted
