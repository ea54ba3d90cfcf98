"""Writes of the helpdesk. Every rule lives here; views, API and demo call these functions."""

import datetime
import re
from collections.abc import Iterable

from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meent.core.links import absolute_reverse
from meent.core.refusals import ConflictRefused, Refused
from meent.international.crit import sla
from meent.international.crit.models import (
    Assignment,
    Attachment,
    Availability,
    Expert,
    Message,
    Question,
    Status,
    Topic,
)
from meent.international.crit.tasks import mail_in
from meent.leden.models import Account, Organisation, Person

VERIFY_SALT = "crit.verify"
RATE_SALT = "crit.satisfaction"
VERIFY_DAYS = 7
RATE_DAYS = 60
MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# Extension → (content type, magic-byte prefix): what partners send are documents and photos.
ALLOWED_ATTACHMENTS: dict[str, tuple[str, bytes]] = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
}
OPEN_STATUSES = (Status.OPEN, Status.ASSIGNED, Status.ANSWERED)


def verify_token(question: Question) -> str:
    return signing.dumps(question.pk, salt=VERIFY_SALT)


def rate_token(question: Question) -> str:
    return signing.dumps(question.pk, salt=RATE_SALT)


def _question_from(token: str, salt: str, days: int) -> Question:
    try:
        pk = signing.loads(token, salt=salt, max_age=datetime.timedelta(days=days))
        return Question.objects.get(pk=pk)
    except (signing.BadSignature, Question.DoesNotExist, TypeError, ValueError):
        raise Refused(_("Deze link is ongeldig of verlopen.")) from None


def check_attachment(upload: UploadedFile) -> tuple[str, str]:
    """The upload's (extension, content type), or a refusal: only listed types, at most 5 MB, real content."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_ATTACHMENTS:
        raise Refused(
            _("Dit bestandstype is niet toegestaan. Toegestaan: %(types)s.")
            % {"types": ", ".join(ALLOWED_ATTACHMENTS)},
            field="attachments",
        )
    if not upload.size:
        raise Refused(_("Het bestand is leeg."), field="attachments")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise Refused(_("Een bijlage mag hoogstens 5 MB zijn."), field="attachments")
    content_type, magic = ALLOWED_ATTACHMENTS[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(magic):
        raise Refused(
            _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension},
            field="attachments",
        )
    return extension, content_type


def _store_attachments(question: Question, uploads: Iterable[UploadedFile]) -> None:
    uploads = list(uploads)
    if len(uploads) > MAX_ATTACHMENTS:
        raise Refused(_("Hoogstens %(n)d bijlagen.") % {"n": MAX_ATTACHMENTS}, field="attachments")
    checked = [(upload, check_attachment(upload)) for upload in uploads]  # all checked before one is stored
    for upload, (_ext, content_type) in checked:
        attachment = Attachment(
            question=question,
            original_name=(upload.name or "bijlage")[-200:],
            content_type=content_type,
            size=upload.size,
        )
        attachment.file.save("bijlage", upload, save=False)
        attachment.save()


def _receive(question: Question, at: datetime.datetime) -> None:
    question.received_at = at
    question.first_answer_due = sla.first_answer_due(question.urgency, at)
    question.status = Status.OPEN


@transaction.atomic
def submit_question(
    *, attachments: Iterable[UploadedFile] = (), at: datetime.datetime | None = None, **data
) -> Question:
    """A partner's question from the public form. It counts once the address is confirmed via the mailed link."""
    question = Question(**data, created_at=at or timezone.now(), status=Status.UNVERIFIED)
    question.full_clean(exclude=["partner", "received_at"])
    question.save()
    _store_attachments(question, attachments)
    link = absolute_reverse("crit:question-verify", verify_token(question))
    mail_in(
        question.language,
        question.contact_email,
        gettext_lazy("Bevestig uw vraag aan de CriT-helpdesk"),
        gettext_lazy(
            "U stelde de CriT-helpdesk van VNG International een vraag: %(subject)s.\n\n"
            "Bevestig uw e-mailadres met deze link (%(days)d dagen geldig):\n%(link)s\n\n"
            "Heeft u geen vraag gesteld? Dan kunt u dit bericht negeren."
        ),
        subject=question.subject,
        days=VERIFY_DAYS,
        link=link,
    )
    return question


