"""Permissions of the incident desk. Object rules take the incident (or advisory) and defer to
:mod:`.visibility`, so a page can never show an incident its marking hides."""

import rules

from meent.leden.models import Visitor
from meent.realisatie.ibd import visibility


@rules.predicate
def is_analyst(user: Visitor) -> bool:
    return visibility.is_analyst(user)


@rules.predicate
def is_gemeente_iso(user: Visitor) -> bool:
    return visibility.is_gemeente_iso(user)


@rules.predicate
def is_community(user: Visitor) -> bool:
    return visibility.is_community(user)


@rules.predicate
def can_see_incident(user: Visitor, incident) -> bool:
    if incident is None:
        return False
    return visibility.can_see_incident(user, incident)


@rules.predicate
def is_iso_of_incident_gemeente(user: Visitor, incident) -> bool:
    return incident is not None and visibility.is_gemeente_iso(user) and user.gemeente.pk == incident.gemeente_id


@rules.predicate
def can_see_advisory(user: Visitor, advisory) -> bool:
    from meent.realisatie.ibd.selectors import advisory_visible_to

    return advisory is not None and advisory_visible_to(user, advisory)


@rules.predicate
def is_bestuur(user: Visitor) -> bool:
    from meent.core.access import is_bestuur as core_is_bestuur

    return core_is_bestuur(user)


@rules.predicate
def is_signed_in(user: Visitor) -> bool:
    return visibility.is_signed_in(user)


# Pages without an object
rules.add_perm("ibd.read_incidents", is_signed_in)  # the incident itself is then looked up by visibility
rules.add_perm("ibd.view_incident_list", is_community)
rules.add_perm("ibd.report_incident", is_gemeente_iso)
rules.add_perm("ibd.view_queue", is_analyst)
rules.add_perm("ibd.manage_experts", is_analyst)
rules.add_perm("ibd.manage_exclusions", is_analyst)
rules.add_perm("ibd.publish_advisory", is_analyst)
rules.add_perm("ibd.view_advisory_list", is_community)
rules.add_perm("ibd.view_figures", is_analyst | is_bestuur)
rules.add_perm("ibd.import_observables", is_analyst)

# Rules on one incident
rules.add_perm("ibd.view_incident", can_see_incident)
rules.add_perm("ibd.add_entry", can_see_incident & (is_analyst | is_iso_of_incident_gemeente))
rules.add_perm("ibd.add_attachment", can_see_incident & (is_analyst | is_iso_of_incident_gemeente))
rules.add_perm("ibd.work_incident", can_see_incident & is_analyst)  # triage, status, tasks, observables, network
rules.add_perm("ibd.manage_recipients", can_see_incident & (is_analyst | is_iso_of_incident_gemeente))
rules.add_perm("ibd.view_correlations", can_see_incident & is_analyst)
rules.add_perm("ibd.export_incident", can_see_incident & is_analyst)

# Advisories
rules.add_perm("ibd.view_advisory", can_see_advisory)
rules.add_perm("ibd.acknowledge_advisory", can_see_advisory & is_gemeente_iso)
rules.add_perm("ibd.view_acknowledgements", is_analyst)
