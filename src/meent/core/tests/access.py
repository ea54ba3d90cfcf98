from meent.core.testing import EVERYONE, Case

ACCESS = {
    "core:home": Case("/", EVERYONE),
    "core:mijn-gemeente": Case("/mijn-gemeente/", frozenset({"gemeente-amsterdam", "gemeente-utrecht-iso"})),
    "core:auditlog": Case("/beheer/audittrail/", frozenset({"bestuur"})),
    "health": Case("/health", EVERYONE),
    "api:schema": Case("/api/v1/openapi.json", EVERYONE),
    "api-docs": Case("/api/v1/docs", EVERYONE),
}
