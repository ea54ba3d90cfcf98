from meent.core.testing import EVERYONE, SIGNED_IN, STAFF, Case

ACCESS = {
    "core:home": Case("/", EVERYONE),
    "core:mijn-gemeente": Case("/mijn-gemeente/", frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso"})),
    # Staff see any gemeente's page; a gemeente account only its own (GM0363 is Amsterdam's).
    "core:gemeente-360": Case("/gemeenten/GM0363/360/", STAFF | {"gemeente-amsterdam"}),
    "core:auditlog": Case("/beheer/audittrail/", frozenset({"bestuur"})),
    "health": Case("/health", EVERYONE),
    "second-factor-disable": Case("/account/two_factor/disable/", SIGNED_IN),
    "api:schema": Case("/api/v1/openapi.json", EVERYONE),
    "api-docs": Case("/api/v1/docs", EVERYONE),
}
