"""Writes of the grant fund. Every rule lives here: views, API and demo call these functions, which refuse a
request as a whole (:mod:`meent.core.refusals`) and change nothing then.

Money moves only under row locks: a grant locks its fund's row, a tranche its application's row, so two staff
members acting at the same moment are serialised and the counters (with their check constraints) stay exact."""

import datetime
from decimal import Decimal

from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from meent.core.numbering import format_number, next_number
from meent.core.refusals import ConflictRefused, Refused
from meent.core.tasks import enqueue_on_commit
from meent.international.fonds import selectors, tasks
from meent.international.fonds.models import (
    Applicant,
    ApplicantAccount,
    Application,
    Area,
    BudgetLine,
    Call,
    Document,
    Fund,
    Review,
    ReviewerAssignment,
    Score,
    Status,
    StatusChange,
    Tranche,
    TrancheReport,
)
from meent.leden.models import Account, Organisation

SERIES = "FONDS"
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Extension → (content type, how the file starts): Office files are ZIP packages.
ALLOWED_DOCUMENTS = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
}
CONFIRMATION_SALT = "fonds.registration"
CONFIRMATION_DAYS = 3


def _manager(by: Account) -> None:
    if not by.has_perm("fonds.manage"):
        raise Refused(_("Alleen medewerkers van International mogen dit doen."))


# Registration --------------------------------------------------------------------------------------------------


@transaction.atomic
def register_applicant(
    *,
    organisation_name: str,
    country: str,
    registration_number: str,
    email: str,
    username: str,
    password: str,
    language: str = "en",
) -> Applicant:
    """An NGO registers: its account stays inactive until the signed link mailed to ``email`` is opened."""
    errors = []
    if Account.objects.filter(username__iexact=username).exists():
        errors.append(_("Deze gebruikersnaam is al in gebruik."))
    try:
        validate_password(password)
    except ValidationError as error:
        errors.extend(error.messages)
    if errors:
        raise Refused(errors)
    organisation = Organisation.objects.create(name=organisation_name, kind=Organisation.Kind.NGO, country=country)
    applicant = Applicant.objects.create(
        organisation=organisation, registration_number=registration_number, email=email, language=language
    )
    account = Account(username=username, email=email, organisation=organisation, is_active=False)
    account.set_password(password)
    account.save()
    ApplicantAccount.objects.create(account=account, applicant=applicant)
    token = signing.dumps({"account": account.pk, "email": email}, salt=CONFIRMATION_SALT)
    enqueue_on_commit(tasks.send_confirmation, applicant.pk, token)
    return applicant


