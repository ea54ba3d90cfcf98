from decimal import Decimal

import pytest

from meent.international.fonds.models import Application, Fund, Status

pytestmark = pytest.mark.django_db


def test_the_demo_fund_has_applications_in_every_status_and_reaches_223_woredas(client, login):
    from meent.core import registry
    from meent.core.demo import load_accounts
    from meent.international.fonds import demo

    load_accounts()
    demo.load_demo()
    demo.load_demo()
    fund = Fund.objects.get()
    assert fund.budget == Decimal("20000000") and fund.currency == "EUR"
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    for year in (2020, 2021):
        values = registry.figures.values("fonds", year)
        assert values["gemeenten_bereikt"].number == 223
        assert values["ngos_getraind"].number == 12
        assert values["toegekend"].number == Decimal("15000000") == fund.committed
        assert values["resterend"].number == Decimal("5000000")
    assert registry.figures.values("fonds", 2020)["uitbetaald"].number < fund.paid
    assert registry.figures.values("fonds", 2021)["uitbetaald"].number == fund.paid
    assert registry.figures.values("fonds", 2019)["toegekend"].number is None  # no fund: no data, never 0
    from meent.leden.models import Account

    login(Account.objects.get(username="international"))
    page = client.get(f"/fonds/{fund.pk}/?jaar=2020")
    assert page.status_code == 200 and "223" in page.text
