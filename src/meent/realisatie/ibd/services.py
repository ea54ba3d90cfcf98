"""Writes of the incident desk. Callers have checked the permission (``rules.py``); these functions keep the
invariants: numbering, the status workflow, service-level dates, observable normalisation, TLP consistency."""

import datetime
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core import numbering
from meent.core.roles import Role
from meent.core.tasks import enqueue_on_commit
from meent.leden.models import Account, Person
from meent.realisatie.ibd import selectors, sla
from meent.realisatie.ibd.exports import BUILDERS, Export, check_max_tlp
from meent.realisatie.ibd.models import (
    PAP,
    TLP,
    TRANSITIONS,
    Acknowledgement,
    Activation,
    Advisory,
    Attachment,
    CorrelationExclusion,
    Deployment,
    Expert,
    Impact,
    Incident,
    Observable,
    Severity,
    Share,
    Status,
    Task,
    TimelineEntry,
    tlp_at_most,
)
from meent.realisatie.ibd.observables import normalise
from meent.realisatie.ibd.tasks import notify_analysts_of_report
from meent.realisatie.ibd.visibility import is_analyst

if TYPE_CHECKING:
    from meent.leden.models import Account

# The severity an incident starts with until an analyst triages it.
SEVERITY_FOR_IMPACT = {
    Impact.BEPERKT: Severity.LAAG,
    Impact.AANZIENLIJK: Severity.MIDDEL,
    Impact.ERNSTIG: Severity.HOOG,
    Impact.ZEER_ERNSTIG: Severity.KRITIEK,
}

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Extension → (content type, magic-byte prefixes; empty = text, checked to decode as UTF-8).
ALLOWED_ATTACHMENTS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "zip": ("application/zip", (b"PK\x03\x04",)),
    "txt": ("text/plain", ()),
    "log": ("text/plain", ()),
    "csv": ("text/csv", ()),
    "json": ("application/json", ()),
    "eml": ("message/rfc822", ()),
}


# Times before this year are typing errors (a year-1 date would also break the local-time arithmetic).
EARLIEST_YEAR = 1990
# The message when a closed incident is changed; the API answers it as a 409 conflict (code "closed").
CLOSED = "closed"


def _check_marking(tlp: str, pap: str | None = None, field: str = "tlp") -> None:
    """Only the markings TLP 2.0 and PAP define: anything else would store a record nobody can see."""
    if tlp not in TLP.values:
        raise ValidationError({field: _("Kies een geldige TLP-markering.")})
    if pap is not None and pap not in PAP.values:
        raise ValidationError({"pap": _("Kies een geldige PAP-markering.")})


def _check_time(at: datetime.datetime | None, field: str) -> None:
    if at is not None and at.year < EARLIEST_YEAR:
        raise ValidationError({field: _("Vul een tijdstip na %(year)d in.") % {"year": EARLIEST_YEAR}})


def _check_open(incident: Incident) -> None:
    # Asked of the database: the caller's instance may predate the closing.
    if Incident.unscoped.filter(pk=incident.pk, status=Status.AFGESLOTEN).exists():
        raise ValidationError(_("Dit incident is afgesloten; er kan niets meer aan worden toegevoegd."), code=CLOSED)


def _check_recipients(tlp: str, recipients: Iterable) -> None:
    if tlp == TLP.RED and not any(r.has_role(Role.IBD_ANALIST) for r in recipients):
        raise ValidationError(
            {"recipients": _("Noem bij TLP:RED ten minste één analist van de IBD, anders kan de IBD u niet helpen.")}
        )


def report_incident(*, reporter: "Account", submission_key: str = "", **data) -> Incident:
    """A gemeente's security officer reports an incident of their own gemeente (see :func:`_report_incident`).
    A report with the ``submission_key`` of an earlier report by the same reporter (a double-submitted form, a
    retried API call with the same ``Idempotency-Key``) returns that incident instead of a second one."""
    if submission_key:
        existing = Incident.unscoped.filter(reporter=reporter, submission_key=submission_key).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            return _report_incident(reporter=reporter, submission_key=submission_key, **data)
    except IntegrityError:
        # A parallel submission with the same key committed first (the counter lock orders them).
        existing = Incident.unscoped.filter(reporter=reporter, submission_key=submission_key).first()
        if not submission_key or existing is None:
            raise
        return existing


