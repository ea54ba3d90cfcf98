"""Every page and endpoint of the portfolio × persona: International staff and the board read it, only
International staff change a status, and the published project pages and IATI files are public."""

from meent.core.testing import EVERYONE, Case

READERS = frozenset({"international", "bestuur"})
WRITERS = frozenset({"international"})
REDIRECT = (302,)


def fixtures() -> dict:
    import datetime

    from meent.international.portfolio import services
    from meent.international.portfolio.models import Office, Programme, Status
    from meent.international.portfolio.tests.factories import make_project
    from meent.leden.services import create_organisation

    ministry = create_organisation(name="Ministerie van Buitenlandse Zaken (matrix)", kind="ministerie")
    office = Office.objects.create(name="Matrixkantoor", kind=Office.Kind.HEAD, city="Den Haag", country="NL")
    programme = Programme.objects.create(
        code="matrix-programma",
        name="Matrixprogramma",
        name_en="Matrix programme",
        funder=ministry,
        office=office,
        signed_on=datetime.date(2019, 1, 1),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
        budget_eur=1000,
    )
    project = make_project("matrix-project", programme=programme)
    services.change_status(
        project, to_status=Status.ACTIVE, date=datetime.date(2020, 1, 1), reason="start", explanation="Begonnen."
    )
    services.record_year(project, 2020, budget_eur=100, realised_eur=90)
    return {"portfolio_project": project, "portfolio_programme": programme}


def _project(path: str = ""):
    return lambda f: f"/international/projecten/{f['portfolio_project'].pk}/{path}"


ACCESS = {
    "portfolio:project-list": Case("/international/", READERS),
    "portfolio:project-detail": Case(_project(), READERS),
    "portfolio:project-status": Case(_project("status/"), WRITERS),
    "portfolio:programme-list": Case("/international/programmas/", READERS),
    "portfolio:programme-detail": Case(lambda f: f"/international/programmas/{f['portfolio_programme'].pk}/", READERS),
    "portfolio:portfolio": Case("/international/portfolio/?jaar=2020", READERS),
    "portfolio:portfolio-export": Case("/international/portfolio/status.xlsx?jaar=2020", READERS),
    "portfolio:map": Case("/international/kaart/", READERS),
    "portfolio:iati-status": Case("/international/iati/", READERS),
    "portfolio:iati-activities": Case("/international/iati/activities.xml", EVERYONE),
    "portfolio:iati-organisation": Case("/international/iati/organisation.xml", EVERYONE),
    "portfolio:public-list": Case("/international/wereldwijd/", EVERYONE),
    "portfolio:public-detail": Case("/international/wereldwijd/matrix-project/", EVERYONE),
    "api:iati-activiteiten": Case("/api/v1/iati/activiteiten", EVERYONE),
    "api:iati-organisatie": Case("/api/v1/iati/organisatie", EVERYONE),
    "api:programma-list": Case("/api/v1/programmas", READERS),
    "api:programma-detail": Case(lambda f: f"/api/v1/programmas/{f['portfolio_programme'].pk}", READERS),
    "api:project-list": Case("/api/v1/projecten", READERS),
    "api:project-detail": Case(lambda f: f"/api/v1/projecten/{f['portfolio_project'].pk}", READERS),
    "api:project-statushistorie-list": Case(
        lambda f: f"/api/v1/projecten/{f['portfolio_project'].pk}/statushistorie", READERS
    ),
}
