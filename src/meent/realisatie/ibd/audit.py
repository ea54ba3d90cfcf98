"""Audit-trail registration of the incident desk, with the visibility of each record (``visible_to``): the audit
trail shows an entry in full only to a reader who may see its record under the same rules as the pages."""

from meent.core.audit import register
from meent.realisatie.ibd import selectors
from meent.realisatie.ibd.models import (
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
    Task,
    TimelineEntry,
)

# The confidential text itself is not copied into the trail either (changes name fields, markings, status).
register(
    Incident,
    m2m_fields={"recipients"},
    exclude_fields=["title", "description", "closing_summary"],
    visible_to=selectors.visible_incidents,
)
register(TimelineEntry, exclude_fields=["text"], visible_to=selectors.visible_items(TimelineEntry))
register(Task, exclude_fields=["title"], visible_to=selectors.visible_tasks)
register(Observable, exclude_fields=["value"], visible_to=selectors.visible_items(Observable))
register(
    Attachment,
    exclude_fields=["original_name", "file", "sha256"],
    visible_to=selectors.visible_items(Attachment),
)
register(CorrelationExclusion, visible_to=selectors.for_analysts(CorrelationExclusion))
register(Expert, visible_to=selectors.for_analysts(Expert))
register(Activation, visible_to=selectors.visible_activations)
register(Deployment, visible_to=selectors.visible_deployments)
register(Advisory, m2m_fields={"audience", "recipients"}, visible_to=selectors.advisories)
register(Acknowledgement, visible_to=selectors.visible_acknowledgements)
register(Share, visible_to=selectors.visible_shares)