def _report_incident(
    *,
    reporter,
    submission_key: str,
    title: str,
    description: str,
    detected_at: datetime.datetime,
    category: str,
    request_type: str,
    impact: str,
    tlp: str = TLP.AMBER,
    pap: str = PAP.AMBER,
    recipients: Iterable = (),
    reported_at: datetime.datetime | None = None,
    gemeente=None,
    attachment: UploadedFile | None = None,
    notify: bool = True,
) -> Incident:
    """The reporter is always a named recipient, so AMBER+STRICT and RED reports stay visible to the person who
    made them. An ``attachment`` (evidence) is stored with the incident's marking, or the report is refused as a
    whole. The analysts are mailed once the report is committed (``notify``; the demo loader turns it off)."""
    gemeente = gemeente or reporter.gemeente
    if gemeente is None:
        raise ValidationError(_("Alleen een account van een gemeente kan een incident melden."))
    _check_marking(tlp, pap)
    _check_time(detected_at, "detected_at")
    reported_at = reported_at or timezone.now()
    if detected_at > reported_at:
        raise ValidationError({"detected_at": _("Het tijdstip van ontdekken kan niet na het melden liggen.")})
    recipients = {r for r in recipients} | {reporter}
    _check_recipients(tlp, recipients)
    severity = SEVERITY_FOR_IMPACT[Impact(impact)]
    response_due, closure_due = sla.due_dates(severity, reported_at)
    year = timezone.localtime(reported_at).year
    sequence = numbering.next_number("IBD", year)
    incident = Incident.unscoped.create(
        number=numbering.format_number("IBD", year, sequence),
        year=year,
        sequence=sequence,
        gemeente=gemeente,
        reporter=reporter,
        title=title,
        description=description,
        detected_at=detected_at,
        reported_at=reported_at,
        category=category,
        request_type=request_type,
        impact=impact,
        severity=severity,
        tlp=tlp,
        pap=pap,
        response_due=response_due,
        closure_due=closure_due,
        submission_key=submission_key,
    )
    incident.recipients.set(recipients)
    if attachment:
        try:
            add_attachment(incident, upload=attachment, by=reporter, tlp=incident.tlp)
        except ValidationError as error:
            raise ValidationError({"attachment": error.message_dict.get("file", error.messages)}) from error
    enqueue_on_commit(notify_analysts_of_report, incident.number, str(Severity(severity).label))
    return incident


def _mark_first_response(incident: Incident, by, at: datetime.datetime) -> None:
    """The first thing an analyst does on an incident is its first response. A conditional update, so a stale
    instance never moves an earlier first response."""
    if not is_analyst(by):
        return
    at = max(at, incident.reported_at)
    if Incident.unscoped.filter(pk=incident.pk, first_response_at__isnull=True).update(first_response_at=at):
        incident.first_response_at = at
    else:
        incident.first_response_at = Incident.unscoped.values_list("first_response_at", flat=True).get(pk=incident.pk)


@transaction.atomic
def triage(
    incident: Incident,
    *,
    by: Account,
    severity: str,
    category: str,
    assignee: Account | None = None,
    tlp: str | None = None,
    tlp_reason: str = "",
    tlp_lowering_confirmed: bool = False,
) -> Incident:
    """Severity, category, handler and marking. Lowering the marking shares the incident more widely, so it needs
    a reason, which the timeline keeps under the old marking; a handler on a new incident takes it in hand."""
    if assignee is not None and not assignee.has_role(Role.IBD_ANALIST):
        raise ValidationError({"assignee": _("Alleen een analist van de IBD kan behandelaar zijn.")})
    if tlp and tlp != incident.tlp:
        _check_marking(tlp)
        _check_recipients(tlp, incident.recipients.all())
        if tlp in tlp_at_most(incident.tlp):
            refusals = {}
            if not tlp_reason.strip():
                refusals["tlp_reason"] = _("Geef de reden waarom het incident ruimer gedeeld mag worden (lagere TLP).")
            if not tlp_lowering_confirmed:
                refusals["tlp_lowering_confirmed"] = _(
                    "Bevestig dat het incident met de lagere TLP ruimer gedeeld mag worden."
                )
            if refusals:
                raise ValidationError(refusals)
            TimelineEntry.objects.create(
                incident=incident,
                author=by,
                kind=TimelineEntry.Kind.STATUS,
                text=_("TLP verlaagd van %(old)s naar %(new)s. Reden: %(reason)s")
                % {"old": incident.tlp, "new": tlp, "reason": tlp_reason.strip()},
                tlp=incident.tlp,
                occurred_at=timezone.now(),
            )
        incident.tlp = tlp
    if severity != incident.severity:
        incident.severity = severity
        incident.response_due, incident.closure_due = sla.due_dates(severity, incident.reported_at)
    incident.category = category
    incident.assignee = assignee
    incident.save()
    if assignee is not None:
        incident.recipients.add(assignee)
        if incident.status == Status.NIEUW:
            incident = transition(incident, by=by, to=Status.IN_BEHANDELING)
    return incident


