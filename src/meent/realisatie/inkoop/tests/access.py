"""Every page and endpoint of joint procurement × persona. The fixture contract has Amsterdam as its only
participant: Amsterdam and Realisatie (and the board) open it; Utrecht does not learn it exists (404)."""

from meent.core.testing import Case

STAFF = frozenset({"realisatie", "bestuur"})
READERS = STAFF | {"gemeente-amsterdam", "gemeente-utrecht-iso"}
AMSTERDAM = STAFF | {"gemeente-amsterdam"}


def fixtures() -> dict:
    from meent.realisatie.inkoop.tests.factories import YearFigureFactory

    figure = YearFigureFactory()
    return {"inkoop_contract": figure.participation.contract}


def _contract(prefix: str):
    return lambda f: f"{prefix}{f['inkoop_contract'].number}"


ACCESS = {
    "inkoop:contract-list": Case("/inkoop/", READERS),
    "inkoop:contract-detail": Case(lambda f: _contract("/inkoop/contracten/")(f) + "/", AMSTERDAM),
    "inkoop:contract-create": Case("/inkoop/contracten/nieuw/", STAFF),
    "inkoop:import": Case("/inkoop/importeren/", STAFF),
    "inkoop:export": Case("/inkoop/export.xlsx", READERS),
    "api:contract-list": Case("/api/v1/contracten", READERS),
    "api:contract-detail": Case(_contract("/api/v1/contracten/"), AMSTERDAM),
}
