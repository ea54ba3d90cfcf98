"""Savings are sums of the yearly figures, recomputed here from the entries themselves; a gemeente sees only its
own; a merged gemeente carries its contracts (and its figures from the herindeling on) to its successor."""

import datetime
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meent.core.registry import computing, figures
from meent.leden.models import Gemeente
from meent.realisatie.inkoop import selectors, services
from meent.realisatie.inkoop.figures import whole_euros
from meent.realisatie.inkoop.models import Category, Participation, YearFigure
from meent.realisatie.inkoop.tests.factories import ParticipationFactory, YearFigureFactory, make_contract

pytestmark = pytest.mark.django_db

CODES = ["GM0363", "GM0344", "GM0599", "GM0518", "GM0014"]


def _money(rng: random.Random) -> tuple[Decimal, Decimal]:
    baseline = Decimal(rng.randrange(0, 10**9)) / 100
    return baseline, (baseline * Decimal(rng.uniform(0.5, 1.2))).quantize(Decimal("0.01"))


@pytest.fixture
def records():
    rng = random.Random(20)
    contracts = [
        make_contract(title="Mobiel", category=Category.MOBIEL),
        make_contract(title="Printers", category=Category.PRINTERS, start_date=datetime.date(2019, 7, 1)),
    ]
    for contract in contracts:
        for code in CODES:
            participation = ParticipationFactory(
                contract=contract, gemeente=Gemeente.objects.get(code=code), start_date=contract.start_date
            )
            for year in contract.years:
                baseline, cost = _money(rng)
                YearFigureFactory(participation=participation, year=year, baseline_cost=baseline, contract_cost=cost)
    return contracts


def _by(key) -> dict:
    totals = defaultdict(Decimal)
    for figure in YearFigure.unscoped.select_related("participation__contract", "participation__gemeente"):
        totals[key(figure)] += figure.baseline_cost - figure.contract_cost
    return dict(totals)


def test_every_total_equals_the_sum_of_its_entries(records, people):
    everything = selectors.figures_for(people["realisatie"])
    per_year = _by(lambda f: f.year)
    assert {y.year: y.saving for y in selectors.savings_per_year(everything)} == per_year
    assert selectors.savings_per_gemeente(everything) == _by(lambda f: f.participation.gemeente_id)
    per_category = _by(lambda f: f.participation.contract.category)
    assert {value: saving for value, _, saving in selectors.savings_per_category(everything)} == per_category
    for contract in selectors.contract_list(people["realisatie"], year=2021):
        assert contract.saving_term == _by(lambda f: f.participation.contract_id)[contract.pk]
        assert contract.saving_year == _by(lambda f: (f.participation.contract_id, f.year))[(contract.pk, 2021)]
    with computing():
        assert figures["inkoop.besparing"].value(2020).number == whole_euros(per_year[2020])
        assert figures["inkoop.besparing_looptijd"].value(2020).number == whole_euros(sum(per_year.values()))
        only_printers = _by(lambda f: f.participation.contract_id)[records[1].pk]  # the one running in 2019
        assert figures["inkoop.besparing_looptijd"].value(2019).number == whole_euros(only_printers)
        assert figures["inkoop.gemeenten"].value(2020).number == len(CODES)
        assert figures["inkoop.contracten"].value(2019).number == 1
        assert not figures["inkoop.besparing"].value(2018).has_data


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**11), st.integers(0, 10**11)), min_size=1, max_size=5))
def test_sums_of_cents_are_exact_on_every_database(amounts):
    YearFigure.unscoped.all().delete()
    contract = make_contract()
    for i, (baseline, cost) in enumerate(amounts):
        participation = ParticipationFactory(contract=contract, gemeente=Gemeente.objects.get(code=CODES[i % 5]))
        YearFigure.unscoped.update_or_create(
            participation=participation,
            year=2020,
            defaults={"baseline_cost": Decimal(baseline) / 100, "contract_cost": Decimal(cost) / 100},
        )
    expected = sum((f.baseline_cost - f.contract_cost for f in YearFigure.unscoped.all()), Decimal(0))
    assert selectors.saving_in_year(2020) == expected


def test_a_gemeente_sees_only_its_own_contracts_and_figures(records, people):
    amsterdam = people["amsterdam"]
    own = selectors.figures_for(amsterdam)
    assert set(own.values_list("participation__gemeente__code", flat=True)) == {"GM0363"}
    assert selectors.savings_per_gemeente(own).keys() == {amsterdam.gemeente.pk}
    only_utrecht = make_contract(title="Alleen Utrecht")
    ParticipationFactory(contract=only_utrecht, gemeente=people["utrecht"].gemeente)
    assert only_utrecht not in selectors.contracts_for(amsterdam)
    assert selectors.contract_for(amsterdam, only_utrecht.number) is None
    assert [c.participant_count for c in selectors.contract_list(amsterdam)] == [1, 1]
    assert selectors.figures_for(people["connect"]).count() == 0
    assert selectors.gemeente_summary(people["utrecht"].gemeente, amsterdam) is None


def _eemsdelta_records():
    contract = make_contract()
    for code, baseline in (("GM0003", 100), ("GM0010", 200)):
        participation = ParticipationFactory(contract=contract, gemeente=Gemeente.objects.get(code=code))
        for year in (2020, 2021, 2022):
            YearFigureFactory(
                participation=participation, year=year, baseline_cost=baseline, contract_cost=baseline // 2
            )
    return contract


def test_a_merged_gemeente_carries_its_contracts_and_later_figures_to_its_successor():
    contract = _eemsdelta_records()
    before = selectors.saving_over_term(2020)
    assert services.carry_over_successions() == 2  # Appingedam's and Delfzijl's
    appingedam = Participation.unscoped.get(contract=contract, gemeente__code="GM0003")
    assert appingedam.end_date == datetime.date(2020, 12, 31)
    eemsdelta = Participation.unscoped.get(contract=contract, gemeente__code="GM1979")
    assert eemsdelta.start_date == datetime.date(2021, 1, 1) and eemsdelta.carried_from.code in ("GM0003", "GM0010")
    moved = {f.year: (f.baseline_cost, f.contract_cost) for f in eemsdelta.year_figures.all()}
    assert moved == {2021: (300, 150), 2022: (300, 150)}  # both predecessors' figures, added up
    assert list(appingedam.year_figures.values_list("year", flat=True)) == [2020]
    assert selectors.saving_over_term(2020) == before  # nothing lost, nothing counted twice
    assert services.carry_over_successions() == 0  # idempotent
    assert YearFigure.unscoped.count() == 4


def test_a_split_gemeente_passes_its_contract_to_every_successor_and_keeps_its_figures():
    contract = make_contract()
    haaren = ParticipationFactory(contract=contract, gemeente=Gemeente.objects.get(code="GM0788"))
    YearFigureFactory(participation=haaren, year=2021)
    services.carry_over_successions()
    successors = set(
        Participation.unscoped.filter(contract=contract, carried_from__code="GM0788").values_list(
            "gemeente__name", flat=True
        )
    )
    assert successors == {"Boxtel", "Oisterwijk", "Tilburg", "Vught"}
    assert YearFigure.unscoped.get().participation == haaren


def test_an_import_carries_participations_over(people):
    contract = make_contract()
    result = services.import_figures(
        f"contract;gemeente;jaar;basiskosten;contractkosten\n{contract.number};GM0024;2020;10;5\n".encode(),
        filename="a.csv",
        by=people["realisatie"],
    )
    assert result.carried_over == 1
    assert (
        selectors.contract_for(people["realisatie"], contract.number)
        .participations.filter(gemeente__code="GM1979")
        .exists()
    )