@transaction.atomic
def set_recipients(incident: Incident, recipients: Iterable) -> None:
    """The named recipients; the reporter and the assigned analyst always stay on the list."""
    recipients = set(recipients) | {incident.reporter} | ({incident.assignee} if incident.assignee else set())
    _check_recipients(incident.tlp, recipients)
    incident.recipients.set(recipients)


@transaction.atomic
def add_expert(*, first_name: str, last_name: str, gemeente, expertise: str, available: bool = True) -> Expert:
    """A person of a gemeente joins the response-network pool; tags are stored trimmed and lower case."""
    tags = ", ".join(dict.fromkeys(t.strip().lower() for t in expertise.split(",") if t.strip()))
    if not tags:
        raise ValidationError({"expertise": _("Geef ten minste één expertise.")})
    person = Person.objects.create(first_name=first_name, last_name=last_name)
    return Expert.objects.create(person=person, gemeente=gemeente, expertise=tags, available=available)


def set_availability(expert: Expert, available: bool) -> Expert:
    expert.available = available
    expert.save(update_fields=["available"])
    return expert


@transaction.atomic
def add_entry(
    incident: Incident,
    *,
    author,
    text: str,
    kind: str = TimelineEntry.Kind.NOTITIE,
    tlp: str = TLP.AMBER,
    pap: str = PAP.AMBER,
    occurred_at: datetime.datetime | None = None,
) -> TimelineEntry:
    _check_open(incident)
    _check_marking(tlp, pap)
    _check_time(occurred_at, "occurred_at")
    if not text.strip():
        raise ValidationError({"text": _("Vul een tekst in.")})
    now = timezone.now()
    occurred_at = occurred_at or now
    if occurred_at > now + datetime.timedelta(minutes=5):
        raise ValidationError({"occurred_at": _("Een tijdlijnregel kan niet in de toekomst liggen.")})
    entry = TimelineEntry.unscoped.create(
        incident=incident, author=author, kind=kind, text=text.strip(), tlp=tlp, pap=pap, occurred_at=occurred_at
    )
    _mark_first_response(incident, author, min(occurred_at, now))
    return entry


@transaction.atomic
def transition(
    incident: Incident, *, by: Account, to: str, summary: str = "", at: datetime.datetime | None = None
) -> Incident:
    """Move ``incident`` along the workflow; anything not in ``TRANSITIONS`` is refused."""
    incident = Incident.unscoped.select_for_update().get(pk=incident.pk)
    if to not in TRANSITIONS[incident.status]:
        raise ValidationError(
            _("Van %(from)s naar %(to)s is geen toegestane stap.")
            % {"from": Status(incident.status).label, "to": Status(to).label if to in Status.values else to}
        )
    at = at or timezone.now()
    if to == Status.AFGESLOTEN:
        if not summary.strip():
            raise ValidationError({"summary": _("Schrijf een samenvatting bij het afsluiten.")})
        incident.closing_summary = summary.strip()
        incident.closed_at = at
    old = incident.status
    incident.status = to
    incident.save()
    text = _("Status: %(from)s → %(to)s") % {"from": Status(old).label, "to": Status(to).label}
    TimelineEntry.unscoped.create(
        incident=incident, author=by, kind=TimelineEntry.Kind.STATUS, text=text, tlp=incident.tlp, occurred_at=at
    )
    _mark_first_response(incident, by, at)
    return incident


