"""The insurance pool: contributions by formula with overrides, claims and payments, balances and loss ratios —
every sum recomputed here from the entries themselves."""

import datetime
from decimal import Decimal

import pytest

from meent.core.refusals import ConflictRefused, Refused
from meent.leden.models import Veiligheidsregio
from meent.risicobeheer import selectors, services
from meent.risicobeheer.models import Claim, Contribution, Payment, PoolMember

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def pool(people):
    for region in Veiligheidsregio.objects.order_by("code"):
        services.join_pool(region, joined_on=datetime.date(2019, 1, 1))
    manager = people["risicobeheer"]
    services.set_pool_year(
        by=manager, year=2020, base=D("20000.00"), share_total=D("1650000.00"), premium=D("420000.00")
    )
    return manager


def test_the_registry_has_25_veiligheidsregios_in_the_pool(pool):
    assert PoolMember.objects.count() == 25 == Contribution.objects.filter(year=2020).count()


def test_contributions_are_base_plus_a_share_by_inhabitants(pool):
    rows = list(selectors.contributions(2020))
    total_inhabitants = sum(row.inhabitants for row in rows)
    assert total_inhabitants > 17_000_000  # the Netherlands, from the registry
    for row in rows:
        assert row.inhabitants == selectors.inhabitants(row.member, 2020)
        exact = D("20000.00") + D("1650000.00") * row.inhabitants / total_inhabitants
        assert abs(row.computed - exact) <= D("0.005")
        assert row.computed == row.computed.quantize(D("0.01"))
    assert abs(sum(row.computed for row in rows) - D("2150000.00")) <= D("0.25")  # 25 × base + share, in cents


def test_an_override_needs_a_reason_and_is_what_counts(pool, people):
    contribution = selectors.contributions(2020).first()
    with pytest.raises(Refused):
        services.override_contribution(contribution, by=pool, amount=D("1.00"), reason=" ")
    with pytest.raises(Refused):
        services.override_contribution(contribution, by=people["bestuur"], amount=D("1.00"), reason="Bestuur")
    services.override_contribution(contribution, by=pool, amount=D("15000.00"), reason="Toetreding halverwege")
    contribution.refresh_from_db()
    assert contribution.amount == D("15000.00") and contribution.computed != contribution.amount
    # A new formula recomputes the computed amount but keeps the override.
    services.set_pool_year(by=pool, year=2020, base=D("1.00"), share_total=D("0.00"), premium=D("0.00"))
    contribution.refresh_from_db()
    assert contribution.computed == D("1.00") and contribution.amount == D("15000.00")


def test_payments_lower_the_reserve_and_a_closed_claim_takes_no_more(pool):
    member = PoolMember.objects.first()
    claim = services.report_claim(
        by=pool, member=member, incident_on=datetime.date(2020, 3, 1), description="Val", reserve=D("10000.00")
    )
    services.pay_claim(claim, by=pool, amount=D("2500.10"), paid_on=datetime.date(2020, 4, 1))
    claim.refresh_from_db()
    assert claim.reserve == D("7499.90")
    with pytest.raises(Refused):
        services.pay_claim(claim, by=pool, amount=D("0.001"), paid_on=datetime.date(2020, 4, 1))
    with pytest.raises(Refused):
        services.pay_claim(claim, by=pool, amount=D("10.00"), paid_on=datetime.date(2020, 2, 1))
    services.close_claim(claim, by=pool, status=Claim.Status.AFGEWIKKELD)
    with pytest.raises(ConflictRefused):
        services.pay_claim(claim, by=pool, amount=D("10.00"), paid_on=datetime.date(2020, 5, 1))
    with pytest.raises(Refused):
        services.report_claim(
            by=pool, member=member, incident_on=datetime.date(2018, 1, 1), description="Te vroeg", reserve=D("1.00")
        )


