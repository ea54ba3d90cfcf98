"""The real RIVM, sewage and NICE files, imported once for this module: figures equal the file."""

import csv
import io
import json

import pytest

from meent.realisatie.benchmark import parsing
from meent.realisatie.benchmark.models import DataImport, Observation, PeerStatistic
from meent.realisatie.benchmark.tests.conftest import rivm_rows, shipped_bytes
from meent.realisatie.benchmark.tests.test_import import POSITIVE, file_total, value

pytestmark = pytest.mark.django_db


class TestRealRivmFile:
    def test_import_succeeds_and_reports_unplaced_rows(self, corona_2020):
        log = corona_2020[0]
        assert log.status == DataImport.Status.GESLAAGD, log.message
        assert log.rows_read == 68_629
        assert log.skipped_reasons == {parsing.UNPLACED: log.rows_skipped}
        assert log.rows_skipped == sum(1 for r in rivm_rows() if not r["Municipality_code"])

    def test_amsterdam_on_15_september_equals_the_file(self, corona_2020):
        expected = file_total("Total_reported", "2020-09-15", {"GM0363"})
        assert expected > 5_000
        assert value(POSITIVE, "GM0363", "2020-09-15", current=False) == expected
        # Weesp joined Amsterdam in 2022: today's Amsterdam includes it.
        weesp = file_total("Total_reported", "2020-09-15", {"GM0457"})
        assert value(POSITIVE, "GM0363", "2020-09-15") == expected + weesp

    def test_national_total_includes_unplaced_cases(self, corona_2020):
        assert value(POSITIVE, "NL00", "2020-09-15") == file_total("Total_reported", "2020-09-15")
        assert value("covid-overleden-cumulatief", "NL00", "2020-09-15") == file_total("Deceased", "2020-09-15")

    def test_merger_is_summed_on_todays_division(self, corona_2020):
        # Appingedam, Delfzijl and Loppersum became Eemsdelta on 1 January 2021.
        old = {"GM0003", "GM0010", "GM0024"}
        assert value(POSITIVE, "GM1979", "2020-09-15") == file_total("Total_reported", "2020-09-15", old)
        eemsdelta = Observation.objects.get(indicator__code=POSITIVE, area__code="GM1979", period__code="2020-09-15")
        assert not eemsdelta.in_source_division and not eemsdelta.estimated

    def test_original_figures_stay_on_their_own_division(self, corona_2020):
        appingedam = Observation.objects.get(indicator__code=POSITIVE, area__code="GM0003", period__code="2020-09-15")
        assert appingedam.in_source_division and not appingedam.in_current_division
        assert appingedam.value == file_total("Total_reported", "2020-09-15", {"GM0003"})

    def test_split_of_haaren_is_apportioned_and_marked_estimated(self, corona_2020):
        successors = ["GM0757", "GM0824", "GM0855", "GM0865"]
        haaren = file_total("Total_reported", "2020-09-15", {"GM0788"})
        own = {code: file_total("Total_reported", "2020-09-15", {code}) for code in successors}
        mapped = {code: value(POSITIVE, code, "2020-09-15") for code in successors}
        assert sum(mapped.values()) == pytest.approx(sum(own.values()) + haaren)
        assert all(mapped[c] >= own[c] for c in successors)
        tilburg = Observation.objects.get(
            indicator__code=POSITIVE, area__code="GM0855", period__code="2020-09-15", in_current_division=True
        )
        assert tilburg.estimated
        # Tilburg's own figure as RIVM published it is kept, on the 2020 division.
        assert value(POSITIVE, "GM0855", "2020-09-15", current=False) == own["GM0855"]

    def test_peer_statistics_cover_todays_342_gemeenten(self, corona_2020):
        stat = PeerStatistic.objects.get(
            indicator__code=POSITIVE, period__code="2020-09-15", group="nederland", group_key="NL00"
        )
        assert stat.count == 342
        placed = file_total("Total_reported", "2020-09-15") - value(POSITIVE, "NL00", "2020-09-15") + stat.total
        assert stat.total == pytest.approx(placed)
        assert stat.minimum <= stat.p25 <= stat.median <= stat.p75 <= stat.maximum

    def test_sewage_per_veiligheidsregio_and_national_icu(self, corona_2020):
        sewage, nice = corona_2020[1:]
        assert sewage.status == nice.status == DataImport.Status.GESLAAGD
        assert Observation.objects.filter(indicator__code="rioolwater-rna", area__kind="veiligheidsregio").exists()
        series = json.loads(shipped_bytes("nice-ic-opnames.json"))
        assert value("ic-opnames-bewezen", "NL00", series[0][-1]["date"]) == series[0][-1]["value"]


def test_ranks_are_stored_for_todays_gemeenten(corona_2020):
    rows = Observation.objects.filter(
        indicator__code=POSITIVE, period__code="2020-09-15", in_current_division=True, area__kind="gemeente"
    )
    amsterdam = rows.get(area__code="GM0363")
    assert amsterdam.rank_high == 1 + rows.filter(value__gt=amsterdam.value).count()
    assert amsterdam.rank_low == 1 + rows.filter(value__lt=amsterdam.value).count()
    assert not Observation.objects.filter(area__code="GM0003", rank_high__isnull=False).exists()


def test_peer_statistics_equal_the_values_of_the_group(corona_2020):
    import statistics

    stat = PeerStatistic.objects.get(
        indicator__code=POSITIVE, period__code="2020-09-15", group="provincie", group_key="PV26"
    )
    values = sorted(
        Observation.objects.filter(
            indicator__code=POSITIVE,
            period__code="2020-09-15",
            in_current_division=True,
            area__is_current=True,
            area__province_code="PV26",
        ).values_list("value", flat=True)
    )
    quartiles = statistics.quantiles(values, n=4, method="inclusive")
    assert stat.count == len(values) > 20
    assert [stat.p25, stat.median, stat.p75] == pytest.approx(quartiles)
    assert (stat.minimum, stat.maximum, stat.total) == (values[0], values[-1], pytest.approx(sum(values)))


def test_sewage_leaves_out_rows_rivm_marks_not_representative(corona_2020):
    rows = list(csv.DictReader(io.StringIO(shipped_bytes("rivm-covid19-rioolwater.csv").decode("utf-8-sig"))))
    day = [r for r in rows if r["Security_region_code"] == "VR19" and r["Date_measurement"] == "2020-08-02"]
    kept = [r for r in day if r["Representative_measurement"] == "TRUE"]
    assert len(kept) < len(day)  # the file has a non-representative row on that day
    expected = sum(float(r["RNA_per_ml"]) * float(r["Percentage_in_security_region"]) for r in kept) / sum(
        float(r["Percentage_in_security_region"]) for r in kept
    )
    assert value("rioolwater-rna", "VR19", "2020-08-02") == pytest.approx(expected)
    left_out = sum(r["Representative_measurement"] == "FALSE" for r in rows)
    assert corona_2020[1].skipped_reasons["niet representatief"] == left_out


def test_sewage_import_log_names_a_plant_whose_region_code_and_name_disagree(corona_2020):
    message = corona_2020[1].message
    assert "(Burgum): regiocode VR09, maar regionaam 'Friesland' hoort bij VR02" in message
    assert "IJselland" not in message  # a misspelling, not another region