def add_task(incident: Incident, *, title: str, due_date: datetime.date, assignee: Account | None = None) -> Task:
    if assignee is not None and not assignee.has_role(Role.IBD_ANALIST):
        raise ValidationError({"assignee": _("Alleen een analist van de IBD kan een taak uitvoeren.")})
    return Task.unscoped.create(incident=incident, title=title, due_date=due_date, assignee=assignee)


def complete_task(task: Task) -> Task:
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
    return task


def add_observable(
    incident: Incident,
    *,
    type: str,
    value: str,
    by: Account | None = None,
    tlp: str = TLP.AMBER,
    pap: str = PAP.AMBER,
    source: str = "",
) -> tuple[Observable, bool]:
    """Store a normalised observable once per incident; a second report of it keeps the first."""
    _check_marking(tlp, pap)
    normalised = normalise(type, value)
    return Observable.unscoped.get_or_create(
        incident=incident,
        type=type,
        value=normalised,
        defaults={"tlp": tlp, "pap": pap, "added_by": by, "source": source},
    )


@transaction.atomic
def add_observables(incident: Incident, items: Iterable[tuple[str, str]], *, by: Account, tlp: str, source: str) -> int:
    """All or nothing: one invalid value and none are stored. Returns how many were new."""
    _check_marking(tlp)
    new = 0
    for type_, value in items:
        _obs, created = add_observable(incident, type=type_, value=value, by=by, tlp=tlp, source=source)
        new += created
    return new


def add_exclusion(*, type: str, value: str, reason: str = "") -> CorrelationExclusion:
    exclusion, _created = CorrelationExclusion.objects.get_or_create(
        type=type, value=normalise(type, value), defaults={"reason": reason}
    )
    return exclusion


def delete_exclusion(pk: int) -> bool:
    """Whether there was such an exclusion."""
    deleted, _rows = CorrelationExclusion.objects.filter(pk=pk).delete()
    return bool(deleted)


def _sniff(upload: UploadedFile) -> tuple[str, str]:
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_ATTACHMENTS:
        raise ValidationError(
            {
                "file": _("Dit bestandstype is niet toegestaan. Toegestaan: %(types)s.")
                % {"types": ", ".join(ALLOWED_ATTACHMENTS)}
            }
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"file": _("Een bijlage mag hoogstens 10 MB zijn.")})
    if upload.size == 0:
        raise ValidationError({"file": _("Het bestand is leeg.")})
    content_type, magics = ALLOWED_ATTACHMENTS[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if magics and not any(head.startswith(m) for m in magics):
        raise ValidationError(
            {"file": _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension}}
        )
    if not magics:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at 2048 bytes; only reject binary content.
            if b"\x00" in head:
                raise ValidationError({"file": _("Dit lijkt geen tekstbestand.")}) from None
    return extension, content_type


