import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from meent.realisatie.ibd import exports, selectors, services
from meent.realisatie.ibd.models import TLP, Share
from meent.realisatie.ibd.tests.factories import make_incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked(people):
    incident = make_incident(people["utrecht_iso"], tlp=TLP.AMBER)
    analyst = people["analyst"]
    services.add_entry(incident, author=analyst, text="Openbare waarschuwing", tlp=TLP.GREEN)
    services.add_entry(incident, author=analyst, text="Naam van de getroffen medewerker", tlp=TLP.RED)
    services.add_observable(incident, type="ip", value="203.0.113.7", by=analyst, tlp=TLP.GREEN)
    services.add_observable(incident, type="hash", value="44d88612fea8a8f36de82e1278abb02f", by=analyst, tlp=TLP.AMBER)
    services.add_observable(incident, type="cve", value="CVE-2020-1472", by=analyst, tlp=TLP.CLEAR)
    services.add_observable(incident, type="domain", value="intern.example", by=analyst, tlp=TLP.RED)
    return incident


def test_exports_refuse_anything_above_the_chosen_tlp(worked, people):
    entries, items = selectors.export_items(people["analyst"], worked, TLP.GREEN)
    assert [e.text for e in entries if e.kind == "notitie"] == ["Openbare waarschuwing"]
    assert {o.value for o in items} == {"203.0.113.7", "CVE-2020-1472"}


def test_the_stix_bundle_uses_tlp2_markings(worked, people):
    entries, items = selectors.export_items(people["analyst"], worked, TLP.AMBER)
    bundle = json.loads(exports.build_stix(worked, entries, items, TLP.AMBER).content)
    assert bundle["type"] == "bundle"
    by_type = {}
    for obj in bundle["objects"]:
        by_type.setdefault(obj["type"], []).append(obj)
    markings = {m["id"]: m["name"] for m in by_type["marking-definition"]}
    assert markings[exports.TLP2_IDS[TLP.AMBER]] == "TLP:AMBER"
    assert all(exports.TLP2_EXTENSION in m["extensions"] for m in by_type["marking-definition"])
    patterns = {i["pattern"] for i in by_type["indicator"]}
    assert patterns == {"[ipv4-addr:value = '203.0.113.7']", "[file:hashes.'MD5' = '44d88612fea8a8f36de82e1278abb02f']"}
    assert by_type["vulnerability"][0]["name"] == "CVE-2020-1472"
    assert "Naam van de getroffen medewerker" not in json.dumps(bundle)
    assert "intern.example" not in json.dumps(bundle)
    assert by_type["incident"][0]["object_marking_refs"] == [exports.TLP2_IDS[TLP.AMBER]]


def test_a_stricter_incident_is_not_shared_at_a_lower_tlp(worked, people):
    entries, items = selectors.export_items(people["analyst"], worked, TLP.GREEN)
    for build in exports.BUILDERS.values():
        with pytest.raises(ValidationError):
            build(worked, entries, items, TLP.GREEN)
    export = exports.build_misp(worked, *selectors.export_items(people["analyst"], worked, "AMBER"), "AMBER")
    event = json.loads(export.content)
    assert event["Event"]["info"] == f"{worked.number}: {worked.title}"
    assert {"name": "tlp:amber"} in event["Event"]["Tag"]
    # The GREEN and CLEAR items of an AMBER incident are AMBER, as on its page.
    assert {t["name"] for a in event["Event"]["Attribute"] for t in a["Tag"] if t["name"].startswith("tlp:")} == {
        "tlp:amber"
    }


def test_the_export_page_records_what_was_shared(client, login, people, worked):
    login(people["analyst"])
    url = f"/ibd/incidenten/{worked.number}/delen/"
    response = client.post(url, {"format": "misp", "max_tlp": "AMBER", "recipient": "NCSC"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('-misp.json"')
    response = client.post(url, {"format": "pdf", "max_tlp": "AMBER", "recipient": "NCSC"})
    assert response.content.startswith(b"%PDF")
    share = Share.objects.order_by("pk").last()
    assert (share.recipient, share.format, share.max_tlp, share.observables) == ("NCSC", "pdf", "AMBER", 3)
    assert "gedeeld met NCSC" in client.get(f"/ibd/incidenten/{worked.number}/").text


MISP_EVENT = {
    "Event": {
        "info": "Phishingcampagne",
        "Attribute": [
            {"type": "ip-dst", "value": "198.51.100.9"},
            {"type": "domain", "value": "Phish.Example"},
            {"type": "filename|sha256", "value": "factuur.exe|" + "a" * 64},
            {"type": "comment", "value": "genegeerd"},
        ],
        "Object": [{"Attribute": [{"type": "url", "value": "https://phish.example/x"}]}],
    }
}


def test_import_a_misp_event_and_a_stix_bundle(client, login, people, worked):
    assert exports.parse_import(json.dumps(MISP_EVENT).encode()) == [
        ("ip", "198.51.100.9"),
        ("domain", "phish.example"),
        ("hash", "a" * 64),
        ("url", "https://phish.example/x"),
    ]
    entries, items = selectors.export_items(people["analyst"], worked, TLP.AMBER)
    bundle = exports.build_stix(worked, entries, items, TLP.AMBER).content
    assert set(exports.parse_import(bundle)) == {
        ("ip", "203.0.113.7"),
        ("hash", "44d88612fea8a8f36de82e1278abb02f"),
        ("cve", "CVE-2020-1472"),
    }
    login(people["analyst"])
    upload = SimpleUploadedFile("event.json", json.dumps(MISP_EVENT).encode())
    response = client.post(f"/ibd/incidenten/{worked.number}/observables/importeren/", {"file": upload, "tlp": "AMBER"})
    assert response.status_code == 302
    assert worked.observables.filter(value="phish.example", source="import").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"geen json",
        b"[]",
        b'{"type": "iets"}',
        json.dumps({"Event": {"Attribute": [{"type": "ip-dst", "value": "999.9.9.9"}]}}).encode(),
    ],
)
def test_bad_imports_change_nothing(worked, content, people):
    before = worked.observables.count()
    with pytest.raises(ValidationError):
        services.add_observables(worked, exports.parse_import(content), by=people["analyst"], tlp="AMBER", source="x")
    assert worked.observables.count() == before
