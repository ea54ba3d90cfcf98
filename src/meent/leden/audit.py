from meent.core.audit import register
from meent.leden.models import Account, Gemeente, Membership, Organisation, Person, Population, Succession

register(Gemeente)
register(Succession)
register(Population)
register(Organisation)
register(Person)
register(Membership)
register(Account, exclude_fields=["password", "last_login"])
