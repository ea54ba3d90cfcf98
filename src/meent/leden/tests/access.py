from meent.core.testing import EVERYONE, STAFF, Case

ACCESS = {
    "leden:gemeente-list": Case("/gemeenten/", EVERYONE),
    "leden:gemeente-detail": Case("/gemeenten/GM0363/", EVERYONE),
    "leden:organisation-list": Case("/organisaties/", STAFF),
    "leden:organisation-detail": Case(lambda f: f"/organisaties/{f['organisation'].pk}/", STAFF),
    "api:gemeente-list": Case("/api/v1/gemeenten", EVERYONE),
    "api:gemeente-detail": Case("/api/v1/gemeenten/GM0363", EVERYONE),
    "api:organisatie-list": Case("/api/v1/organisaties", STAFF),
    "api:organisatie-detail": Case(lambda f: f"/api/v1/organisaties/{f['organisation'].pk}", STAFF),
}