@transaction.atomic
def verify_question(token: str, *, at: datetime.datetime | None = None) -> Question:
    """Confirms the asker's address; a second click changes nothing."""
    question = _question_from(token, VERIFY_SALT, VERIFY_DAYS)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Status.UNVERIFIED:
        _receive(question, at or timezone.now())
        question.save()
    return question


@transaction.atomic
def register_question(
    *, by: Account, partner: Organisation, attachments: Iterable[UploadedFile] = (), at=None, **data
) -> Question:
    """Staff register a question on behalf of a partner organisation from the registry; no confirmation needed."""
    if partner.kind == Organisation.Kind.GEMEENTE and partner.country == "NL":
        raise Refused(_("Kies een partnerorganisatie in het buitenland."), field="partner")
    at = at or timezone.now()
    question = Question(**data, partner=partner, partner_name=partner.name, created_at=at, created_by=by)
    _receive(question, at)
    question.full_clean()
    question.save()
    _store_attachments(question, attachments)
    return question


@transaction.atomic
def add_expert(
    *,
    person: Person,
    expertise: list[str],
    languages: list[str],
    account: Account | None = None,
    gemeente=None,
    former_role: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Expert:
    unknown = set(expertise) - set(Topic.values)
    if unknown or not expertise:
        raise Refused(_("Kies een of meer thema's uit de lijst."), field="expertise")
    if not languages:
        raise Refused(_("Kies een of meer talen."), field="languages")
    if Expert.objects.filter(person=person).exists():
        raise ConflictRefused(_("Deze persoon zit al in de pool."), field="person")
    if account is not None and Expert.objects.filter(account=account).exists():
        raise ConflictRefused(_("Dit account hoort al bij een andere expert."), field="account")
    expert = Expert.objects.create(
        person=person,
        account=account,
        gemeente=gemeente,
        former_role=former_role,
        expertise=sorted(set(expertise)),
        languages=sorted(set(languages)),
    )
    if starts_on and ends_on:
        add_availability(expert, starts_on=starts_on, ends_on=ends_on)
    return expert


def add_availability(expert: Expert, *, starts_on: datetime.date, ends_on: datetime.date) -> Availability:
    if ends_on < starts_on:
        raise Refused(_("De einddatum ligt vóór de begindatum."), field="ends_on")
    return Availability.objects.create(expert=expert, starts_on=starts_on, ends_on=ends_on)


def _check_open(question: Question) -> None:
    if question.status == Status.UNVERIFIED:
        raise ConflictRefused(_("Het e-mailadres van deze vraag is nog niet bevestigd."))
    if question.status == Status.CLOSED:
        raise ConflictRefused(_("Deze vraag is gesloten."))


@transaction.atomic
def assign(question: Question, *, experts: Iterable[Expert], by: Account, at=None) -> list[Assignment]:
    _check_open(question)
    experts = list(experts)
    if not experts:
        raise Refused(_("Kies een of meer experts."), field="experts")
    if any(not expert.active for expert in experts):
        raise Refused(_("Een expert die niet meer actief is, kan geen vragen krijgen."), field="experts")
    at = at or timezone.now()
    made = []
    for expert in experts:
        assignment, created = Assignment.objects.get_or_create(
            question=question, expert=expert, defaults={"assigned_by": by, "assigned_at": at}
        )
        if created:
            made.append(assignment)
            if expert.account and expert.account.email:
                mail_in(
                    "nl",
                    expert.account.email,
                    gettext_lazy("CriT-vraag %(ref)s voor u"),
                    gettext_lazy("U bent gevraagd te antwoorden op %(ref)s: %(subject)s.\n\n%(link)s"),
                    ref=question.reference,
                    subject=question.subject,
                    link=absolute_reverse("crit:question-detail", question.pk),
                )
    if question.status == Status.OPEN:
        question.status = Status.ASSIGNED
        question.save(update_fields=["status"])
    return made


def expert_of(question: Question, user: Account) -> Expert | None:
    """The user's expert record when the user is assigned to the question."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Expert.objects.filter(account=user, assignments__question=question).first()


@transaction.atomic
def post_message(question: Question, *, by: Account, text: str, at=None) -> Message:
    """An assigned expert's answer (the first one stops the clock and is mailed to the partner) or a staff note."""
    _check_open(question)
    text = text.strip()
    if not text:
        raise Refused(_("Schrijf een bericht."), field="text")
    at = at or timezone.now()
    expert = expert_of(question, by)
    if expert is not None:
        message = Message.objects.create(
            question=question, kind=Message.Kind.EXPERT, author=by, expert=expert, text=text, created_at=at
        )
        if question.first_answer_at is None:
            question.first_answer_at = at
        question.status = Status.ANSWERED
        question.save(update_fields=["first_answer_at", "status"])
        mail_in(
            question.language,
            question.contact_email,
            gettext_lazy("Antwoord op uw vraag aan de CriT-helpdesk"),
            gettext_lazy("Een expert van de CriT-helpdesk antwoordt op uw vraag “%(subject)s”:\n\n%(text)s"),
            subject=question.subject,
            text=text,
        )
        return message
    if not by.has_perm("crit.manage"):
        raise Refused(_("Alleen toegewezen experts en medewerkers International schrijven in deze vraag."))
    return Message.objects.create(question=question, kind=Message.Kind.STAFF, author=by, text=text, created_at=at)


@transaction.atomic
def record_partner_message(question: Question, *, text: str, at=None) -> Message:
    """What the partner wrote back by mail, entered by staff into the log (as the partner's words)."""
    _check_open(question)
    if not text.strip():
        raise Refused(_("Schrijf een bericht."), field="text")
    return Message.objects.create(
        question=question, kind=Message.Kind.PARTNER, text=text.strip(), created_at=at or timezone.now()
    )


@transaction.atomic
def close(question: Question, *, by: Account, at=None) -> Question:
    _check_open(question)
    question.status = Status.CLOSED
    question.closed_at = at or timezone.now()
    question.save(update_fields=["status", "closed_at"])
    mail_in(
        question.language,
        question.contact_email,
        gettext_lazy("Hoe tevreden bent u over de CriT-helpdesk?"),
        gettext_lazy(
            "Uw vraag “%(subject)s” is afgesloten. Wilt u met één klik een cijfer van 1 tot 5 geven?\n\n%(link)s"
        ),
        subject=question.subject,
        link=absolute_reverse("crit:question-rate", rate_token(question)),
    )
    return question


@transaction.atomic
def rate(token: str, *, score: int) -> Question:
    """The partner's satisfaction with a closed question, through the mailed link; a new score replaces the old."""
    question = _question_from(token, RATE_SALT, RATE_DAYS)
    if question.status != Status.CLOSED:
        raise ConflictRefused(_("Deze vraag is nog niet gesloten."))
    if score not in range(1, 6):
        raise Refused(_("Kies een cijfer van 1 tot 5."), field="score")
    question.satisfaction = score
    question.save(update_fields=["satisfaction"])
    return question


def names_in(question: Question) -> list[str]:
    """Every name the summary must not contain: the asker, the organisation, the experts and staff who wrote."""
    names = {question.contact_name, question.partner_name, question.contact_email}
    names |= {part for part in question.contact_name.split() if len(part) > 2}  # "Amara" alone, not "de"
    for expert in Expert.objects.filter(assignments__question=question).select_related("person"):
        names |= {str(expert.person), expert.person.first_name, expert.person.last_name}
    for message in question.messages.select_related("author"):
        if message.author:
            names |= {message.author.get_full_name(), message.author.first_name, message.author.last_name}
    return sorted((n for n in names if n and len(n) > 2), key=len, reverse=True)  # longest first: full before part


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def strip_names(question: Question, text: str) -> str:
    text = EMAIL.sub("[e-mailadres]", text)
    for name in names_in(question):
        text = re.sub(rf"\b{re.escape(name)}\b", "[naam]", text, flags=re.IGNORECASE)
    return text


@transaction.atomic
def share_summary(question: Question, *, by: Account, text: str, at=None) -> Question:
    """Shares an exchange with the sounding board. Names are stripped again here, whatever the editor left in."""
    if question.status == Status.UNVERIFIED:
        raise ConflictRefused(_("Het e-mailadres van deze vraag is nog niet bevestigd."))
    text = strip_names(question, text).strip()
    if not text:
        raise Refused(_("Schrijf een samenvatting."), field="text")
    question.summary = text
    question.summary_shared_at = at or timezone.now()
    question.save(update_fields=["summary", "summary_shared_at"])
    return question