@transaction.atomic
def confirm_registration(token: str) -> Account:
    """Activate the account of a signed confirmation link (valid for three days, for the address it was sent to)."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=datetime.timedelta(days=CONFIRMATION_DAYS))
    except signing.BadSignature:
        raise Refused(_("Deze bevestigingslink is ongeldig of verlopen. Registreer opnieuw.")) from None
    link = ApplicantAccount.objects.select_related("account", "applicant").filter(account_id=data["account"]).first()
    if link is None or link.applicant.email != data["email"]:
        raise Refused(_("Deze bevestigingslink is ongeldig of verlopen. Registreer opnieuw."))
    if link.applicant.verified_at is None:
        link.applicant.verified_at = timezone.now()
        link.applicant.save(update_fields=["verified_at"])
    link.account.is_active = True
    link.account.save(update_fields=["is_active"])
    return link.account


# Drafting and submitting -----------------------------------------------------------------------------------------


def _applicant(by: Account) -> Applicant:
    applicant = selectors.applicant_of(by)
    if applicant is None or applicant.verified_at is None:
        raise Refused(_("Alleen een geregistreerde aanvrager met een bevestigd e-mailadres kan aanvragen."))
    return applicant


def _before_deadline(call: Call, now: datetime.datetime | None = None) -> None:
    if (now or timezone.now()) >= call.deadline:
        raise ConflictRefused(
            _("De sluitingstijd van deze oproep (%(deadline)s) is verstreken: aanvragen kan niet meer.")
            % {"deadline": date_format(timezone.localtime(call.deadline), "DATETIME_FORMAT")}
        )


@transaction.atomic
def save_draft(
    *,
    by: Account,
    call: Call,
    application: Application | None = None,
    title: str,
    organisation_name: str,
    registration_number: str,
    contact_name: str,
    activities: str,
    amount_requested: Decimal,
    areas: list[Area],
    budget_lines: list[tuple[str, Decimal]],
    now: datetime.datetime | None = None,
) -> Application:
    """Create or update a draft (concept). Budget lines replace the draft's lines; the areas must be the call's."""
    applicant = _applicant(by)
    _before_deadline(call, now)
    if application is not None:
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.applicant_id != applicant.pk:
            raise Refused(_("Deze aanvraag is niet van uw organisatie."))
        if application.status != Status.CONCEPT:
            raise ConflictRefused(_("Een ingediende aanvraag kan niet meer worden gewijzigd."))
    errors = []
    if amount_requested is None or amount_requested <= 0:
        errors.append(_("Het gevraagde bedrag moet groter dan nul zijn."))
    elif amount_requested > call.maximum_amount:
        errors.append(
            _("Het gevraagde bedrag is hoger dan het maximum van deze oproep (%(max)s).") % {"max": call.maximum_amount}
        )
    allowed = set(call.areas.values_list("pk", flat=True))
    if any(area.pk not in allowed for area in areas):
        errors.append(_("Kies alleen gebieden van deze oproep."))
    if any(amount is None or amount <= 0 for _d, amount in budget_lines):
        errors.append(_("Elk bedrag in de begroting moet groter dan nul zijn."))
    if errors:
        raise Refused(errors)
    application = application or Application(call=call, applicant=applicant)
    for name, value in {
        "title": title,
        "organisation_name": organisation_name,
        "registration_number": registration_number,
        "contact_name": contact_name,
        "activities": activities,
        "amount_requested": amount_requested,
    }.items():
        setattr(application, name, value)
    application.save()
    application.areas.set(areas)
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, description=description, amount=amount)
        for description, amount in budget_lines
    )
    return application


def _sniff(upload: UploadedFile) -> str:
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENTS:
        raise Refused(_("Alleen PDF-, DOCX- en XLSX-bestanden zijn toegestaan."), field="document")
    if upload.size == 0:
        raise Refused(_("Het bestand is leeg."), field="document")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise Refused(_("Een document mag hoogstens 10 MB zijn."), field="document")
    content_type, magic = ALLOWED_DOCUMENTS[extension]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise Refused(
            _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension}, field="document"
        )
    return content_type


@transaction.atomic
def add_document(application: Application, *, upload: UploadedFile, by: Account) -> Document:
    if selectors.applicant_of(by) is None or application.applicant_id != selectors.applicant_of(by).pk:
        raise Refused(_("Deze aanvraag is niet van uw organisatie."))
    if application.status != Status.CONCEPT:
        raise ConflictRefused(_("Een ingediende aanvraag kan niet meer worden gewijzigd."))
    content_type = _sniff(upload)
    document = Document(
        application=application,
        original_name=(upload.name or "document")[-200:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    document.file.save(upload.name or "document", upload, save=False)
    document.save()
    return document


def _record(application: Application, source: str, by: Account, motivation: str = "") -> None:
    application.save()
    StatusChange.objects.create(
        application=application, source=source, target=application.status, motivation=motivation, by=by
    )
    enqueue_on_commit(tasks.notify_applicant, application.pk)


@transaction.atomic
def submit(application: Application, *, by: Account, now: datetime.datetime | None = None) -> Application:
    """Submit a draft before the call's deadline; it gets its number (FONDS-2020-0001) and is received."""
    applicant = _applicant(by)
    application = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    if application.applicant_id != applicant.pk:
        raise Refused(_("Deze aanvraag is niet van uw organisatie."))
    if application.status != Status.CONCEPT:
        raise ConflictRefused(_("Deze aanvraag is al ingediend."))
    _before_deadline(application.call, now)
    errors = []
    if not application.areas.exists():
        errors.append(_("Kies ten minste één gebied."))
    lines = list(application.budget_lines.values_list("amount", flat=True))
    if not lines:
        errors.append(_("Vul ten minste één begrotingsregel in."))
    elif sum(lines) != application.amount_requested:
        errors.append(
            _("De begrotingsregels (%(sum)s) tellen niet op tot het gevraagde bedrag (%(amount)s).")
            % {"sum": sum(lines), "amount": application.amount_requested}
        )
    if errors:
        raise Refused(errors)
    moment = now or timezone.now()
    year = timezone.localtime(moment).year
    application.number = format_number(SERIES, year, next_number(SERIES, year))
    application.submitted_at = moment
    application.submit()
    _record(application, Status.CONCEPT, by)
    return application


