"""Reads of the incident desk. Every read of incident data goes through a function here that takes the reader:
visibility is decided by :mod:`.visibility`, never by the caller."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext_lazy

from meent.core import business_hours
from meent.leden.models import Account, Visitor
from meent.realisatie.ibd import sla
from meent.realisatie.ibd.models import (
    TLP,
    Acknowledgement,
    Activation,
    Advisory,
    Attachment,
    CorrelationExclusion,
    Deployment,
    Expert,
    Incident,
    Observable,
    Share,
    Status,
    Task,
    TimelineEntry,
    tlp_at_most,
)
from meent.realisatie.ibd.observables import extract
from meent.realisatie.ibd.visibility import incident_q, is_analyst, is_community, is_gemeente_iso, item_q, may_see

# A value shared by more incidents than this is too common to say anything (a webmail domain, a resolver).
CORRELATION_CAP = 10
# The queue warns when a target is this close (in business hours).
WARNING_HOURS = 4.0


def visible_incidents(user: Visitor) -> QuerySet:
    return Incident.unscoped.filter(incident_q(user)).select_related("gemeente", "assignee")


def incident_for(user: Visitor, number: str) -> Incident | None:
    """The incident with ``number`` if ``user`` may see it; ``None`` both when it is hidden and when it does not
    exist, so callers answer the same 404 either way."""
    return visible_incidents(user).filter(number__iexact=number).first()


def own_incidents(user: Visitor) -> QuerySet:
    """A gemeente's own incidents, as far as their markings let this account see them."""
    if user.gemeente is None or user.is_staff_member:
        return Incident.unscoped.none()
    return visible_incidents(user).filter(gemeente=user.gemeente)


def of_gemeente(incidents: QuerySet, code: str) -> QuerySet:
    """Those of ``incidents`` (already limited to what the reader may see) that the gemeente with ``code``
    reported."""
    return incidents.filter(gemeente__code__iexact=code)


@dataclass(frozen=True)
class GemeenteIncidents:
    total: int
    open: int
    latest: list[Incident]


def gemeente_incidents(user, gemeente, *, latest: int = 5) -> GemeenteIncidents:
    """For the gemeente's 360° page: its incidents as far as their markings let ``user`` see them."""
    qs = of_gemeente(visible_incidents(user), gemeente.code)
    counts = qs.aggregate(total=Count("pk"), open=Count("pk", filter=~Q(status=Status.AFGESLOTEN)))
    return GemeenteIncidents(counts["total"], counts["open"], list(qs.order_by("-reported_at", "-pk")[:latest]))


def _next_due():
    return Case(When(first_response_at__isnull=True, then=F("response_due")), default=F("closure_due"))


def queue(
    user: Visitor,
    *,
    status: str | None = None,
    severity: str | None = None,
    category: str | None = None,
    assignee: Account | None = None,
    unassigned: bool = False,
    search: str | None = None,
) -> QuerySet:
    """The analysts' queue: open incidents by default, the one closest to (or furthest past) its next target
    first."""
    if not is_analyst(user):
        return Incident.unscoped.none()
    qs = visible_incidents(user).annotate(next_due=_next_due())
    qs = qs.filter(status=status) if status else qs.exclude(status=Status.AFGESLOTEN)
    if severity:
        qs = qs.filter(severity=severity)
    if category:
        qs = qs.filter(category=category)
    if assignee is not None:
        qs = qs.filter(assignee=assignee)
    if unassigned:
        qs = qs.filter(assignee__isnull=True)
    if search:
        qs = qs.filter(Q(number__icontains=search) | Q(title__icontains=search) | Q(gemeente__name__icontains=search))
    return qs.order_by("next_due", "pk")


FIRST_RESPONSE = gettext_lazy("eerste reactie")
CLOSURE = gettext_lazy("afsluiten")


@dataclass(frozen=True)
class SlaState:
    label: str  # "verlopen", "dreigt", "op schema", "gehaald", "niet gehaald" (a key, shown through _sla.html)
    target: str  # FIRST_RESPONSE or CLOSURE
    due: datetime.datetime
    hours_left: float


def sla_state(incident: Incident, now: datetime.datetime | None = None) -> SlaState:
    now = now or timezone.now()
    if incident.status == Status.AFGESLOTEN:
        broken = sla.breaches(incident, now).any
        return SlaState("niet gehaald" if broken else "gehaald", CLOSURE, incident.closure_due, 0.0)
    target, due = (
        (FIRST_RESPONSE, incident.response_due)
        if incident.first_response_at is None
        else (CLOSURE, incident.closure_due)
    )
    if now > due:
        return SlaState("verlopen", target, due, -business_hours.business_hours_between(due, now))
    left = business_hours.business_hours_between(now, due)
    return SlaState("dreigt" if left <= WARNING_HOURS else "op schema", target, due, left)


