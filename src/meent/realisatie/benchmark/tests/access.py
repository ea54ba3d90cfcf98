from meent.core.testing import EVERYONE, Case

REALISATIE = frozenset({"realisatie", "bestuur"})

ACCESS = {
    "benchmark:home": Case("/waarstaatjegemeente/", EVERYONE),
    "benchmark:profile": Case("/waarstaatjegemeente/gemeenten/GM0363/", EVERYONE),
    "benchmark:compare": Case("/waarstaatjegemeente/vergelijken/?gemeenten=GM0363&peergroep=provincie", EVERYONE),
    "benchmark:indicator": Case("/waarstaatjegemeente/indicatoren/toegang/", EVERYONE),
    "benchmark:corona": Case("/waarstaatjegemeente/corona/?gemeente=GM0363", EVERYONE),
    "benchmark:corona-week": Case("/waarstaatjegemeente/corona/week/", EVERYONE),
    "benchmark:sewage": Case("/waarstaatjegemeente/corona/rioolwater/?regio=VR13", EVERYONE),
    "benchmark:imports": Case("/waarstaatjegemeente/imports/", REALISATIE),
    "api:indicator-list": Case("/api/v1/indicatoren", EVERYONE),
    "api:indicator-detail": Case("/api/v1/indicatoren/toegang", EVERYONE),
    "api:waarneming-list": Case("/api/v1/waarnemingen?indicator=toegang", EVERYONE),
    "api:gemeente-profiel": Case("/api/v1/gemeenten/GM0363/profiel", EVERYONE),
}


def fixtures() -> dict:
    """One small indicator, so every page has something to show."""
    from meent.realisatie.benchmark import services

    data = b"indicator,gebied,periode,waarde,naam\ntoegang,GM0363,2020,1,Toegangstest\ntoegang,GM0344,2020,2,\n"
    services.run_import("generiek", data, filename="toegang.csv")
    return {}
