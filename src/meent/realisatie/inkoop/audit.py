"""Audit-trail registration: who changed which contract, participation or yearly figure. A gemeente's
participations and figures are visible in the trail only to whoever may see them on the pages."""

from meent.core.audit import register
from meent.realisatie.inkoop import selectors
from meent.realisatie.inkoop.models import Contract, Participation, YearFigure

register(Contract, visible_to=selectors.contracts_for)
register(Participation, visible_to=selectors.participations_for)
register(YearFigure, visible_to=selectors.figures_for)
