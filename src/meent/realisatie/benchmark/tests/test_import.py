"""Imports with the real public files: figures as in the file, herindelingen mapped, all or nothing, idempotent."""

import json
from collections import defaultdict

import pytest
from django.db import IntegrityError, transaction

from meent.realisatie.benchmark import parsing, services
from meent.realisatie.benchmark.models import DataImport, Indicator, Observation, PeerStatistic, Source
from meent.realisatie.benchmark.tests.conftest import rivm_rows, rivm_subset
from meent.realisatie.benchmark.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

POSITIVE = "covid-positief-cumulatief"


def value(indicator: str, area: str, period: str, *, current: bool = True) -> float:
    flag = {"in_current_division": True} if current else {"in_source_division": True}
    return Observation.objects.get(indicator__code=indicator, area__code=area, period__code=period, **flag).value


def file_total(column: str, date: str, codes: set[str] | None = None) -> int:
    return sum(
        int(r[column])
        for r in rivm_rows()
        if r["Date_of_report"].startswith(date) and (codes is None or r["Municipality_code"] in codes)
    )


PEER_FIELDS = ["indicator_id", "period_id", "group", "group_key", "count", "inhabitants", "total", "mean"]
PEER_FIELDS += ["weighted_mean", "median", "p25", "p75", "minimum", "maximum"]


def assert_same_statistics(imported: list[tuple], recounted: list[tuple]) -> None:
    assert len(imported) == len(recounted) > 0
    for mine, theirs in zip(imported, recounted, strict=True):
        assert mine[:6] == theirs[:6]
        assert mine[6:] == pytest.approx(theirs[6:], rel=1e-9)