def test_balances_equal_the_sum_of_their_entries(pool):
    members = list(PoolMember.objects.all())
    services.set_pool_year(by=pool, year=2019, base=D("100.00"), share_total=D("999.99"), premium=D("50.00"))
    services.override_contribution(
        Contribution.objects.get(member=members[0], year=2019), by=pool, amount=D("0.01"), reason="Korting"
    )
    for index, (day, amount) in enumerate(
        [
            (datetime.date(2019, 5, 1), D("123.45")),
            (datetime.date(2020, 1, 2), D("0.05")),
            (datetime.date(2020, 12, 31), D("99999.99")),
        ]
    ):
        claim = services.report_claim(
            by=pool, member=members[index], incident_on=datetime.date(2019, 4, 1), description="x", reserve=D("1.00")
        )
        services.pay_claim(claim, by=pool, amount=amount, paid_on=day)
    for year in (2019, 2020):
        contributed = sum(
            (c.override if c.override is not None else c.computed for c in Contribution.objects.filter(year=year)), D(0)
        )
        paid = sum((p.amount for p in Payment.objects.all() if p.paid_on.year == year), D(0))
        premium = {2019: D("50.00"), 2020: D("420000.00")}[year]
        balance = selectors.balance(year)
        assert (balance.contributions, balance.payments, balance.premium) == (contributed, paid, premium)
        assert balance.result == contributed - paid - premium
        assert isinstance(balance.result, Decimal)


def test_loss_ratios_over_one_three_and_five_years(pool):
    member = PoolMember.objects.first()
    services.set_pool_year(by=pool, year=2019, base=D("10000.00"), share_total=D("0.00"), premium=D("0.00"))
    services.override_contribution(
        Contribution.objects.get(member=member, year=2020), by=pool, amount=D("30000.00"), reason="Test"
    )
    claim = services.report_claim(
        by=pool, member=member, incident_on=datetime.date(2019, 6, 1), description="x", reserve=D("0.00")
    )
    services.pay_claim(claim, by=pool, amount=D("20000.00"), paid_on=datetime.date(2019, 7, 1))
    services.pay_claim(claim, by=pool, amount=D("6000.00"), paid_on=datetime.date(2020, 7, 1))
    assert selectors.loss_ratio(member, 2020, 1) == D("20.0")  # 6000 / 30000
    assert selectors.loss_ratio(member, 2020, 3) == D("65.0")  # 26000 / 40000
    assert selectors.loss_ratio(member, 2020, 5) == D("65.0")
    assert selectors.loss_ratio(member, 2017, 1) is None


def test_what_if_stores_nothing(pool, client, login, people):
    before = list(Contribution.objects.values_list("pk", "computed"))
    login(people["risicobeheer"])
    page = client.get("/risicobeheer/pool/wat-als/?year=2021&base=30000&share_total=1000000&premium=500000")
    result = page.context["result"]
    assert result.contributions == sum((line.amount for line in result.lines), D(0))
    assert abs(result.contributions - D("1750000")) <= D("0.25")
    assert result.result == result.contributions - result.expected_payments - D("500000")
    assert list(Contribution.objects.values_list("pk", "computed")) == before
    assert client.get("/risicobeheer/pool/wat-als/?year=abc&base=-1").status_code == 200


def test_pool_pages_and_api(pool, client, login, people):
    login(people["risicobeheer"])
    contribution = selectors.contributions(2020).first()
    response = client.post(f"/risicobeheer/pool/bijdragen/{contribution.pk}/", {"amount": "100.00", "reason": ""})
    assert response.status_code == 400
    response = client.post(
        f"/risicobeheer/pool/bijdragen/{contribution.pk}/", {"amount": "100.00", "reason": "Korting"}
    )
    assert response.status_code == 302
    member = PoolMember.objects.first()
    response = client.post(
        "/risicobeheer/pool/schades/",
        {"member": member.pk, "incident_on": "2020-05-01", "description": "Val", "reserve": "5000.00"},
    )
    claim = Claim.objects.get()
    assert response.status_code == 302
    response = client.post(
        f"/risicobeheer/pool/schades/{claim.pk}/", {"betaling-amount": "1200.00", "betaling-paid_on": "2020-06-01"}
    )
    assert response.status_code == 302 and claim.payments.get().amount == D("1200.00")
    body = client.get("/api/v1/verzekeringspool").json()
    assert len(body["deelnemers"]) == 25
    saldo = next(row for row in body["saldi"] if row["jaar"] == 2020)
    assert D(saldo["saldo"]) == selectors.balance(2020).result
    login(people["bestuur"])
    response = client.post(f"/risicobeheer/pool/schades/{claim.pk}/", {"afsluiten-status": "afgewezen"})
    assert response.status_code == 403
