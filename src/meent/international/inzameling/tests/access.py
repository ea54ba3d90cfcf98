"""Every page and endpoint of the crowdfunding × persona. The campaign pages and the API are public like the
campaign itself; every staff member of the association may give; International (and the board) run campaigns."""

from meent.core.testing import EVERYONE, STAFF, Case

MANAGERS = frozenset({"international", "bestuur"})
REDIRECT = (302,)


def fixtures() -> dict:
    import datetime

    from django.utils import timezone

    from meent.core.roles import Role
    from meent.international.inzameling import services
    from meent.leden import services as leden
    from meent.leden.models import Organisation

    organiser = leden.create_account(
        username="inzameling-matrix",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind=Organisation.Kind.VERENIGING),
        roles=[Role.INTERNATIONAL],
    )
    today = timezone.localdate()
    campaign = services.create_campaign(
        by=organiser,
        title="Matrixinzameling",
        purpose="Steun",
        beneficiaries="Collega's",
        target="1000",
        starts_on=today - datetime.timedelta(days=5),
        ends_on=today + datetime.timedelta(days=5),
    )
    pledge = services.pledge(campaign, by=organiser, amount="25")
    return {"inzameling_campaign": campaign, "inzameling_pledge": pledge}


def _campaign(path: str = ""):
    return lambda f: f"/inzameling/{f['inzameling_campaign'].pk}/{path}"


ACCESS = {
    "inzameling:campaign-list": Case("/inzameling/", EVERYONE),
    "inzameling:campaign-create": Case("/inzameling/nieuw/", MANAGERS),
    "inzameling:campaign-detail": Case(_campaign(), EVERYONE),
    "inzameling:pledge": Case(_campaign("geven/"), STAFF, "post", {"amount": "10", "message": "Sterkte"}, REDIRECT),
    "inzameling:pledge-list": Case(_campaign("giften/"), MANAGERS),
    "inzameling:pledge-confirm": Case(
        lambda f: _campaign(f"giften/{f['inzameling_pledge'].pk}/bevestigen/")(f), MANAGERS, "post", {}, REDIRECT
    ),
    "api:inzameling-list": Case("/api/v1/inzamelingen", EVERYONE),
    "api:inzameling-detail": Case(lambda f: f"/api/v1/inzamelingen/{f['inzameling_campaign'].pk}", EVERYONE),
}