@transaction.atomic
def add_attachment(incident: Incident, *, upload: UploadedFile, by: Account, tlp: str = TLP.AMBER) -> Attachment:
    _check_marking(tlp)
    _ext, content_type = _sniff(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        incident=incident,
        original_name=(upload.name or "bijlage")[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        tlp=tlp,
        uploaded_by=by,
    )
    attachment.file.save("bijlage", upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def activate_network(
    incident: Incident, *, by: Account, reason: str, at: datetime.datetime | None = None
) -> Activation:
    if hasattr(incident, "activation"):
        raise ValidationError(_("Het responsnetwerk is voor dit incident al ingeroepen."))
    if not reason.strip():
        raise ValidationError({"reason": _("Geef de aanleiding.")})
    activation = Activation.objects.create(
        incident=incident, activated_by=by, activated_at=at or timezone.now(), reason=reason.strip()
    )
    add_entry(
        incident,
        author=by,
        kind=TimelineEntry.Kind.ACTIE,
        text=_("Gemeentelijk responsnetwerk ingeroepen."),
        tlp=incident.tlp,
        occurred_at=activation.activated_at,
    )
    return activation


def deploy_expert(
    activation: Activation,
    *,
    expert: Expert,
    location: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    hours: float = 0,
) -> Deployment:
    if expert.gemeente_id == activation.incident.gemeente_id:
        raise ValidationError({"expert": _("Een expert komt uit een andere gemeente dan de getroffen gemeente.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
    if Deployment.objects.filter(activation=activation, expert=expert).exists():
        raise ValidationError({"expert": _("Deze expert is al ingezet bij dit incident.")})
    return Deployment.objects.create(
        activation=activation, expert=expert, location=location, starts_at=starts_at, ends_at=ends_at, hours=hours
    )


def record_hours(deployment: Deployment, hours: float) -> Deployment:
    if hours < 0:
        raise ValidationError({"hours": _("Uren kunnen niet negatief zijn.")})
    deployment.hours = hours
    deployment.save(update_fields=["hours"])
    return deployment


@transaction.atomic
def publish_advisory(
    *,
    by: Account,
    title: str,
    body: str,
    severity: str,
    affected_products: str,
    tlp: str = TLP.GREEN,
    audience: Iterable = (),
    recipients: Iterable = (),
    published_at: datetime.datetime | None = None,
) -> Advisory:
    """A RED advisory goes to named recipients — chosen accounts of the audience's gemeenten — not to every
    account of those gemeenten."""
    audience, recipients = list(audience), list(recipients)
    if tlp == TLP.RED and not recipients:
        raise ValidationError({"recipients": _("Kies bij TLP:RED de accounts die het advies ontvangen.")})
    if tlp != TLP.RED and recipients:
        raise ValidationError({"recipients": _("Alleen een advies met TLP:RED gaat naar genoemde ontvangers.")})
    audience_ids = {g.pk for g in audience}
    if any(r.gemeente is None or r.is_staff_member or r.gemeente.pk not in audience_ids for r in recipients):
        raise ValidationError(
            {"recipients": _("Een genoemde ontvanger is een account van een van de gekozen gemeenten.")}
        )
    if tlp not in tlp_at_most(TLP.GREEN) and not audience:
        raise ValidationError({"audience": _("Kies bij TLP:AMBER en strenger de gemeenten die het advies ontvangen.")})
    if tlp in tlp_at_most(TLP.GREEN) and audience:
        raise ValidationError({"audience": _("Een advies met TLP:CLEAR of GREEN gaat naar alle gemeenten.")})
    published_at = published_at or timezone.now()
    year = timezone.localtime(published_at).year
    advisory = Advisory.objects.create(
        number=numbering.format_number("ADV", year, numbering.next_number("ADV", year), width=3),
        title=title,
        body=body,
        severity=severity,
        affected_products=affected_products,
        tlp=tlp,
        published_at=published_at,
        published_by=by,
    )
    advisory.audience.set(audience)
    advisory.recipients.set(recipients)
    return advisory


def acknowledge(advisory: Advisory, *, account: Account, at: datetime.datetime | None = None) -> Acknowledgement:
    if account.gemeente is None:
        raise ValidationError(_("Alleen een gemeente bevestigt een advies."))
    ack, _created = Acknowledgement.objects.get_or_create(
        advisory=advisory,
        gemeente=account.gemeente,
        defaults={"account": account, "acknowledged_at": at or timezone.now()},
    )
    return ack


def export_incident(incident: Incident, *, by: "Account", format: str, max_tlp: str, recipient: str) -> Export:
    """Export what ``by`` sees of ``incident`` up to ``max_tlp``, each object with its page's marking, and record
    the share. An incident marked above ``max_tlp`` is refused."""
    check_max_tlp(incident, max_tlp)
    entries, items = selectors.export_items(by, incident, max_tlp)
    export = BUILDERS[format](incident, entries, items, max_tlp)
    record_share(
        incident,
        by=by,
        recipient=recipient,
        format=format,
        max_tlp=max_tlp,
        entries=export.entries,
        observables=export.observables,
    )
    return export


def record_share(
    incident: Incident, *, by: Account, recipient: str, format: str, max_tlp: str, entries: int, observables: int
) -> Share:
    return Share.objects.create(
        incident=incident,
        recipient=recipient,
        format=format,
        max_tlp=max_tlp,
        shared_by=by,
        entries=entries,
        observables=observables,
    )