class TestIdempotencyAndAllOrNothing:
    DATES = {"2020-09-14", "2020-09-15"}

    def test_importing_twice_replaces_instead_of_duplicating(self):
        data = rivm_subset(self.DATES)
        first = services.run_import("rivm", data, filename="rivm.csv")
        count = Observation.objects.count()
        second = services.run_import("rivm", data, filename="rivm.csv")
        assert first.status == second.status == DataImport.Status.GESLAAGD
        assert Observation.objects.count() == count == first.observations_written == second.observations_written

    def test_reimport_drops_figures_no_longer_in_the_source(self):
        services.run_import("rivm", rivm_subset(self.DATES), filename="rivm.csv")
        services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="rivm.csv")
        assert not Observation.objects.filter(period__code="2020-09-14").exists()
        assert not PeerStatistic.objects.filter(period__code="2020-09-14").exists()

    def test_one_bad_row_imports_nothing_and_keeps_the_previous_figures(self):
        services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="rivm.csv")
        before = Observation.objects.count()
        data = rivm_subset(self.DATES).replace(
            b";GM0363;Amsterdam;Noord-Holland;", b";GM0363;Amsterdam;Noord-Holland;x", 1
        )
        log = services.run_import("rivm", data, filename="kapot.csv")
        assert log.status == DataImport.Status.GEWEIGERD
        assert "regel" in log.message and "Total_reported" in log.message
        assert Observation.objects.count() == before
        assert not Observation.objects.filter(period__code="2020-09-14").exists()

    def test_deleting_an_indicator_or_a_source_takes_its_figures_along(self):
        # The observation table declares no foreign keys: the ORM's cascade is what keeps no orphans behind.
        services.run_import("rivm", rivm_subset(self.DATES), filename="rivm.csv")
        positive = Indicator.objects.get(code=POSITIVE)
        services.delete_under_lock(Indicator.objects.filter(pk=positive.pk))
        assert not Observation.objects.filter(indicator_id=positive.pk).exists()
        assert not PeerStatistic.objects.filter(indicator_id=positive.pk).exists()
        assert Observation.objects.exists()
        services.delete_under_lock(Source.objects.all())
        assert not Observation.objects.exists()

    def test_a_second_figure_for_the_same_gemeente_and_period_is_refused(self):
        services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="rivm.csv")
        existing = Observation.objects.filter(area__code="GM0363", in_current_division=True).first()
        existing.pk = None
        with pytest.raises(IntegrityError), transaction.atomic():
            existing.save()

    def test_peer_statistics_of_an_import_equal_a_recount_from_the_database(self):
        def snapshot() -> list[tuple]:
            return sorted(PeerStatistic.objects.values_list(*PEER_FIELDS))

        services.run_import("rivm", rivm_subset(self.DATES), filename="rivm.csv")
        imported = snapshot()
        services.refresh_peer_statistics(Indicator.objects.values_list("id", flat=True))
        assert_same_statistics(imported, snapshot())

    def test_an_indicator_from_two_sources_gets_peer_statistics_over_both(self):
        header = b"indicator;gebied;periode;waarde;naam\n"
        services.run_import(
            "generiek", header + b"afval;GM0518;2023;10;Afval\nafval;GM0344;2023;30;\n", filename="a.csv"
        )
        services.run_import("generiek", header + b"afval;GM0599;2023;20;\n", filename="b.csv")
        nederland = PeerStatistic.objects.get(indicator__code="afval", group="nederland")
        assert (nederland.count, nederland.total, nederland.median) == (3, 60, 20)
        imported = sorted(PeerStatistic.objects.values_list(*PEER_FIELDS))
        services.refresh_peer_statistics(Indicator.objects.filter(code="afval").values_list("id", flat=True))
        assert_same_statistics(imported, sorted(PeerStatistic.objects.values_list(*PEER_FIELDS)))

    def test_a_figure_another_source_already_gives_is_refused(self):
        header = b"indicator;gebied;periode;waarde;naam\n"
        services.run_import("generiek", header + b"afval;GM0518;2023;10;Afval\n", filename="gemeenten.csv")
        log = services.run_import(
            "generiek", header + b"afval;GM0599;2023;20;\nafval;GM0518;2023;11;\n", filename="regio.csv"
        )
        assert log.status == DataImport.Status.GEWEIGERD
        assert "de bron gemeenten geeft al cijfers" in log.message and "afval GM0518 2023" in log.message
        assert value("afval", "GM0518", "2023") == 10
        assert not Observation.objects.filter(area__code="GM0599").exists()

    def test_indicator_definitions_are_audited_and_written_only_when_changed(self):
        from auditlog.models import LogEntry

        header = b"indicator;gebied;periode;waarde;naam\n"
        services.run_import("generiek", header + b"afval;GM0518;2023;10;Afval\n", filename="a.csv")
        afval = Indicator.objects.get(code="afval")
        assert [e.action for e in LogEntry.objects.get_for_object(afval)] == [LogEntry.Action.CREATE]
        services.run_import("generiek", header + b"afval;GM0518;2023;10;Afval\n", filename="a.csv")
        assert LogEntry.objects.get_for_object(afval).count() == 1
        services.run_import("generiek", header + b"afval;GM0518;2023;10;Restafval\n", filename="a.csv")
        afval.refresh_from_db()
        latest = LogEntry.objects.get_for_object(afval).latest("timestamp")
        assert afval.name == "Restafval"
        assert latest.action == LogEntry.Action.UPDATE and "name" in latest.changes_dict

    def test_a_file_of_only_empty_values_says_which_rows_it_skipped(self):
        # "x" is CBS's mark for a figure that is secret or unknown: a skipped row, not an error.
        log = services.run_import(
            "generiek", b"indicator,gebied,periode,waarde\nafval,GM0518,2023,x\n", filename="x.csv"
        )
        assert log.status == DataImport.Status.GEWEIGERD
        assert log.message == (
            "Niets geïmporteerd: het bestand bevat geen waarnemingen (overgeslagen regels — geen waarde: 1)."
        )

    def test_unknown_gemeente_refuses_the_file(self):
        data = b"indicator,gebied,periode,waarde,naam\ninwoners,GM9999,2020,5,Inwoners\n"
        log = services.run_import("generiek", data, filename="x.csv")
        assert log.status == DataImport.Status.GEWEIGERD
        assert "GM9999" in log.message
        assert not Indicator.objects.filter(code="inwoners").exists()

    def test_missing_columns_are_named(self):
        log = services.run_import("generiek", b"indicator;gebied\nx;GM0363\n", filename="x.csv")
        assert log.status == DataImport.Status.GEWEIGERD
        assert "periode" in log.message and "waarde" in log.message

    def test_not_utf8_is_refused(self):
        log = services.run_import(
            "generiek", "indicator,gebied,periode,waarde\nü,GM0363,2020,1\n".encode("latin-1"), filename="x.csv"
        )
        assert log.status == DataImport.Status.GEWEIGERD


