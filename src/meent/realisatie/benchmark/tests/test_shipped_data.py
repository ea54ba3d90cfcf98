"""The files shipped for the demo equal the public files in ``../shared/data`` (skipped where that folder is missing,
failed in CI), and the demo loads them through the importers."""

import pytest

from meent.core.testing import public_file
from meent.realisatie.benchmark import demo, shipped
from meent.realisatie.benchmark.models import DataImport, Indicator, Observation


@pytest.mark.parametrize("name", shipped.FILES)
def test_shipped_copy_is_identical_to_the_public_file(name):
    assert shipped.read(name) == public_file(name)


@pytest.mark.django_db
def test_demo_loads_real_and_synthetic_data_once():
    demo.load_demo()
    assert not DataImport.objects.exclude(status=DataImport.Status.GESLAAGD).values_list("message", flat=True)
    count = Observation.objects.count()
    amsterdam = Observation.objects.filter(indicator__code="inwoners", area__code="GM0363", period__code="2020")
    assert amsterdam.get(in_source_division=True).value == 872_757
    assert amsterdam.get(in_current_division=True).value > 872_757  # with Weesp, which joined in 2022
    assert Indicator.objects.get(code="werkloosheid").synthetic
    assert not Indicator.objects.get(code="covid-positief-cumulatief").synthetic
    started = DataImport.objects.count()
    demo.load_demo()
    assert (Observation.objects.count(), DataImport.objects.count()) == (count, started)


def test_synthetic_csv_is_repeatable():
    assert demo.synthetic_csv() == demo.synthetic_csv()
