"""Audit-trail registration of the portfolio's writes (projects, their money and status history, staff)."""

from meent.core.audit import register
from meent.international.portfolio.models import (
    Contribution,
    Employment,
    Funding,
    Programme,
    Project,
    ProjectCountry,
    ProjectYear,
    StaffAssignment,
    StatusChange,
)

for model in (Programme, ProjectCountry, Funding, ProjectYear, Contribution, Employment, StaffAssignment, StatusChange):
    register(model)
register(Project, m2m_fields={"themes"})
