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

register(Incident, m2m_fields={"recipients"})
register(TimelineEntry)
register(Task)
register(Observable)
register(Attachment)
register(CorrelationExclusion)
register(Expert)
register(Activation)
register(Deployment)
register(Advisory)
register(Acknowledgement)
register(Share)