class TestFormats:
    def test_generic_csv_defines_indicators_and_maps_mergers(self):
        data = (
            b"indicator;gebied;periode;waarde;naam;eenheid;thema\n"
            b"bijstand;GM0003;2020;120;Bijstandsuitkeringen;uitkeringen;werk-inkomen\n"
            b"bijstand;GM0010;2020;300;;;\n"
            b"bijstand;GM0024;2020;80;;;\n"
            b"bijstand;GM0363;2020;1.234,5;;;\n"
            b"bijstand;NL;2020;;;;\n"
        )
        log = services.run_import("generiek", data, filename="bijstand.csv")
        assert log.status == DataImport.Status.GESLAAGD, log.message
        assert log.skipped_reasons["geen waarde"] == 1
        assert Indicator.objects.get(code="bijstand").theme == "werk-inkomen"
        assert value("bijstand", "GM1979", "2020") == 500
        assert value("bijstand", "GM0363", "2020", current=False) == 1234.5

    def test_non_additive_indicator_is_weighted_by_inhabitants_on_merger(self):
        IndicatorFactory(code="werkloosheid", name="Werkloosheid", unit="%", additive=False)
        data = (
            b"indicator,gebied,periode,waarde\nwerkloosheid,GM0003,2020,10\nwerkloosheid,GM0010,2020,10\n"
            b"werkloosheid,GM0024,2020,10\n"
        )
        services.run_import("generiek", data, filename="w.csv")
        assert value("werkloosheid", "GM1979", "2020") == pytest.approx(10)

    def test_incomplete_merger_is_not_guessed(self):
        data = b"indicator,gebied,periode,waarde,naam\nx,GM0003,2020,1,X\n"
        log = services.run_import("generiek", data, filename="x.csv")
        assert log.status == DataImport.Status.GESLAAGD
        assert not Observation.objects.filter(area__code="GM1979").exists()
        assert "voorganger ontbreekt" in next(iter(log.skipped_reasons))

    def test_cbs_odata_v3_json(self):
        document = {
            "odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/70072ned/$metadata#Cbs.OData.WebAPI.TypedDataSet",
            "TableInfos": {"value": [{"Identifier": "70072ned", "Title": "Regionale kerncijfers Nederland"}]},
            "DataProperties": {
                "value": [
                    {"Key": "RegioS", "Type": "GeoDimension", "Title": "Regio's"},
                    {"Key": "Perioden", "Type": "TimeDimension", "Title": "Perioden"},
                    {
                        "Key": "TotaleBevolking_1",
                        "Type": "Topic",
                        "Title": "Totale bevolking",
                        "Unit": "aantal",
                        "Decimals": 0,
                    },
                ]
            },
            "TypedDataSet": {
                "value": [
                    {"ID": 0, "RegioS": "NL01  ", "Perioden": "2020JJ00", "TotaleBevolking_1": 17407585},
                    {"ID": 1, "RegioS": "GM0363", "Perioden": "2020JJ00", "TotaleBevolking_1": 872757},
                    {"ID": 2, "RegioS": "WK036300", "Perioden": "2020JJ00", "TotaleBevolking_1": 1000},
                    {"ID": 3, "RegioS": "PV27  ", "Perioden": "2020JJ00", "TotaleBevolking_1": None},
                ]
            },
        }
        log = services.run_import(
            "cbs-json", json.dumps(document).encode(), filename="70072ned.json", theme="bevolking"
        )
        assert log.status == DataImport.Status.GESLAAGD, log.message
        indicator = Indicator.objects.get(code="cbs-70072ned.totalebevolking_1")
        assert (indicator.name, indicator.unit, indicator.theme) == ("Totale bevolking", "aantal", "bevolking")
        assert value(indicator.code, "NL00", "2020") == 17407585
        assert log.rows_skipped == 2

    def test_cbs_csv_with_an_extra_dimension(self):
        data = (
            b'"ID";"Geslacht";"RegioS";"Perioden";"Werkloosheid_1"\r\n'
            b'0;"T001038";"GM0363  ";"2020KW01";"   4,5"\r\n'
            b'1;"3000";"GM0363  ";"2020KW01";"       ."\r\n'
        )
        log = services.run_import("cbs-csv", data, filename="t.csv", table="80590ned")
        assert log.status == DataImport.Status.GESLAAGD, log.message
        assert value("cbs-80590ned.werkloosheid_1.t001038", "GM0363", "2020-Q1", current=False) == 4.5

    def test_rivm_per_day_periods_and_sources_are_separate(self):
        services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="r.csv")
        services.run_import("generiek", b"indicator,gebied,periode,waarde,naam\ny,GM0363,2020,1,Y\n", filename="y.csv")
        services.run_import("rivm", rivm_subset({"2020-09-15"}), filename="r.csv")
        assert Observation.objects.filter(indicator__code="y").count() == 1


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("2020", "2020", "jaar"),
        ("2020JJ00", "2020", "jaar"),
        ("2020KW03", "2020-Q3", "kwartaal"),
        ("2020-Q3", "2020-Q3", "kwartaal"),
        ("2020MM02", "2020-02", "maand"),
        ("2020-W53", "2020-W53", "week"),
        ("2020-09-15 10:00:00", "2020-09-15", "dag"),
    ],
)
def test_period_codes(text, code, kind):
    info = parsing.parse_period(text)
    assert (info.code, info.kind) == (code, kind)
    assert info.start <= info.end


