import pytest

from meent.core.refusals import ImportRefused
from meent.leden.models import Gemeente
from meent.leden.services import import_gemeenten

pytestmark = pytest.mark.django_db

HEADER = "Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n"


def test_import_creates_renames_and_reports():
    text = HEADER + "0363,GM0363,Amsterdam-Nieuw,27,PV27,Noord-Holland\n9999,GM9999,Nieuwegemeente,26,PV26,Utrecht\n"
    report = import_gemeenten(text)
    assert report.created == ["GM9999"]
    assert report.renamed == ["GM0363 Amsterdam → Amsterdam-Nieuw"]
    assert "GM0344" in report.not_in_file
    assert Gemeente.objects.get(code="GM9999").province.name == "Utrecht"
    assert Gemeente.objects.get(code="GM9999").organisation.name == "Gemeente Nieuwegemeente"


def test_a_bad_row_imports_nothing():
    text = HEADER + "9998,GM9998,Goedegemeente,26,PV26,Utrecht\n0363,XX0363,Amsterdam,27,PV27,Noord-Holland\n"
    with pytest.raises(ImportRefused, match="regel 3"):
        import_gemeenten(text)
    assert not Gemeente.objects.filter(code="GM9998").exists()


def test_missing_columns_are_refused_in_dutch():
    with pytest.raises(ImportRefused, match="kolommen ontbreken"):
        import_gemeenten("code,naam\nGM0001,Test\n")
