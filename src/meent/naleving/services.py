"""Writes of Naleving: campaigns, sending, answers through the signed link (and the roadmap progress they
record), reminders."""

import datetime
import smtplib

from django.core import signing
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core.refusals import ConflictRefused, Refused
from meent.core.tasks import enqueue_on_commit
from meent.leden import services as leden
from meent.leden.models import Account, Gemeente, Membership, Person
from meent.naleving import roadmaps
from meent.naleving.models import Answer, Campaign, Delivery, Field, Progress, Roadmap, Target

LINK_SALT = "meent.naleving.antwoordlink"
# A reminder within this window of the previous one is not sent again: a second click reminds nobody twice.
REMINDER_INTERVAL = datetime.timedelta(hours=12)


class LinkRefused(Refused):
    """A personal link that was changed or has expired; ``expired`` tells the page which of the two."""

    status = 403
    code = "link_refused"

    def __init__(self, errors: str, *, expired: bool = False):
        super().__init__(errors)
        self.expired = expired


# Campaigns -----------------------------------------------------------------------------------------------------


def target_gemeenten(campaign: Campaign, chosen: list[Gemeente] | None = None):
    """The gemeenten of the target group on the campaign's division (herindelingen take effect on 1 January)."""
    qs = Gemeente.objects.in_year(campaign.division_year).municipalities()
    match campaign.target_kind:
        case Campaign.TargetKind.PROVINCE:
            qs = qs.filter(province=campaign.province)
        case Campaign.TargetKind.VEILIGHEIDSREGIO:
            qs = qs.filter(veiligheidsregio=campaign.veiligheidsregio)
        case Campaign.TargetKind.LIST:
            qs = qs.filter(pk__in=[g.pk for g in chosen or []])
    return qs.order_by("name")


def _check_campaign(campaign: Campaign, chosen: list[Gemeente] | None) -> None:
    errors = []
    if campaign.target_kind == Campaign.TargetKind.PROVINCE and campaign.province_id is None:
        errors.append(_("Kies de provincie."))
    if campaign.target_kind == Campaign.TargetKind.VEILIGHEIDSREGIO and campaign.veiligheidsregio_id is None:
        errors.append(_("Kies de veiligheidsregio."))
    if campaign.target_kind == Campaign.TargetKind.LIST and not chosen:
        errors.append(_("Kies ten minste één gemeente."))
    if campaign.answer_role and not campaign.answer_role_label:
        errors.append(_("Geef de rol een naam, zoals 'coördinator noodopvang'."))
    if errors:
        raise Refused(errors)
    if not target_gemeenten(campaign, chosen).exists():
        raise Refused(_("De doelgroep bevat geen gemeenten in de indeling van dat jaar."))


@transaction.atomic
def create_campaign(campaign: Campaign, *, by: Account | None, gemeenten: list[Gemeente] | None = None) -> Campaign:
    """Save a new (unsent) campaign and fix its target gemeenten now, so the list cannot shift before sending."""
    _check_campaign(campaign, gemeenten)
    campaign.created_by = by
    campaign.save()
    Target.unscoped.bulk_create(Target(campaign=campaign, gemeente=g) for g in target_gemeenten(campaign, gemeenten))
    return campaign


def add_field(field: Field) -> Field:
    if field.campaign.sent_at is not None:
        raise ConflictRefused(_("De campagne is al verstuurd: de vraag ligt vast."))
    if Field.objects.filter(campaign=field.campaign, key=field.key).exists():
        raise Refused(_("Deze sleutel bestaat al in deze campagne."), field="key")
    if field.kind == Field.Kind.CHOICE and not field.choice_list:
        raise Refused(_("Een keuzeveld heeft ten minste één keuze nodig."), field="choices")
    field.save()
    return field


