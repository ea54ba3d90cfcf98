"""Audit-trail registration of Naleving. Answers hold personal data of the people named: the trail records that a
version was stored, not its content."""

from meent.core.audit import register
from meent.naleving.models import Answer, Campaign, Field

register(Campaign)
register(Field)
register(Answer, exclude_fields=["data"])
