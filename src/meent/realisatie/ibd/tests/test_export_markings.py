"""F4: every export marks each object with the marking its page applies — the stricter of the incident's and
the item's own — for every combination of markings and every format."""

import csv
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError

from meent.realisatie.ibd import exports, services
from meent.realisatie.ibd.models import TLP, TLP_ORDER
from meent.realisatie.ibd.tests.factories import make_incident
from meent.realisatie.ibd.visibility import may_see

pytestmark = pytest.mark.django_db

STIX_TLP = {v: str(k) for k, v in exports.TLP2_IDS.items()}


def _strictest(a: str, b: str) -> str:
    return TLP_ORDER[max(TLP_ORDER.index(TLP(a)), TLP_ORDER.index(TLP(b)))]


def _ip(item_tlp: str) -> str:
    return f"203.0.113.{TLP_ORDER.index(TLP(item_tlp)) + 1}"


def _text(item_tlp: str) -> str:
    return f"Regel gemarkeerd {item_tlp}"


def _stix(export) -> dict[str, str]:
    found = {}
    for obj in json.loads(export.content)["objects"]:
        refs = obj.get("object_marking_refs")
        if obj["type"] == "incident":
            found["incident"] = STIX_TLP[refs[0]]
        elif obj["type"] == "indicator":
            found[re.search(r"'([^']+)'\]$", obj["pattern"])[1]] = STIX_TLP[refs[0]]
        elif obj["type"] == "note":
            found[obj["content"]] = STIX_TLP[refs[0]]
    return found


def _misp(export) -> dict[str, str]:
    event = json.loads(export.content)["Event"]

    def tlp(tags):
        return next(t["name"][4:].upper() for t in tags if t["name"].startswith("tlp:"))

    found = {"incident": tlp(event["Tag"])}
    found.update({a["value"]: tlp(a["Tag"]) for a in event["Attribute"]})
    return found


def _csv(export) -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))[1:]
    return {("incident" if row[0] == "incident" else row[2]): row[3] for row in rows}


def _pdf(incident, entries, items, max_tlp) -> dict[str, str]:
    html = exports.pdf_html(incident, entries, items, max_tlp)
    found = {"incident": re.search(r'<p class="tlp" data-tlp="([^"]+)"', html)[1]}
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        marking = re.search(r'data-tlp="([^"]+)"', row)
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if marking:
            found[cells[-1] if len(cells) == 3 else cells[1]] = marking[1]
    return found


READERS = {
    "stix": lambda i, e, o, m: _stix(exports.build_stix(i, e, o, m)),
    "misp": lambda i, e, o, m: _misp(exports.build_misp(i, e, o, m)),
    "csv": lambda i, e, o, m: _csv(exports.build_csv(i, e, o, m)),
    "pdf": _pdf,
}


@pytest.fixture
def incidents(people) -> dict:
    """One incident per marking, each with a timeline entry and an observable of every marking."""
    analyst = people["analyst"]
    result = {}
    for incident_tlp in TLP_ORDER:
        incident = make_incident(people["utrecht_iso"], tlp=incident_tlp, recipients=[analyst])
        for item_tlp in TLP_ORDER:
            services.add_entry(incident, author=analyst, text=_text(item_tlp), tlp=item_tlp)
            services.add_observable(incident, type="ip", value=_ip(item_tlp), by=analyst, tlp=item_tlp)
        result[str(incident_tlp)] = incident
    return result


@pytest.mark.parametrize("format", sorted(READERS))
def test_every_export_marks_each_object_as_its_page_does(incidents, people, format):
    from meent.realisatie.ibd import selectors

    analyst = people["analyst"]
    for incident_tlp, incident in incidents.items():
        for max_tlp in TLP_ORDER:
            if TLP_ORDER.index(TLP(incident_tlp)) > TLP_ORDER.index(max_tlp):
                with pytest.raises(ValidationError):
                    services.export_incident(incident, by=analyst, format=format, max_tlp=max_tlp, recipient="NCSC")
                continue
            entries, items = selectors.export_items(analyst, incident, max_tlp)
            found = READERS[format](incident, entries, items, max_tlp)
            expected = {"incident": incident_tlp}
            for item_tlp in TLP_ORDER:
                marking = _strictest(incident_tlp, item_tlp)
                if TLP_ORDER.index(TLP(marking)) <= TLP_ORDER.index(max_tlp):
                    expected[_ip(item_tlp)] = expected[_text(item_tlp)] = str(marking)
            status = {e.text: e.tlp for e in incident.timeline.all() if e.kind == "status"}
            assert {k: v for k, v in found.items() if k not in status} == expected, (format, incident_tlp, max_tlp)
            # The marking in the export grants exactly the readers the page grants.
            for item in [*entries, *items]:
                marking = expected[getattr(item, "text", None) or item.value]
                for reader in people.values():
                    assert may_see(reader, incident, marking) == may_see(reader, incident, item.tlp)


def test_a_red_incident_is_never_exported_as_clear(incidents, people):
    red = incidents["RED"]
    with pytest.raises(ValidationError) as error:
        services.export_incident(red, by=people["analyst"], format="stix", max_tlp=TLP.CLEAR, recipient="NCSC")
    assert "max_tlp" in error.value.error_dict
    assert not red.shares.exists()


def test_the_export_page_refuses_a_downgrade(client, login, incidents, people):
    login(people["analyst"])
    red = incidents["RED"]
    response = client.post(
        f"/ibd/incidenten/{red.number}/delen/", {"format": "csv", "max_tlp": "CLEAR", "recipient": "NCSC"}
    )
    assert response.status_code == 400 and "TLP:RED" in response.text
    response = client.post(
        f"/ibd/incidenten/{red.number}/delen/", {"format": "csv", "max_tlp": "RED", "recipient": "NCSC"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_csv_cells_never_start_a_formula(people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.GREEN, title='=HYPERLINK("http://evil.example")')
    services.add_entry(incident, author=people["analyst"], text="@SUM(A1)", tlp=TLP.GREEN)
    rows = _csv(exports.build_csv(incident, list(incident.timeline.all()), [], TLP.GREEN))
    assert "'@SUM(A1)" in rows
    content = exports.build_csv(incident, [], [], TLP.GREEN).content.decode("utf-8-sig")
    assert ";=" not in content and "\n=" not in content
