"""Audit-trail registration of Risicobeheer, with the visibility of each record: the trail shows an entry in full
only to a reader who may see its record (the history of a risk is its register's keepers' to read)."""

from meent.core.audit import register
from meent.risicobeheer import selectors
from meent.risicobeheer.models import Claim, Contribution, Measure, Payment, PoolYear, Risk, Scenario

register(Scenario, m2m_fields={"tags"}, visible_to=selectors.visible_scenarios)
register(
    Risk,
    exclude_fields=["reminded_for"],
    visible_to=lambda user: Risk.unscoped.filter(register__in=selectors.registers_for(user)),
)
register(Measure, visible_to=lambda user: Measure.unscoped.filter(risk__register__in=selectors.registers_for(user)))
register(PoolYear)
register(Contribution)
register(Claim)
register(Payment)
