"""NCSC liaison: exports (STIX 2.1, MISP event JSON, PDF, CSV) that hold nothing marked above the chosen TLP, and
the import of a MISP event or STIX bundle as observables.

Every object in an export carries the marking that applies to it on the incident's page: the stricter of the
incident's own marking and the item's (:func:`visibility.stricter`), so an item inside a RED incident is RED in
every format. An incident marked above the chosen TLP is not exported at all."""

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass

import stix2
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.realisatie.ibd.models import TLP, TLP_ORDER, Incident, Observable, ObservableType, TimelineEntry
from meent.realisatie.ibd.observables import normalise
from meent.realisatie.ibd.visibility import stricter

# The FIRST TLP 2.0 marking definitions for STIX 2.1 (OASIS extension 60a3c5c5…): fixed ids, so any receiver
# recognises them.
TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_CREATED_BY = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01"
TLP2_IDS = {
    TLP.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    TLP.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    TLP.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    TLP.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    TLP.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
# A fixed namespace: the same incident always gets the same STIX ids, so a re-export updates, not duplicates.
STIX_NAMESPACE = uuid.UUID("7f3c1a52-6a0e-4c55-9a55-1d4b2c0e9f10")
IBD_IDENTITY_ID = f"identity--{uuid.uuid5(STIX_NAMESPACE, 'IBD')}"


def tlp2_marking(tlp: str) -> stix2.v21.MarkingDefinition:
    return stix2.v21.MarkingDefinition(
        id=TLP2_IDS[TLP(tlp)],
        created="2022-10-01T00:00:00.000Z",
        created_by_ref=TLP2_CREATED_BY,
        name=f"TLP:{tlp}",
        extensions={TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": str(tlp).lower()}},
    )


def _stable_id(kind: str, *parts) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, '|'.join(str(p) for p in parts))}"


HASH_NAMES = {32: "MD5", 40: "SHA-1", 64: "SHA-256", 128: "SHA-512"}


def stix_pattern(observable: Observable) -> str | None:
    value = observable.value.replace("\\", "\\\\").replace("'", "\\'")
    match observable.type:
        case ObservableType.IP:
            return f"[{'ipv6-addr' if ':' in value else 'ipv4-addr'}:value = '{value}']"
        case ObservableType.DOMAIN:
            return f"[domain-name:value = '{value}']"
        case ObservableType.URL:
            return f"[url:value = '{value}']"
        case ObservableType.EMAIL:
            return f"[email-addr:value = '{value}']"
        case ObservableType.HASH:
            return f"[file:hashes.'{HASH_NAMES[len(value)]}' = '{value}']"
    return None


@dataclass
class Export:
    content: bytes
    content_type: str
    filename: str
    entries: int
    observables: int


def check_max_tlp(incident: Incident, max_tlp: str) -> None:
    """Everything in an incident is at least as strict as the incident itself, so an export at a lower TLP
    would have to downgrade it: refused."""
    if TLP_ORDER.index(TLP(incident.tlp)) > TLP_ORDER.index(TLP(max_tlp)):
        raise ValidationError(
            {
                "max_tlp": _(
                    "Dit incident is gemarkeerd als TLP:%(tlp)s; alles erin is minstens zo streng. Kies ten minste "
                    "TLP:%(tlp)s om het te delen."
                )
                % {"tlp": incident.tlp}
            }
        )


def marking_of(incident: Incident, item: TimelineEntry | Observable) -> str:
    """The marking an item carries in an export: the one its page applies (the incident's, if stricter)."""
    return stricter(incident.tlp, item.tlp)