# Screening -------------------------------------------------------------------------------------------------------

# The staff's transitions by the name the UI and API use: (method on the model, needs a motivation).
TRANSITIONS: dict[str, tuple[str, bool]] = {
    "ontvankelijk": ("admit", False),
    "niet_ontvankelijk": ("declare_inadmissible", True),
    "screening": ("start_screening", False),
    "training": ("start_training", False),
    "beoordeeld": ("complete_review", False),
    "toegekend": ("grant", True),
    "afgewezen": ("reject", True),
    "contract": ("sign_contract", False),
    "uitbetalingen": ("start_payments", False),
    "eindrapportage": ("request_final_report", False),
    "afgesloten": ("close", False),
}


def available_transitions(application: Application) -> list[str]:
    """The transitions the state machine allows from the application's status (its conditions are checked
    when one is made)."""
    return [name for name, (method, _m) in TRANSITIONS.items() if can_proceed(getattr(application, method))]


def _locked_fund(pk: int) -> Fund:
    return Fund.objects.select_for_update().get(pk=pk)


def _locked_application(pk: int) -> Application:
    # Only the application's own row: the fund's row is locked on its own, by a grant (``_locked_fund``).
    qs = Application.objects.select_for_update(of=("self",)).select_related("call__fund", "applicant")
    return qs.get(pk=pk)


def review_count(application: Application) -> int:
    return Review.objects.filter(assignment__application=application).count()


@transaction.atomic
def transition(
    application: Application,
    name: str,
    *,
    by: Account,
    motivation: str = "",
    amount: Decimal | None = None,
    now: datetime.datetime | None = None,
) -> Application:
    """Move ``application`` to status ``name``. A grant (``toegekend``) books ``amount`` (default: the amount
    requested) on the fund under the fund's row lock, never above its budget. ``now``: the moment of a decision
    (the demo's history lies in the past)."""
    _manager(by)
    if name not in TRANSITIONS:
        raise Refused(_("Onbekende statusovergang: %(name)s.") % {"name": name}, field="naar")
    method, needs_motivation = TRANSITIONS[name]
    application = _locked_application(application.pk)
    source = application.status
    if not can_proceed(getattr(application, method)):
        raise ConflictRefused(
            _("Van %(source)s naar %(target)s is geen toegestane overgang.")
            % {"source": Status(source).label, "target": Status(name).label}
        )
    motivation = (motivation or "").strip()
    if needs_motivation and not motivation:
        raise Refused(_("Geef een motivering voor dit besluit."), field="motivering")
    if name == "beoordeeld":
        required = application.call.required_reviews
        if review_count(application) < required:
            raise ConflictRefused(
                _("Er zijn %(done)d van de %(required)d vereiste beoordelingen; de aanvraag kan nog niet door.")
                % {"done": review_count(application), "required": required}
            )
    if name == "toegekend":
        _book_grant(application, amount if amount is not None else application.amount_requested)
    if name in ("toegekend", "afgewezen", "niet_ontvankelijk"):
        application.decision_motivation = motivation
        application.decided_at = now or timezone.now()
    getattr(application, method)()
    _record(application, source, by, motivation)
    return application