@transaction.atomic
def add_roadmap_fields(campaign: Campaign, roadmap: Roadmap) -> list[Field]:
    """Ask the gemeenten their progress on the roadmap: one choice field per step (niet gestart, bezig, gereed),
    after the fields the campaign has; each answer records that progress (see :func:`submit_answer`). The campaign
    row is locked, as sending locks it: no field is added to a question that is being sent."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.sent_at is not None:
        raise ConflictRefused(_("De campagne is al verstuurd: de vraag ligt vast."))
    if roadmap.division_year != campaign.division_year:
        raise Refused(
            _(
                "Deze routekaart volgt de indeling van %(roadmap)s en de campagne die van %(campaign)s: "
                "kies een routekaart van dezelfde indeling."
            )
            % {"roadmap": roadmap.division_year, "campaign": campaign.division_year},
            field="roadmap",
        )
    steps = list(roadmap.steps.all())
    if not steps:
        raise Refused(_("Deze routekaart heeft nog geen stappen."), field="roadmap")
    if campaign.fields.filter(step__roadmap=roadmap).exists():
        raise Refused(_("De campagne vraagt de stappen van deze routekaart al."), field="roadmap")
    keys = {step.pk: f"routekaart-{roadmap.pk}-stap-{step.number}" for step in steps}
    if campaign.fields.filter(key__in=keys.values()).exists():
        raise Refused(_("Deze sleutel bestaat al in deze campagne."), field="roadmap")
    after = campaign.fields.aggregate(m=Max("order"))["m"]
    start = 0 if after is None else after + 1
    # Labels are stored like the fields staff type: in Dutch, naming the roadmap (an export has one column each).
    fields = [
        Field(
            campaign=campaign,
            step=step,
            key=keys[step.pk],
            label=f"{roadmap.title} – stap {step.number}: {step.title}"[:200],
            kind=Field.Kind.CHOICE,
            required=True,
            choices="\n".join(Progress.Status.values),
            order=start + index,
        )
        for index, step in enumerate(steps)
    ]
    return Field.objects.bulk_create(fields)


# Recipients and links ------------------------------------------------------------------------------------------


def recipients_for(gemeente: Gemeente, role: str) -> list[tuple[str, bool]]:
    """Addresses from the registry: the current holders of ``role`` at the gemeente, else its contact persons;
    ``[]`` when it has neither (the caller then uses the campaign's fallback address)."""
    today = timezone.localdate()
    current = Membership.unscoped.filter(organisation__gemeente=gemeente).exclude(person__email="")
    current = current.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    for wanted in (role, Membership.Role.CONTACTPERSOON):
        emails = sorted({m.person.email.lower() for m in current.filter(role=wanted).select_related("person")})
        if emails:
            return [(email, False) for email in emails]
    return []


def link_token(target: Target) -> str:
    """A signed token naming the campaign, the gemeente and the moment it expires: changing any of them breaks
    the signature, so a link answers for exactly one gemeente in one campaign."""
    expires = int(target.campaign.links_expire_at.timestamp())
    return signing.dumps({"c": target.campaign_id, "g": target.gemeente.code, "e": expires}, salt=LINK_SALT)


def target_for_token(token: str, *, now: datetime.datetime | None = None) -> Target:
    try:
        payload = signing.loads(token, salt=LINK_SALT)
        campaign_id, code, expires = int(payload["c"]), str(payload["g"]), int(payload["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise LinkRefused(_("Deze link is gewijzigd of onvolledig.")) from exc
    target = (
        Target.unscoped.select_related("campaign", "gemeente")
        .filter(campaign_id=campaign_id, gemeente__code=code)
        .first()
    )
    if target is None:
        raise LinkRefused(_("Deze link is gewijzigd of onvolledig."))
    now = now or timezone.now()
    if now.timestamp() > expires or now > target.campaign.links_expire_at:
        raise LinkRefused(_("Deze link is verlopen."), expired=True)
    return target


def record_opened(target: Target) -> None:
    if target.opened_at is None:
        Target.unscoped.filter(pk=target.pk, opened_at__isnull=True).update(opened_at=timezone.now())


# Sending -------------------------------------------------------------------------------------------------------


def _queue(targets: list[Target], campaign: Campaign, kind: str, now: datetime.datetime) -> int:
    deliveries = []
    for target in targets:
        addresses = recipients_for(target.gemeente, campaign.recipient_role) or [(campaign.fallback_email, True)]
        deliveries += [
            Delivery(target=target, kind=kind, email=email, is_fallback=fallback, queued_at=now)
            for email, fallback in addresses
        ]
    from meent.naleving import tasks

    for delivery in Delivery.unscoped.bulk_create(deliveries):
        enqueue_on_commit(tasks.deliver, delivery.pk)
    return len(deliveries)


@transaction.atomic
def send_campaign(campaign: Campaign, *, by: Account | None, now: datetime.datetime | None = None) -> int:
    """Mail every target gemeente its personal link (after commit, through the task worker); sending twice
    sends nothing the second time. Returns the number of mails queued."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.sent_at is not None:
        raise ConflictRefused(_("Deze campagne is al verstuurd."))
    if not campaign.fields.exists():
        raise Refused(_("Geef de vraag eerst ten minste één veld."))
    now = now or timezone.now()
    if campaign.deadline <= now:
        raise Refused(_("Het uiterste antwoordmoment is al voorbij."), field="deadline")
    campaign.sent_at = now
    campaign.save(update_fields=["sent_at"])
    targets = list(Target.unscoped.filter(campaign=campaign).select_related("gemeente"))
    return _queue(targets, campaign, Delivery.Kind.INVITATION, now)


@transaction.atomic
def send_reminders(campaign: Campaign, *, by: Account | None, now: datetime.datetime | None = None) -> int:
    """Remind the gemeenten without an answer. The campaign row is locked, and a gemeente reminded within
    :data:`REMINDER_INTERVAL` is skipped: two clicks (or two staff members at once) remind each gemeente once."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.sent_at is None:
        raise ConflictRefused(_("De campagne is nog niet verstuurd."))
    now = now or timezone.now()
    if now > campaign.links_expire_at:
        raise ConflictRefused(_("De links van deze campagne zijn verlopen."))
    due = list(
        Target.unscoped.filter(campaign=campaign, first_answer_at__isnull=True)
        .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=now - REMINDER_INTERVAL))
        .select_related("gemeente")
    )
    if not due:
        return 0
    for target in due:
        target.reminders += 1
        target.last_reminded_at = now
    Target.unscoped.bulk_update(due, ["reminders", "last_reminded_at"])
    _queue(due, campaign, Delivery.Kind.REMINDER, now)
    return len(due)


def mark_delivery(delivery_id: int, *, status: str, error: str = "") -> None:
    values = {"status": status, "error": error[:300]}
    if status == Delivery.Status.SENT:
        values["sent_at"] = timezone.now()
    Delivery.unscoped.filter(pk=delivery_id).update(**values)


def bounced(error: smtplib.SMTPException) -> bool:
    return isinstance(error, smtplib.SMTPRecipientsRefused)


# Answers -------------------------------------------------------------------------------------------------------


def clean_answer(campaign: Campaign, data: dict) -> dict:
    from meent.naleving.forms import answer_form_class, as_json

    form = answer_form_class(campaign)(data)
    if not form.is_valid():
        raise Refused([f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items() if k in form.fields])
    return as_json(form.cleaned_data)


@transaction.atomic
def submit_answer(target: Target, data: dict, *, now: datetime.datetime | None = None) -> Answer:
    """Store a new version of the gemeente's answer. The target row is locked, so two answers at the same moment
    both get their own version number; the later one is the answer, the earlier stays in the history."""
    data = clean_answer(target.campaign, data)
    now = now or timezone.now()
    target = Target.unscoped.select_for_update().select_related("campaign", "gemeente").get(pk=target.pk)
    if now > target.campaign.links_expire_at:
        raise LinkRefused(_("Deze link is verlopen."), expired=True)
    versions = Answer.unscoped.filter(target=target)  # the link's visitor has no tenant scope: the token is its key
    previous = versions.order_by("-version").first()
    version = (versions.aggregate(m=Max("version"))["m"] or 0) + 1
    answer = Answer.unscoped.create(target=target, version=version, data=data, submitted_at=now)
    target.first_answer_at = target.first_answer_at or now
    target.last_answer_at = now
    target.save(update_fields=["first_answer_at", "last_answer_at"])
    membership = _role_from_answer(target, data, now.date(), previous.membership if previous else None)
    if membership is not None:
        answer.membership = membership
        answer.save(update_fields=["membership"])
    _progress_from_answer(target, data, timezone.localdate(now))
    return answer


def _progress_from_answer(target: Target, data: dict, day: datetime.date) -> None:
    """Each answered roadmap step becomes the gemeente's progress on it, dated on the answer's day; a later
    version that changes a status records it again. A status the gemeente already has keeps its date and note:
    the date says when the gemeente got there, and the trend per quarter counts from it."""
    fields = [f for f in target.campaign.fields.select_related("step") if f.step_id is not None and data.get(f.key)]
    if not fields:
        return
    current = dict(
        Progress.unscoped.filter(gemeente=target.gemeente, step__in=[f.step_id for f in fields]).values_list(
            "step_id", "status"
        )
    )
    for field in fields:
        if current.get(field.step_id) != data[field.key]:
            roadmaps.record_progress(
                field.step,
                target.gemeente,
                status=data[field.key],
                by=None,  # the signed link is the permission, for its own gemeente only
                date=day,
                note=f"Via campagne {target.campaign.title}",  # stored in Dutch, like every record
            )


def _role_from_answer(
    target: Target, data: dict, start: datetime.date, previous: Membership | None
) -> Membership | None:
    """The person named in the answer holds the campaign's role at the gemeente; a different person in a later
    answer ends the previous holder's role (which stays in the registry as history)."""
    campaign = target.campaign
    if not campaign.answer_role:
        return None
    purposes = {f.purpose: f.key for f in campaign.fields.all() if f.purpose}
    name = str(data.get(purposes.get(Field.Purpose.NAME, ""), "")).strip()
    email = str(data.get(purposes.get(Field.Purpose.EMAIL, ""), "")).strip().lower()
    if not name or not email:
        return None
    first, _sep, last = name.rpartition(" ")
    first, last = (first, last) if first else ("", last)
    phone = str(data.get(purposes.get(Field.Purpose.PHONE, ""), ""))
    person = Person.objects.filter(email__iexact=email).order_by("pk").first()
    if person is None:
        person = Person.objects.create(first_name=first, last_name=last, email=email, phone=phone)
    elif phone and person.phone != phone:
        person.phone = phone
        person.save(update_fields=["phone"])
    organisation = leden.ensure_gemeente_organisation(target.gemeente)
    return leden.hold_role(
        person=person, organisation=organisation, role=campaign.answer_role, start=start, ends=previous
    )