def build_stix(incident: Incident, entries: list[TimelineEntry], observables: list[Observable], max_tlp: str) -> Export:
    check_max_tlp(incident, max_tlp)
    marked = [(o, marking_of(incident, o)) for o in observables]
    marked_entries = [(e, marking_of(incident, e)) for e in entries]
    markings = {t: tlp2_marking(t) for t in {incident.tlp, *(t for _o, t in marked), *(t for _e, t in marked_entries)}}
    identity = stix2.v21.Identity(
        id=IBD_IDENTITY_ID,
        name="Informatiebeveiligingsdienst voor gemeenten (IBD)",
        identity_class="organization",
        created="2013-01-01T00:00:00.000Z",
        modified="2013-01-01T00:00:00.000Z",
    )
    stix_incident = stix2.v21.Incident(
        id=_stable_id("incident", incident.number),
        created_by_ref=IBD_IDENTITY_ID,
        created=incident.reported_at,
        modified=incident.reported_at,
        name=f"{incident.number}: {incident.title}",
        description=incident.description,
        labels=[incident.category, f"PAP:{incident.pap}"],
        object_marking_refs=[markings[incident.tlp]],
    )
    objects: list = [identity, *markings.values(), stix_incident]
    for observable, tlp in marked:
        marking = [markings[tlp]]
        if observable.type == ObservableType.CVE:
            sdo = stix2.v21.Vulnerability(
                id=_stable_id("vulnerability", observable.value),
                name=observable.value,
                external_references=[{"source_name": "cve", "external_id": observable.value}],
                created_by_ref=IBD_IDENTITY_ID,
                object_marking_refs=marking,
            )
        else:
            sdo = stix2.v21.Indicator(
                id=_stable_id("indicator", incident.number, observable.type, observable.value),
                name=f"{observable.get_type_display()}: {observable.value}",
                pattern=stix_pattern(observable),
                pattern_type="stix",
                valid_from=observable.added_at,
                created_by_ref=IBD_IDENTITY_ID,
                labels=[f"PAP:{observable.pap}"],
                object_marking_refs=marking,
            )
        objects.append(sdo)
        objects.append(
            stix2.v21.Relationship(
                id=_stable_id("relationship", incident.number, sdo.id),
                relationship_type="related-to",
                source_ref=sdo.id,
                target_ref=stix_incident.id,
                created_by_ref=IBD_IDENTITY_ID,
                object_marking_refs=marking,
            )
        )
    for entry, tlp in marked_entries:
        objects.append(
            stix2.v21.Note(
                id=_stable_id("note", incident.number, entry.pk),
                content=entry.text,
                abstract=entry.get_kind_display(),
                created=entry.occurred_at,
                modified=entry.occurred_at,
                object_refs=[stix_incident.id],
                created_by_ref=IBD_IDENTITY_ID,
                labels=[f"PAP:{entry.pap}"],
                object_marking_refs=[markings[tlp]],
            )
        )
    bundle = stix2.v21.Bundle(objects=objects, allow_custom=False)
    return Export(
        # Not ``pretty=True``: the library's property ordering is quadratic (300 indicators: 225 s against 8 s).
        bundle.serialize(indent=2).encode(),
        "application/stix+json;version=2.1",
        f"{incident.number}-stix.json",
        len(entries),
        len(observables),
    )


MISP_TYPES = {
    ObservableType.IP: ("ip-dst", "Network activity"),
    ObservableType.DOMAIN: ("domain", "Network activity"),
    ObservableType.URL: ("url", "Network activity"),
    ObservableType.EMAIL: ("email-src", "Payload delivery"),
    ObservableType.CVE: ("vulnerability", "External analysis"),
}
MISP_HASHES = {32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}
MISP_THREAT_LEVEL = {"kritiek": "1", "hoog": "1", "middel": "2", "laag": "3"}


def _misp_tags(tlp: str, pap: str) -> list[dict]:
    return [{"name": f"tlp:{str(tlp).lower()}"}, {"name": f"PAP:{pap}"}]