def _book_grant(application: Application, amount: Decimal) -> None:
    if amount is None or amount <= 0:
        raise Refused(_("Het toegekende bedrag moet groter dan nul zijn."), field="bedrag")
    if amount > application.amount_requested:
        raise Refused(_("Er kan niet meer worden toegekend dan is gevraagd."), field="bedrag")
    fund = _locked_fund(application.call.fund_id)
    if fund.committed + amount > fund.budget:
        raise ConflictRefused(
            _("Het fonds heeft nog %(left)s %(currency)s; deze toekenning past niet in het budget.")
            % {"left": fund.budget - fund.committed, "currency": fund.currency}
        )
    fund.committed = fund.committed + amount
    fund.save(update_fields=["committed"])
    application.amount_granted = amount


# Reviewing -------------------------------------------------------------------------------------------------------


def _conflict_of_interest(application: Application, reviewer: Account) -> bool:
    """A reviewer of the applicant organisation itself (its registry entry or one of its accounts)."""
    return (
        reviewer.organisation_id == application.applicant.organisation_id
        or ApplicantAccount.objects.filter(account=reviewer, applicant=application.applicant).exists()
    )


REVIEWABLE = (Status.SCREENING, Status.TRAINING)


@transaction.atomic
def assign_reviewer(application: Application, *, reviewer: Account, by: Account) -> ReviewerAssignment:
    _manager(by)
    application = _locked_application(application.pk)
    if application.status not in REVIEWABLE:
        raise ConflictRefused(_("Beoordelaars worden toegewezen tijdens screening en training."))
    if _conflict_of_interest(application, reviewer):
        raise Refused(
            _("Deze beoordelaar is verbonden aan de aanvragende organisatie (belangenverstrengeling)."),
            field="beoordelaar",
        )
    if application.assignments.filter(reviewer=reviewer).exists():
        raise ConflictRefused(_("Deze beoordelaar is al toegewezen."), field="beoordelaar")
    return ReviewerAssignment.objects.create(application=application, reviewer=reviewer, assigned_by=by)


@transaction.atomic
def submit_review(application: Application, *, by: Account, scores: dict[int, tuple[int, str]]) -> Review:
    """A reviewer scores every criterion of the call 1–5, each with a motivation; once per application."""
    application = _locked_application(application.pk)
    assignment = application.assignments.filter(reviewer=by).first()
    if assignment is None:
        raise Refused(_("U bent geen beoordelaar van deze aanvraag."))
    if _conflict_of_interest(application, by):
        raise Refused(_("U bent verbonden aan de aanvragende organisatie en kunt deze aanvraag niet beoordelen."))
    if application.status not in REVIEWABLE:
        raise ConflictRefused(_("Deze aanvraag kan nu niet worden beoordeeld."))
    if hasattr(assignment, "review"):
        raise ConflictRefused(_("U heeft deze aanvraag al beoordeeld."))
    criteria = list(application.call.criteria.all())
    errors = []
    for criterion in criteria:
        score, motivation = scores.get(criterion.pk, (None, ""))
        if score not in (1, 2, 3, 4, 5):
            errors.append(_("Geef %(c)s een score van 1 tot en met 5.") % {"c": criterion.name})
        if not (motivation or "").strip():
            errors.append(_("Motiveer de score voor %(c)s.") % {"c": criterion.name})
    if set(scores) - {c.pk for c in criteria}:
        errors.append(_("Beoordeel alleen de criteria van deze oproep."))
    if errors:
        raise Refused(errors)
    review = Review.objects.create(assignment=assignment)
    Score.objects.bulk_create(
        Score(review=review, criterion=c, score=scores[c.pk][0], motivation=scores[c.pk][1].strip()) for c in criteria
    )
    return review


# Money -----------------------------------------------------------------------------------------------------------

PAYABLE = (Status.CONTRACT, Status.UITBETALINGEN)