def timeline(user: Visitor, incident: Incident) -> QuerySet:
    return (
        TimelineEntry.unscoped.filter(incident=incident)
        .filter(item_q(user))
        .select_related("author")
        .order_by("occurred_at", "pk")
    )


def observables(user: Visitor, incident: Incident) -> QuerySet:
    return Observable.unscoped.filter(incident=incident).filter(item_q(user)).order_by("type", "value")


def attachments(user: Visitor, incident: Incident) -> QuerySet:
    return Attachment.unscoped.filter(incident=incident).filter(item_q(user)).select_related("uploaded_by")


def attachment_for(user: Visitor, incident: Incident, pk: int) -> Attachment | None:
    return attachments(user, incident).filter(pk=pk).first()


def tasks(user: Visitor, incident: Incident) -> QuerySet:
    if not is_analyst(user):
        return Task.unscoped.none()
    return Task.unscoped.filter(incident=incident).select_related("assignee")


def open_tasks_of(user: Visitor) -> QuerySet:
    """An analyst's open tasks, on incidents the analyst still sees, the earliest due first."""
    if not is_analyst(user):
        return Task.unscoped.none()
    return (
        Task.unscoped.filter(assignee=user, done_at__isnull=True, incident__in=visible_incidents(user).values("pk"))
        .select_related("incident")
        .order_by("due_date", "pk")
    )


def suggestions(user: Visitor, incident: Incident) -> list[tuple[str, str]]:
    """Observables recognised in the report, the timeline entries the analyst can see and attachment names,
    that are not recorded yet."""
    if not is_analyst(user):
        return []
    texts = [incident.title, incident.description]
    texts += list(timeline(user, incident).values_list("text", flat=True))
    texts += list(attachments(user, incident).values_list("original_name", flat=True))
    recorded = set(Observable.unscoped.filter(incident=incident).values_list("type", "value"))
    found: list[tuple[str, str]] = []
    for text in texts:
        for item in extract(text):
            if item not in recorded and item not in found:
                found.append(item)
    return found


def offered_suggestions(user: Visitor, incident: Incident, accepted: list[str]) -> list[tuple[str, str]]:
    """Of the suggestions an analyst ticked ("type|value"), only those offered to this reader: a forged value
    (say, from an entry the analyst cannot see) is dropped."""
    offered = set(suggestions(user, incident))
    items = [tuple(a.split("|", 1)) for a in accepted if "|" in a]
    return [i for i in items if i in offered]


@dataclass(frozen=True)
class Correlation:
    observable: Observable
    incidents: list[Incident]
    too_common: bool
    excluded: bool


def correlations(user: Visitor, incident: Incident, items: list[Observable] | None = None) -> list[Correlation]:
    """Where this incident's observables (or the given ones, such as one page of them) occur in other incidents;
    analysts only, and only incidents (and observables) their markings let the analyst see."""
    if not is_analyst(user):
        return []
    excluded = set(CorrelationExclusion.objects.values_list("type", "value"))
    result = []
    for observable in items if items is not None else observables(user, incident):
        if (observable.type, observable.value) in excluded:
            result.append(Correlation(observable, [], too_common=False, excluded=True))
            continue
        others = (
            Observable.unscoped.filter(type=observable.type, value=observable.value)
            .exclude(incident=incident)
            .filter(item_q(user))
            .values("incident_id")
        )
        incidents = list(visible_incidents(user).filter(pk__in=others).order_by("-reported_at")[: CORRELATION_CAP + 1])
        if len(incidents) > CORRELATION_CAP:
            result.append(Correlation(observable, [], too_common=True, excluded=False))
        elif incidents:
            result.append(Correlation(observable, incidents, too_common=False, excluded=False))
    return result


def deployments(user: Visitor, incident: Incident) -> QuerySet:
    """Who comes: the analysts, the gemeente's own security officers and the deployed experts see it."""
    qs = Deployment.objects.filter(activation__incident=incident).select_related("expert__person", "expert__gemeente")
    if is_analyst(user) or (
        is_gemeente_iso(user) and user.gemeente.pk == incident.gemeente_id and may_see(user, incident, incident.tlp)
    ):
        return qs
    return qs.filter(expert__person__account=user)


def experts(*, search: str | None = None) -> QuerySet:
    qs = Expert.objects.select_related("person", "gemeente")
    if search:
        qs = qs.filter(Q(expertise__icontains=search) | Q(person__last_name__icontains=search))
    return qs


def shares(user: Visitor, incident: Incident) -> QuerySet:
    if not is_analyst(user):
        return Share.objects.none()
    return Share.objects.filter(incident=incident).select_related("shared_by")