def build_misp(incident: Incident, entries: list[TimelineEntry], observables: list[Observable], max_tlp: str) -> Export:
    check_max_tlp(incident, max_tlp)
    attributes = []
    for observable in observables:
        if observable.type == ObservableType.HASH:
            misp_type, category = MISP_HASHES[len(observable.value)], "Payload delivery"
        else:
            misp_type, category = MISP_TYPES[observable.type]
        attributes.append(
            {
                "uuid": str(uuid.uuid5(STIX_NAMESPACE, f"{incident.number}|{observable.type}|{observable.value}")),
                "type": misp_type,
                "category": category,
                "value": observable.value,
                # PAP:RED allows no action outside the owner's network, so the receiver must not deploy it
                # as a detection rule.
                "to_ids": observable.type != ObservableType.CVE and observable.pap != "RED",
                "Tag": _misp_tags(marking_of(incident, observable), observable.pap),
            }
        )
    for entry in entries:
        attributes.append(
            {
                "uuid": str(uuid.uuid5(STIX_NAMESPACE, f"{incident.number}|entry|{entry.pk}")),
                "type": "text",
                "category": "Other",
                "value": entry.text,
                "comment": f"{entry.get_kind_display()} {entry.occurred_at.isoformat()}",
                "to_ids": False,
                "Tag": _misp_tags(marking_of(incident, entry), entry.pap),
            }
        )
    event = {
        "Event": {
            "uuid": str(uuid.uuid5(STIX_NAMESPACE, incident.number)),
            "info": f"{incident.number}: {incident.title}",
            "date": timezone.localtime(incident.reported_at).date().isoformat(),
            "threat_level_id": MISP_THREAT_LEVEL[incident.severity],
            "analysis": "2" if incident.status == "afgesloten" else "1",
            "distribution": "0",
            "Orgc": {"name": "IBD"},
            "Tag": _misp_tags(incident.tlp, incident.pap),
            "Attribute": attributes,
        }
    }
    return Export(
        json.dumps(event, ensure_ascii=False, indent=2).encode(),
        "application/json",
        f"{incident.number}-misp.json",
        len(entries),
        len(observables),
    )


def build_pdf(incident: Incident, entries: list[TimelineEntry], observables: list[Observable], max_tlp: str) -> Export:
    from weasyprint import HTML

    html = pdf_html(incident, entries, observables, max_tlp)
    return Export(
        HTML(string=html).write_pdf(), "application/pdf", f"{incident.number}.pdf", len(entries), len(observables)
    )


def pdf_html(incident: Incident, entries: list[TimelineEntry], observables: list[Observable], max_tlp: str) -> str:
    """The document the PDF is printed from."""
    check_max_tlp(incident, max_tlp)
    return render_to_string(
        "ibd/export_pdf.html",
        {
            "incident": incident,
            "entries": [(e, marking_of(incident, e)) for e in entries],
            "observables": [(o, marking_of(incident, o)) for o in observables],
            "max_tlp": max_tlp,
            "generated_at": timezone.now(),
        },
    )


# A cell a spreadsheet would read as a formula starts with one of these; it gets a leading apostrophe.
# (Minimal on purpose: core's shared export module is meant to take this over.)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def build_csv(incident: Incident, entries: list[TimelineEntry], observables: list[Observable], max_tlp: str) -> Export:
    """One row per object: the incident, then its observables and timeline entries, each with its marking."""
    check_max_tlp(incident, max_tlp)
    rows = [
        [_("object"), _("soort"), _("waarde"), "TLP", "PAP", _("tijdstip")],
        [
            _("incident"),
            incident.get_category_display(),
            f"{incident.number}: {incident.title}",
            incident.tlp,
            incident.pap,
            incident.reported_at.isoformat(),
        ],
    ]
    rows += [
        [_("observable"), o.get_type_display(), o.value, marking_of(incident, o), o.pap, o.added_at.isoformat()]
        for o in observables
    ]
    rows += [
        [_("tijdlijnregel"), e.get_kind_display(), e.text, marking_of(incident, e), e.pap, e.occurred_at.isoformat()]
        for e in entries
    ]
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    csv.writer(buffer, delimiter=";").writerows([_cell(c) for c in row] for row in rows)
    return Export(
        buffer.getvalue().encode(), "text/csv; charset=utf-8", f"{incident.number}.csv", len(entries), len(observables)
    )


BUILDERS = {"stix": build_stix, "misp": build_misp, "pdf": build_pdf, "csv": build_csv}

# Import

