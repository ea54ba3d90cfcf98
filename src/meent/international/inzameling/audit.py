from meent.core.audit import register
from meent.international.inzameling.models import Campaign, Pledge

register(Campaign)
register(Pledge)
