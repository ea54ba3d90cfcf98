"""Test data for joint procurement: contracts through the service (real numbering) and yearly figures."""

import datetime
from decimal import Decimal

import factory

from meent.leden.models import Gemeente
from meent.realisatie.inkoop import services
from meent.realisatie.inkoop.models import Category, Contract, Gibit, Participation, YearFigure


def make_contract(**overrides) -> Contract:
    data = {
        "title": "Mobiele telefonie (test)",
        "category": Category.MOBIEL,
        "supplier": "Testbel B.V.",
        "start_date": datetime.date(2020, 1, 1),
        "term_years": 6,
        "gibit_version": Gibit.GIBIT_2019,
    }
    data.update(overrides)
    return services.create_contract(by=None, **data)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    contract = factory.LazyFunction(make_contract)
    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="GM0363"))
    start_date = factory.LazyAttribute(lambda p: p.contract.start_date)


class YearFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearFigure

    participation = factory.SubFactory(ParticipationFactory)
    year = 2020
    baseline_cost = Decimal("100000.00")
    contract_cost = Decimal("75000.00")