@transaction.atomic
def add_tranche(
    application: Application, *, by: Account, planned_on: datetime.date, amount: Decimal, requires_report: bool
) -> Tranche:
    """Plan a payment. The tranches of a grant never add up to more than the granted amount: the application's
    row lock serialises parallel requests, the check constraint backs it in the database."""
    _manager(by)
    if amount is None or amount <= 0:
        raise Refused(_("Het bedrag moet groter dan nul zijn."), field="bedrag")
    application = _locked_application(application.pk)
    if application.status not in PAYABLE:
        raise ConflictRefused(_("Tranches worden gepland na het contract, tot de eindrapportage."))
    if application.tranches_total + amount > application.amount_granted:
        raise ConflictRefused(
            _("Er is nog %(left)s te verdelen; deze tranche gaat boven het toegekende bedrag.")
            % {"left": application.amount_granted - application.tranches_total}
        )
    application.tranches_total = application.tranches_total + amount
    application.save(update_fields=["tranches_total"])
    return Tranche.objects.create(
        application=application, planned_on=planned_on, amount=amount, requires_report=requires_report
    )


@transaction.atomic
def pay_tranche(tranche: Tranche, *, by: Account, on: datetime.date | None = None) -> Tranche:
    """Approve a planned tranche for payment; its condition (the previous tranche's approved report) must hold."""
    _manager(by)
    application = _locked_application(tranche.application_id)
    tranche = Tranche.objects.select_for_update().get(pk=tranche.pk)
    if tranche.state != Tranche.State.GEPLAND:
        raise ConflictRefused(_("Deze tranche is al betaald."))
    if application.status not in PAYABLE:
        raise ConflictRefused(_("Betalen kan na het contract, tot de eindrapportage."))
    if tranche.requires_report:
        earlier = application.tranches.filter(planned_on__lte=tranche.planned_on).exclude(pk=tranche.pk)
        previous = earlier.order_by("-planned_on", "-pk").first()
        report = getattr(previous, "report", None) if previous else None
        if report is None or report.state != TrancheReport.State.GOEDGEKEURD:
            raise ConflictRefused(_("Voorwaarde niet vervuld: het verslag van de vorige tranche is niet goedgekeurd."))
    tranche.state = Tranche.State.BETAALD
    tranche.paid_on = on or timezone.localdate()
    tranche.paid_by = by
    tranche.save(update_fields=["state", "paid_on", "paid_by"])
    Fund.objects.filter(pk=application.call.fund_id).update(paid=F("paid") + tranche.amount)
    if application.status == Status.CONTRACT:
        source = application.status
        application.start_payments()
        _record(application, source, by)
    return tranche


@transaction.atomic
def submit_report(tranche: Tranche, *, by: Account, text: str) -> TrancheReport:
    applicant = _applicant(by)
    tranche = Tranche.objects.select_for_update().select_related("application").get(pk=tranche.pk)
    if tranche.application.applicant_id != applicant.pk:
        raise Refused(_("Deze aanvraag is niet van uw organisatie."))
    if tranche.state != Tranche.State.BETAALD:
        raise ConflictRefused(_("Een verslag volgt op een betaalde tranche."))
    if not (text or "").strip():
        raise Refused(_("Schrijf het verslag."), field="text")
    existing = getattr(tranche, "report", None)
    if existing is not None and existing.state != TrancheReport.State.AFGEKEURD:
        raise ConflictRefused(_("Voor deze tranche is al een verslag ingediend."))
    if existing is not None:
        existing.delete()  # a rejected report is replaced by the new one
    return TrancheReport.objects.create(tranche=tranche, text=text.strip(), submitted_by=by)


@transaction.atomic
def decide_report(report: TrancheReport, *, by: Account, approve: bool) -> TrancheReport:
    _manager(by)
    report = TrancheReport.objects.select_for_update().get(pk=report.pk)
    if report.state != TrancheReport.State.INGEDIEND:
        raise ConflictRefused(_("Over dit verslag is al besloten."))
    report.state = TrancheReport.State.GOEDGEKEURD if approve else TrancheReport.State.AFGEKEURD
    report.decided_by, report.decided_at = by, timezone.now()
    report.save(update_fields=["state", "decided_by", "decided_at"])
    return report