_PATTERN_TERM = re.compile(
    r"(?P<object>[a-z0-9-]+):(?P<path>[a-z_.]+(?:\.'[A-Za-z0-9-]+')?)\s*=\s*'(?P<value>(?:[^'\\]|\\.)*)'"
)
STIX_OBJECTS = {
    "ipv4-addr": ObservableType.IP,
    "ipv6-addr": ObservableType.IP,
    "domain-name": ObservableType.DOMAIN,
    "url": ObservableType.URL,
    "email-addr": ObservableType.EMAIL,
    "file": ObservableType.HASH,
}
MISP_IMPORT = {
    "ip-dst": ObservableType.IP,
    "ip-src": ObservableType.IP,
    "domain": ObservableType.DOMAIN,
    "hostname": ObservableType.DOMAIN,
    "url": ObservableType.URL,
    "link": ObservableType.URL,
    "email": ObservableType.EMAIL,
    "email-src": ObservableType.EMAIL,
    "email-dst": ObservableType.EMAIL,
    "md5": ObservableType.HASH,
    "sha1": ObservableType.HASH,
    "sha256": ObservableType.HASH,
    "sha512": ObservableType.HASH,
    "vulnerability": ObservableType.CVE,
}
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _from_stix(document: dict) -> list[tuple[str, str]]:
    items = []
    for obj in document.get("objects") or []:
        if not isinstance(obj, dict):
            continue
        kind = obj.get("type")
        if kind == "indicator" and obj.get("pattern_type", "stix") == "stix":
            for term in _PATTERN_TERM.finditer(str(obj.get("pattern", ""))):
                if term["object"] in STIX_OBJECTS:
                    items.append((STIX_OBJECTS[term["object"]], term["value"].replace("\\'", "'")))
        elif kind == "vulnerability" and str(obj.get("name", "")).upper().startswith("CVE-"):
            items.append((ObservableType.CVE, obj["name"]))
        elif kind == "file":
            items.extend((ObservableType.HASH, v) for v in (obj.get("hashes") or {}).values())
        elif kind in STIX_OBJECTS and obj.get("value"):
            items.append((STIX_OBJECTS[kind], obj["value"]))
    return items


def _from_misp(document: dict) -> list[tuple[str, str]]:
    event = document.get("Event", document)
    attributes = list(event.get("Attribute") or [])
    for obj in event.get("Object") or []:
        attributes.extend(obj.get("Attribute") or [])
    items = []
    for attribute in attributes:
        kind = attribute.get("type", "")
        value = str(attribute.get("value", ""))
        if "|" in kind:  # composite types such as filename|sha256 or ip-dst|port
            kind_parts, value_parts = kind.split("|"), value.split("|")
            for part_kind, part_value in zip(kind_parts, value_parts, strict=False):
                if part_kind in MISP_IMPORT:
                    items.append((MISP_IMPORT[part_kind], part_value))
        elif kind in MISP_IMPORT:
            items.append((MISP_IMPORT[kind], value))
    return items


def parse_import(content: bytes) -> list[tuple[str, str]]:
    """Observables of a MISP event or a STIX 2.1 bundle, normalised and de-duplicated. Any value that is not
    valid refuses the whole file, so an import is all or nothing."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ValidationError(_("Het bestand is groter dan 5 MB."))
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValidationError(_("Dit is geen geldig JSON-bestand.")) from exc
    if isinstance(document, dict) and isinstance(document.get("response"), list) and document["response"]:
        document = document["response"][0]
    if not isinstance(document, dict):
        raise ValidationError(_("Dit is geen MISP-event en geen STIX-bundel."))
    try:
        if document.get("type") == "bundle":
            raw = _from_stix(document)
        elif isinstance(document.get("Event"), dict) or "Attribute" in document:
            raw = _from_misp(document)
        else:
            raise ValidationError(_("Dit is geen MISP-event en geen STIX-bundel."))
    except (AttributeError, TypeError, KeyError) as exc:  # a list where an object belongs, and the like
        raise ValidationError(_("Het bestand is niet opgebouwd als een MISP-event of een STIX-bundel.")) from exc
    result: list[tuple[str, str]] = []
    for type_, value in raw:
        if not isinstance(value, str):
            raise ValidationError(_("Het bestand is niet opgebouwd als een MISP-event of een STIX-bundel."))
        try:
            item = (str(type_), normalise(type_, value))
        except ValidationError as exc:
            raise ValidationError(
                _("Ongeldige waarde '%(value)s' (%(type)s): %(reason)s")
                % {"value": value[:100], "type": type_, "reason": " ".join(exc.messages)}
            ) from exc
        if item not in result:
            result.append(item)
    if not result:
        raise ValidationError(_("Het bestand bevat geen observables die Meent kent."))
    return result