@pytest.mark.parametrize("text", ["2020-13", "2020-W54", "20201", "gisteren", "2020-02-30"])
def test_bad_period_codes_are_refused(text):
    with pytest.raises(ValueError, match="periode"):
        parsing.parse_period(text)


def test_size_classes_follow_cbs():
    assert [services.size_class(n) for n in (900, 5_000, 19_999, 872_757)] == [1, 2, 3, 8]


def test_shares_of_a_split_add_up_to_one():
    shares = services.current_division_shares()["GM0788"]
    assert [s.code for s in shares] == ["GM0757", "GM0824", "GM0855", "GM0865"]
    assert sum(s.weight for s in shares) == pytest.approx(1)
    assert all(s.estimated for s in shares)
    assert defaultdict(list, services.current_division_shares())["GM0363"][0].weight == 1


def test_a_gemeente_that_later_absorbed_another_is_not_current_without_it():
    # Weesp joined Amsterdam in 2022; a 2020 figure for Amsterdam alone is not today's Amsterdam.
    data = b"indicator,gebied,periode,waarde,naam\nbanen,GM0363,2020,100,Banen\n"
    log = services.run_import("generiek", data, filename="banen.csv")
    amsterdam = Observation.objects.get(indicator__code="banen", area__code="GM0363")
    assert amsterdam.in_source_division and not amsterdam.in_current_division
    assert sum(log.skipped_reasons.values()) == 1


def test_a_series_already_on_todays_division_is_taken_as_is():
    # Eemsdelta (2021) in 2019: the source reports on today's division, as CBS does for its time series.
    data = b"indicator,gebied,periode,waarde,naam\nbanen,GM1979,2019,100,Banen\nbanen,GM0363,2019,900,\n"
    services.run_import("generiek", data, filename="banen.csv")
    assert value("banen", "GM1979", "2019") == 100
    assert value("banen", "GM0363", "2019") == 900


def test_weekly_counts_are_differences_of_the_last_report_of_each_week_and_keep_corrections():
    import datetime

    from meent.realisatie.benchmark.selectors import differences

    day = datetime.date(2020, 9, 6)  # a Sunday
    cumulative = [(day, 100.0), (day + datetime.timedelta(days=1), 90.0), (day + datetime.timedelta(days=7), 120.0)]
    daily = differences(cumulative, weekly=False, inhabitants=200_000)
    assert [(p.value, p.correction) for p in daily] == [(-10.0, True), (30.0, False)]
    assert daily[1].per_100k == pytest.approx(15.0)
    weekly = differences([*cumulative, (day + datetime.timedelta(days=9), 130.0)], weekly=True, inhabitants=None)
    assert [(p.label, p.value) for p in weekly] == [("2020-W37", 20.0)]  # week 38 is not over


def test_an_unknown_kind_or_a_cbs_csv_without_its_table_is_refused_in_the_log():
    unknown = services.run_import("onbekend", b"a;b\n", filename="x.csv")
    assert (unknown.status, unknown.message) == (
        DataImport.Status.GEWEIGERD,
        "Niets geïmporteerd: onbekende soort import 'onbekend'.",
    )
    cbs = services.run_import(DataImport.Kind.CBS_CSV, b"ID;RegioS\n", filename="x.csv")
    assert cbs.status == DataImport.Status.GEWEIGERD and "CBS-tabelcode" in cbs.message
