"""Audit trail of the report: every change to a report, chapter or block, and every publication."""

from meent.core.audit import register
from meent.jaarverslag.models import Block, Chapter, Publication, Report

register(Report)
register(Chapter)
register(Block)
register(Publication, exclude_fields=["content"])
