"""Audit-trail registration of the incident desk."""

from meent.core.audit import register
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

# The audit trail is read by the board, who may not read incident content: changes are logged (who, when,
# which fields, markings, status), the confidential text itself is not copied into the trail.
register(Incident, m2m_fields={"recipients"}, exclude_fields=["title", "description", "closing_summary"])
register(TimelineEntry, exclude_fields=["text"])
register(Task, exclude_fields=["title"])
register(Observable, exclude_fields=["value"])
register(Attachment, exclude_fields=["original_name", "file", "sha256"])
register(CorrelationExclusion)
register(Expert)
register(Activation)
register(Deployment)
register(Advisory)
register(Acknowledgement)
register(Share)
