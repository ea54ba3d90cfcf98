"""Who sees what: the TLP 2.0 marking itself decides, for incidents and for everything attached to them.

==============  =============================================================================================
CLEAR           everyone signed in
GREEN           the community: every gemeente account, and the IBD analysts
AMBER           the reporting gemeente's security officers (ISO role), the IBD analysts, named recipients,
                and response-network experts while they are deployed on the incident
AMBER+STRICT    named recipients who belong to the reporting gemeente, and the IBD analysts
RED             named recipients only (the reporter names at least one analyst, see ``services``)
==============  =============================================================================================

A timeline entry, observable or attachment is visible only when both the incident's marking and its own marking
allow it, so an entry is never more visible than its own TLP. The association's board (*bestuur*) and the other
companies' staff are not part of the community: they see TLP:CLEAR only, and the board reads the anonymous
figures of :mod:`.figures`. The same rules exist twice — as a ``Q`` for lists and as a function for one object —
and ``tests/test_visibility.py`` checks they agree for every marking and persona.
"""

from django.db.models import Q
from django.utils import timezone

from meent.core.roles import Role
from meent.leden.models import Visitor
from meent.realisatie.ibd.models import TLP, TLP_ORDER, Deployment, Incident

NOTHING = Q(pk__in=[])


def is_signed_in(user: Visitor) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_analyst(user: Visitor) -> bool:
    return is_signed_in(user) and user.has_role(Role.IBD_ANALIST)


def is_community(user: Visitor) -> bool:
    return is_analyst(user) or (is_signed_in(user) and user.gemeente is not None and not user.is_staff_member)


def is_gemeente_iso(user: Visitor) -> bool:
    return (
        is_signed_in(user)
        and user.gemeente is not None
        and not user.is_staff_member
        and user.has_role(Role.GEMEENTE_ISO)
    )


def stricter(a: str, b: str) -> str:
    return a if TLP_ORDER.index(TLP(a)) >= TLP_ORDER.index(TLP(b)) else b


def _named_incident_ids(user):
    return Incident.recipients.through.objects.filter(account_id=user.pk).values("incident_id")


def _deployed_incident_ids(user, at=None):
    at = at or timezone.now()
    return Deployment.objects.filter(expert__person__account=user, starts_at__lte=at, ends_at__gte=at).values(
        "activation__incident_id"
    )


def _marking_q(user, tlp_field: str, incident_id: str, gemeente_field: str) -> Q:
    """Objects whose marking in ``tlp_field`` lets ``user`` see them, judged against their incident."""
    if not is_signed_in(user):
        return NOTHING
    named = Q(**{f"{incident_id}__in": _named_incident_ids(user)})
    own = Q(**{gemeente_field: user.gemeente.pk}) if user.gemeente is not None and not user.is_staff_member else NOTHING
    deployed = Q(**{f"{incident_id}__in": _deployed_incident_ids(user)})
    analyst = is_analyst(user)
    q = Q(**{tlp_field: TLP.CLEAR})
    if is_community(user):
        q |= Q(**{tlp_field: TLP.GREEN})
    amber = named | deployed
    if analyst:
        amber = Q()
    elif is_gemeente_iso(user):
        amber |= own
    q |= Q(**{tlp_field: TLP.AMBER}) & amber
    q |= Q(**{tlp_field: TLP.AMBER_STRICT}) & (Q() if analyst else named & own)
    q |= Q(**{tlp_field: TLP.RED}) & named
    return q


def incident_q(user: Visitor) -> Q:
    """The incidents ``user`` may see (for ``Incident`` querysets)."""
    return _marking_q(user, "tlp", "pk", "gemeente_id")


def item_q(user: Visitor) -> Q:
    """Timeline entries, observables and attachments ``user`` may see (both markings must allow it)."""
    return _marking_q(user, "incident__tlp", "incident_id", "incident__gemeente_id") & _marking_q(
        user, "tlp", "incident_id", "incident__gemeente_id"
    )


def is_deployed_on(user: Visitor, incident: Incident, at=None) -> bool:
    if not is_signed_in(user):
        return False
    at = at or timezone.now()
    return Deployment.objects.filter(
        activation__incident=incident, expert__person__account=user, starts_at__lte=at, ends_at__gte=at
    ).exists()


def may_see(user: Visitor, incident: Incident, tlp: str) -> bool:
    """Whether ``user`` may see something of ``incident`` marked ``tlp`` (the incident's own marking included)."""
    if not is_signed_in(user):
        return False
    marking = TLP(stricter(incident.tlp, tlp))
    if marking == TLP.CLEAR:
        return True
    if marking == TLP.GREEN:
        return is_community(user)
    named = incident.recipients.filter(pk=user.pk).exists()
    own = user.gemeente is not None and not user.is_staff_member and user.gemeente.pk == incident.gemeente_id
    if marking == TLP.AMBER:
        return is_analyst(user) or named or (own and is_gemeente_iso(user)) or is_deployed_on(user, incident)
    if marking == TLP.AMBER_STRICT:
        return is_analyst(user) or (named and own)
    return named


def can_see_incident(user: Visitor, incident: Incident) -> bool:
    return may_see(user, incident, incident.tlp)
