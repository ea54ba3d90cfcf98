"""The shipped reference data equals the public files in ../shared/data (skipped where that folder is missing,
failed in CI), and the registry rebuilds each year's division from the shipped copies."""

import gzip

import pytest

from meent.core.testing import public_file
from meent.leden import reference, selectors
from meent.leden.models import Gemeente, Population, Province, Veiligheidsregio

pytestmark = pytest.mark.django_db


def shipped_rows(name: str) -> list[dict[str, str]]:
    return list(reference.rows(f"{name}.gz"))


@pytest.mark.parametrize(
    "name",
    ["gemeenten-2020.csv", "gemeenten-2025.csv", "herindelingen.csv", "inwoners-2020.csv", "veiligheidsregios.csv"],
)
def test_shipped_copy_is_identical_to_the_public_file(name):
    shipped = gzip.decompress((reference.DATA_DIR / f"{name}.gz").read_bytes())
    assert shipped == public_file(name)


def test_registry_2020_matches_cbs_on_code_name_and_province():
    expected = {}
    for row in shipped_rows("gemeenten-2020.csv"):
        expected.setdefault(row["GemeentecodeGM"], (row["Gemeentenaam"], row["Provincienaam"]))  # alias rows follow
    actual = {g.code: (g.name, g.province.name) for g in selectors.gemeenten(year=2020)}
    assert actual == expected


def test_registry_2025_matches_cbs_codes_and_names():
    expected = {row["gemeentecode"]: row["gemeentenaam"] for row in shipped_rows("gemeenten-2025.csv")}
    actual = {g.code: (g.cbs_label or g.name) for g in selectors.gemeenten(year=2025)}
    assert actual == expected


def test_aliases_are_searchable_but_not_extra_gemeenten():
    assert [g.code for g in selectors.gemeenten(year=2020, search="Den Haag")] == ["GM0518"]
    assert Gemeente.objects.get(code="GM0518").name == "'s-Gravenhage"


@pytest.mark.parametrize(("year", "count"), [(2020, 355), (2021, 352), (2022, 344), (2023, 342), (2025, 342)])
def test_each_years_division_has_the_right_number_of_gemeenten(year, count):
    assert selectors.gemeenten(year=year).count() == count


def test_twelve_provinces_and_three_caribbean_public_bodies():
    assert Province.objects.count() == 12
    assert sorted(g.name for g in selectors.openbare_lichamen()) == ["Bonaire", "Saba", "Sint Eustatius"]


def test_2021_mergers_resolve_to_their_successors():
    eemsdelta = Gemeente.objects.get(code="GM1979")
    for old in ("GM0003", "GM0010", "GM0024"):
        assert selectors.current_successors(Gemeente.objects.get(code=old)) == [eemsdelta]
    haaren = [g.code for g in selectors.current_successors(Gemeente.objects.get(code="GM0788"))]
    assert haaren == ["GM0757", "GM0824", "GM0855", "GM0865"]
    assert Gemeente.objects.get(code="GM1979").province.name == "Groningen"


def test_each_gemeente_of_a_year_is_in_exactly_one_veiligheidsregio():
    for year in (2020, 2021, 2022, 2025):
        assert not selectors.gemeenten(year=year).filter(veiligheidsregio__isnull=True).exists()
    assert Veiligheidsregio.objects.count() == 25


def test_veiligheidsregio_inhabitants_match_the_file_within_two_percent():
    for region in Veiligheidsregio.objects.all():
        total = sum(
            Population.objects.filter(year=2020, gemeente__veiligheidsregio=region).values_list(
                "inhabitants", flat=True
            )
        )
        assert abs(total - region.inhabitants_reference) <= 0.02 * region.inhabitants_reference, region.code


def test_inhabitants_2020_loaded_for_every_gemeente():
    assert Population.objects.filter(year=2020).count() == 355
    assert Population.objects.get(year=2020, gemeente__code="GM0363").inhabitants == 872757


def test_loading_twice_changes_nothing():
    from meent.leden.services import load_reference_data

    before = (Gemeente.objects.count(), Population.objects.count())
    load_reference_data()
    assert (Gemeente.objects.count(), Population.objects.count()) == before
