"""The demo: contracts whose savings, computed from the per-participant records, are those of the annual report
(about € 50 million in 2020, € 300 million over the six-year term), and a second load changes nothing."""

from decimal import Decimal

import pytest

from meent.core.registry import computing, figures
from meent.realisatie.inkoop import demo
from meent.realisatie.inkoop.figures import whole_euros
from meent.realisatie.inkoop.models import Contract, Participation, YearFigure

pytestmark = pytest.mark.django_db


def test_the_demo_savings_are_the_report_s_and_come_from_the_records():
    demo.load_demo()
    with computing():
        year = figures["inkoop.besparing"].value(2020).number
        term = figures["inkoop.besparing_looptijd"].value(2020).number
        gemeenten = figures["inkoop.gemeenten"].value(2020).number
    recomputed_year = sum(
        (f.baseline_cost - f.contract_cost for f in YearFigure.unscoped.filter(year=2020)), Decimal(0)
    )
    recomputed_term = sum((f.baseline_cost - f.contract_cost for f in YearFigure.unscoped.all()), Decimal(0))
    assert year == whole_euros(recomputed_year) and term == whole_euros(recomputed_term)
    assert 48_000_000 < year < 52_000_000, year
    assert 290_000_000 < term < 310_000_000, term
    assert gemeenten > 300
    # The herindeling of 2021 carried Appingedam's, Delfzijl's and Loppersum's participations to Eemsdelta.
    assert Participation.unscoped.filter(gemeente__code="GM1979", carried_from__isnull=False).exists()
    assert not YearFigure.unscoped.filter(participation__gemeente__code="GM0003", year__gte=2021).exists()

    counts = (Contract.objects.count(), Participation.unscoped.count(), YearFigure.unscoped.count())
    demo.load_demo()
    assert (Contract.objects.count(), Participation.unscoped.count(), YearFigure.unscoped.count()) == counts
    with computing():
        assert figures["inkoop.besparing"].value(2020).number == year
