"""Every page and endpoint of Naleving × persona. Campaigns are run by Naleving and read by the board; the answer
page is open to anyone holding a valid link (the signed token is the permission)."""

from meent.core.testing import EVERYONE, Case

BOARD = frozenset({"naleving", "bestuur"})
GEMEENTEN = frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso"})
NALEVING = frozenset({"naleving"})
REDIRECT = (302,)


def _campaign(path: str = ""):
    return lambda f: f"/naleving/campagnes/{f['naleving_campaign'].pk}/{path}"


def _programme(path: str = ""):
    return lambda f: f"/naleving/programmas/{f['naleving_programme'].pk}/{path}"


def fixtures() -> dict:
    from meent.naleving import services
    from meent.naleving.models import Target
    from meent.naleving.tests.factories import DecisionFactory, make_campaign, make_roadmap

    campaign = make_campaign()
    decision = DecisionFactory()
    target = Target.unscoped.filter(campaign=campaign).first()
    return {
        "naleving_campaign": campaign,
        "naleving_token": services.link_token(target),
        "naleving_roadmap": make_roadmap(),
        "naleving_programme": decision.meeting.programme,
        "naleving_meeting": decision.meeting,
        "naleving_decision": decision,
    }


ACCESS = {
    "naleving:campaign-list": Case("/naleving/campagnes/", BOARD),
    "naleving:campaign-create": Case("/naleving/campagnes/nieuw/", NALEVING),
    "naleving:campaign-detail": Case(_campaign(), BOARD),
    "naleving:field-add": Case(_campaign("velden/"), NALEVING, "post", {}, REDIRECT),
    "naleving:roadmap-fields-add": Case(_campaign("routekaart/"), NALEVING, "post", {}, REDIRECT),
    "naleving:campaign-send": Case(_campaign("versturen/"), NALEVING, "post", {}, REDIRECT),
    "naleving:campaign-remind": Case(_campaign("herinneren/"), NALEVING, "post", {}, REDIRECT),
    "naleving:delivery-log": Case(_campaign("verzendlog/"), BOARD),
    "naleving:answers-export": Case(_campaign("antwoorden.csv"), BOARD),
    "naleving:roadmap-list": Case("/naleving/routekaarten/", BOARD | GEMEENTEN),
    "naleving:roadmap-detail": Case(lambda f: f"/naleving/routekaarten/{f['naleving_roadmap'].pk}/", BOARD | GEMEENTEN),
    "naleving:progress-record": Case(
        lambda f: f"/naleving/routekaarten/{f['naleving_roadmap'].pk}/stappen/1/",
        NALEVING | GEMEENTEN,
        "post",
        {"status": "bezig", "gemeente": "GM0363"},
        REDIRECT,
    ),
    "api:campagne-list": Case("/api/v1/campagnes", BOARD),
    "api:campagne-detail": Case(lambda f: f"/api/v1/campagnes/{f['naleving_campaign'].pk}", BOARD),
    "api:routekaart-list": Case("/api/v1/routekaarten", BOARD | GEMEENTEN),
    "api:routekaart-detail": Case(lambda f: f"/api/v1/routekaarten/{f['naleving_roadmap'].pk}", BOARD | GEMEENTEN),
    # The matrix posts form data and the API reads JSON only: past the rule the request is invalid (400);
    # test_api.py records progress with JSON.
    "api:routekaart-voortgang": Case(
        lambda f: f"/api/v1/routekaarten/{f['naleving_roadmap'].pk}/voortgang", NALEVING | GEMEENTEN, "post", {}, (400,)
    ),
    "naleving:global-goals": Case("/naleving/global-goals-gemeenten/", EVERYONE),
    "naleving:global-goals-join": Case("/naleving/global-goals-gemeenten/aanmelden/", NALEVING),
    "api:global-goals-gemeente-list": Case("/api/v1/global-goals-gemeenten", EVERYONE),
    "naleving:programme-list": Case("/naleving/programmas/", BOARD),
    "naleving:programme-create": Case("/naleving/programmas/nieuw/", NALEVING),
    "naleving:programme-detail": Case(_programme(), BOARD),
    "naleving:board-member-add": Case(_programme("leden/nieuw/"), NALEVING),
    "naleving:meeting-add": Case(_programme("bijeenkomsten/nieuw/"), NALEVING),
    "naleving:decision-add": Case(
        lambda f: (
            f"/naleving/programmas/{f['naleving_programme'].pk}/bijeenkomsten/{f['naleving_meeting'].pk}/besluiten/nieuw/"
        ),
        NALEVING,
    ),
    "naleving:decision-status": Case(
        lambda f: f"/naleving/programmas/{f['naleving_programme'].pk}/besluiten/{f['naleving_decision'].pk}/status/",
        NALEVING,
        "post",
        {"status": "afgerond"},
        REDIRECT,
    ),
    "naleving:answer": Case(lambda f: f"/naleving/antwoord/{f['naleving_token']}/", EVERYONE),
}
