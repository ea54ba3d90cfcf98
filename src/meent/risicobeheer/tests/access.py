"""Every page and endpoint of Risicobeheer × persona. The fixtures: a scenario of Amsterdam shared with all
members, a private scenario and the risk register of Utrecht (Amsterdam may see neither: 404), the pool of the
veiligheidsregio's with a contribution and a claim, and a journal article."""

import datetime
from decimal import Decimal

from meent.core.testing import SIGNED_IN, Case

LIBRARY = frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso", "risicobeheer", "bestuur"})
GEMEENTEN = frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso"})
SHARERS = GEMEENTEN | {"risicobeheer"}
RISICOBEHEER = frozenset({"risicobeheer", "bestuur"})
UTRECHT = frozenset({"gemeente-utrecht-iso", "risicobeheer", "bestuur"})
POOL_MANAGER = frozenset({"risicobeheer"})
REDIRECT = (302,)


def fixtures() -> dict:
    from meent.core.roles import Role
    from meent.leden import services as leden
    from meent.leden.models import Organisation
    from meent.risicobeheer import services
    from meent.risicobeheer.models import Article, Scenario
    from meent.risicobeheer.tests.factories import ClaimFactory, RiskFactory, ScenarioFactory, organisation_of

    manager = leden.create_account(
        username="risico-matrix-beheerder",
        password="Een-lang-testwachtwoord-1",
        organisation=leden.create_organisation(name="Vereniging (test)", kind=Organisation.Kind.VERENIGING),
        roles=[Role.RISICOBEHEER],
    )
    public = ScenarioFactory(title="Corona: financiële effecten")
    private = ScenarioFactory(author=organisation_of("GM0344"), visibility=Scenario.Visibility.AUTEUR)
    risk = RiskFactory()
    claim = ClaimFactory()
    services.set_pool_year(
        by=manager, year=2020, base=Decimal("1000.00"), share_total=Decimal("5000.00"), premium=Decimal("100.00")
    )
    article = Article.objects.create(
        title="RPO Journaal", summary="Kort", body="Tekst", author="Redactie", published_on=datetime.date(2020, 6, 1)
    )
    return {
        "risico_public": public,
        "risico_private": private,
        "risico_risk": risk,
        "risico_claim": claim,
        "risico_contribution": claim.member.contributions.get(year=2020),
        "risico_article": article,
    }


def _utrecht(path: str = ""):
    return lambda f: f"/risicobeheer/registers/{f['risico_risk'].register.organisation_id}/{path}"


RISK = {
    "title": "Uitval ICT",
    "theme": "ict",
    "cause": "Storing",
    "effect": "Geen dienstverlening",
    "owner": "CIO",
    "gross_likelihood": "3",
    "gross_impact": "4",
    "net_likelihood": "2",
    "net_impact": "3",
    "review_on": "2030-01-01",
    "status": "open",
}

ACCESS = {
    "risicobeheer:index": Case("/risicobeheer/", LIBRARY),
    "risicobeheer:scenario-list": Case("/risicobeheer/scenarios/", LIBRARY),
    "risicobeheer:scenario-create": Case("/risicobeheer/scenarios/nieuw/", SHARERS),
    "risicobeheer:scenario-detail": Case(lambda f: f"/risicobeheer/scenarios/{f['risico_private'].pk}/", UTRECHT),
    "risicobeheer:scenario-edit": Case(
        lambda f: f"/risicobeheer/scenarios/{f['risico_private'].pk}/bewerken/", UTRECHT
    ),
    "risicobeheer:scenario-reuse": Case(
        lambda f: f"/risicobeheer/scenarios/{f['risico_public'].pk}/hergebruiken/", GEMEENTEN, "post", {}, REDIRECT
    ),
    "risicobeheer:register-list": Case("/risicobeheer/registers/", LIBRARY),
    "risicobeheer:register-detail": Case(_utrecht(), UTRECHT),
    "risicobeheer:register-export": Case(_utrecht("export.xlsx"), UTRECHT),
    "risicobeheer:risk-create": Case(_utrecht("nieuw/"), UTRECHT, "post", RISK, REDIRECT),
    "risicobeheer:risk-detail": Case(lambda f: f"/risicobeheer/risicos/{f['risico_risk'].pk}/", UTRECHT),
    "risicobeheer:risk-edit": Case(lambda f: f"/risicobeheer/risicos/{f['risico_risk'].pk}/bewerken/", UTRECHT),
    "risicobeheer:measure-add": Case(
        lambda f: f"/risicobeheer/risicos/{f['risico_risk'].pk}/maatregelen/",
        UTRECHT,
        "post",
        {"description": "Back-ups testen", "owner": "CIO", "due_on": "2030-01-01"},
        REDIRECT,
    ),
    "risicobeheer:comparison": Case("/risicobeheer/vergelijking/", RISICOBEHEER),
    "risicobeheer:pool": Case("/risicobeheer/pool/", RISICOBEHEER),
    "risicobeheer:pool-year": Case("/risicobeheer/pool/bijdragen/berekenen/", POOL_MANAGER),
    "risicobeheer:contribution-override": Case(
        lambda f: f"/risicobeheer/pool/bijdragen/{f['risico_contribution'].pk}/", POOL_MANAGER
    ),
    "risicobeheer:claim-list": Case("/risicobeheer/pool/schades/", RISICOBEHEER),
    "risicobeheer:claim-detail": Case(lambda f: f"/risicobeheer/pool/schades/{f['risico_claim'].pk}/", RISICOBEHEER),
    "risicobeheer:what-if": Case(
        "/risicobeheer/pool/wat-als/?jaar=2021&base=1000&share_total=5000&premium=0", RISICOBEHEER
    ),
    "risicobeheer:platform": Case("/risicobeheer/platform/", SIGNED_IN),
    "risicobeheer:article": Case(lambda f: f"/risicobeheer/platform/vakblad/{f['risico_article'].pk}/", SIGNED_IN),
    "risicobeheer:figures": Case("/risicobeheer/cijfers/", RISICOBEHEER),
    "api:scenario-list": Case("/api/v1/scenarios", LIBRARY),
    "api:scenario-detail": Case(lambda f: f"/api/v1/scenarios/{f['risico_private'].pk}", UTRECHT),
    "api:risicoregister-risico-list": Case(
        lambda f: f"/api/v1/risicoregisters/{f['risico_risk'].register.organisation_id}/risicos", UTRECHT
    ),
    "api:verzekeringspool": Case("/api/v1/verzekeringspool", RISICOBEHEER),
}
