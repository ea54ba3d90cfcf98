"""Audit-trail registration of the helpdesk. The question texts themselves stay out of the trail."""

from meent.core.audit import register
from meent.international.crit.models import Assignment, Attachment, Availability, Expert, Message, Question

register(Question, exclude_fields=["text", "summary"])
register(Assignment)
register(Message, exclude_fields=["text"])
register(Attachment, exclude_fields=["file"])
register(Expert)
register(Availability)