def export_items(user: Visitor, incident: Incident, max_tlp: str) -> tuple[list[TimelineEntry], list[Observable]]:
    """What an export at ``max_tlp`` may contain: only what the analyst sees and nothing marked above it."""
    allowed = tlp_at_most(max_tlp)
    entries = [e for e in timeline(user, incident) if e.tlp in allowed]
    items = [o for o in observables(user, incident) if o.tlp in allowed]
    return entries, items


# Advisories


def advisory_q(user: Visitor) -> Q:
    if not is_community(user):
        return Q(tlp=TLP.CLEAR) if user.is_authenticated else Q(pk__in=[])
    if is_analyst(user):
        return Q()
    # TLP:RED reaches only its named recipients, not every account of the audience's gemeenten.
    return (
        Q(tlp__in=tlp_at_most(TLP.GREEN))
        | (Q(audience=user.gemeente) & ~Q(tlp=TLP.RED))
        | Q(tlp=TLP.RED, recipients=user)
    )


def advisories(user: Visitor) -> QuerySet:
    return Advisory.objects.filter(pk__in=Advisory.objects.filter(advisory_q(user)).values("pk")).order_by(
        "-published_at"
    )


def advisory_visible_to(user: Visitor, advisory: Advisory) -> bool:
    return advisories(user).filter(pk=advisory.pk).exists()


def advisory_for(user: Visitor, number: str) -> Advisory | None:
    return advisories(user).filter(number__iexact=number).first()


def has_acknowledged(user: Visitor, advisory: Advisory) -> bool:
    return (
        user.gemeente is not None and Acknowledgement.objects.filter(advisory=advisory, gemeente=user.gemeente).exists()
    )


def not_acknowledged(advisory: Advisory) -> QuerySet:
    """The gemeenten that received the advisory and have not confirmed it (for analysts)."""
    from meent.leden.models import Gemeente

    year = timezone.localtime(advisory.published_at).year
    receivers = (
        advisory.audience.all() if advisory.tlp not in tlp_at_most(TLP.GREEN) else Gemeente.objects.in_year(year)
    )
    return receivers.exclude(pk__in=advisory.acknowledgements.values("gemeente_id")).order_by("name")


def acknowledgement_counts(advisory: Advisory) -> dict:
    received = not_acknowledged(advisory).count() + advisory.acknowledgements.count()
    return {"received": received, "acknowledged": advisory.acknowledgements.count()}


# Everything of a kind a reader may see, for the audit trail (``audit.py``): the same rules as the pages.


def visible_items(model):
    """Timeline entries, observables or attachments: both the incident's and the item's marking must allow it."""

    def visible(user: Visitor) -> QuerySet:
        return model.unscoped.filter(item_q(user))

    return visible


def for_analysts(model):
    """Records only the analysts' pages show (the correlation exclusions, the expert pool)."""

    def visible(user: Visitor) -> QuerySet:
        return model.objects.all() if is_analyst(user) else model.objects.none()

    return visible


def visible_tasks(user: Visitor) -> QuerySet:
    if not is_analyst(user):
        return Task.unscoped.none()
    return Task.unscoped.filter(incident__in=visible_incidents(user).values("pk"))


def visible_activations(user: Visitor) -> QuerySet:
    return Activation.objects.filter(incident__in=visible_incidents(user).values("pk"))


def visible_deployments(user: Visitor) -> QuerySet:
    """As :func:`deployments`, over all incidents."""
    incidents = visible_incidents(user)
    qs = Deployment.objects.all()
    if is_analyst(user):
        return qs.filter(activation__incident__in=incidents.values("pk"))
    own = Deployment.objects.none()
    if is_gemeente_iso(user):
        own = qs.filter(activation__incident__in=incidents.filter(gemeente=user.gemeente).values("pk"))
    return own | qs.filter(expert__person__account=user)


def visible_acknowledgements(user: Visitor) -> QuerySet:
    qs = Acknowledgement.objects.filter(advisory__in=advisories(user).values("pk"))
    if is_analyst(user):
        return qs
    return qs.filter(gemeente=user.gemeente) if user.gemeente is not None else qs.none()


def visible_shares(user: Visitor) -> QuerySet:
    if not is_analyst(user):
        return Share.objects.none()
    return Share.objects.filter(incident__in=visible_incidents(user).values("pk"))


def open_counts_for_panel(user: Visitor) -> dict:
    """For the home panel: numbers of the user's own visible incidents only."""
    qs = visible_incidents(user) if is_analyst(user) else own_incidents(user)
    return qs.aggregate(
        open=Count("pk", filter=~Q(status=Status.AFGESLOTEN)), nieuw=Count("pk", filter=Q(status=Status.NIEUW))
    )
