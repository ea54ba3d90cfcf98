"""Audit-trail registration of the grant fund: every write to these records (a transition, a decision, a grant,
a tranche and its payment) is logged with before and after. Reviewers' scores are logged without their text."""

from meent.core.audit import register
from meent.international.fonds.models import (
    Applicant,
    Application,
    Call,
    Document,
    Fund,
    ReviewerAssignment,
    Score,
    StatusChange,
    Tranche,
    TrancheReport,
)

register(Fund)
register(Call, m2m_fields={"areas"})
register(Applicant)
register(Application, m2m_fields={"areas"}, exclude_fields=["activities"])
register(StatusChange)
register(Document, exclude_fields=["file"])
register(ReviewerAssignment)
register(Score, exclude_fields=["motivation"])
register(Tranche)
register(TrancheReport, exclude_fields=["text"])
