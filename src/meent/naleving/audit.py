"""Audit-trail registration of Naleving. Answers hold personal data of the people named: the trail records that a
version was stored, not its content."""

from meent.core.audit import register
from meent.naleving.models import Answer, BoardMember, Campaign, Decision, Field, GlobalGoalsMember, Meeting, Programme

register(Campaign)
register(Field)
register(Answer, exclude_fields=["data"])
register(GlobalGoalsMember)
register(Programme)
register(BoardMember)
register(Meeting)
register(Decision)
