"""OpenAPI post-processing: every operation documents its problem+json errors."""

from rest_framework.request import Request

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "code": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
    "required": ["type", "title", "status"],
}

ERRORS = {
    "400": "Ongeldige aanvraag",
    "401": "Niet aangemeld",
    "403": "Geen toegang",
    "404": "Niet gevonden",
    "406": "Formaat niet beschikbaar",
    "415": "Formaat niet ondersteund",
    "500": "Serverfout",
}


def add_problem_responses(result: dict, generator, request: Request | None, public) -> dict:
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    ref = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                if status == "415" and method in {"get", "delete"}:
                    continue
                responses.setdefault(status, {"description": description, "content": ref})
    return result


# OpenAPI links: which later operations take their parameters from a response, so that a client (and stateful
# testing) can follow them. operationId → status → link name → (target operationId, parameters).
LINKS = {
    "evenementen_aanmeldingen_create": {
        "201": {
            "EigenAanmelding": (
                "evenementen_aanmeldingen_retrieve",
                {"id": "$request.path.id", "token": "$response.body#/token"},
            ),
            "Afmelden": (
                "evenementen_aanmeldingen_destroy",
                {"id": "$request.path.id", "token": "$response.body#/token"},
            ),
        }
    }
}


def add_links(result: dict, generator, request: Request | None, public) -> dict:
    operations = {
        operation["operationId"]: operation
        for path_item in result.get("paths", {}).values()
        for method, operation in path_item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }
    for source, by_status in LINKS.items():
        if source not in operations:
            continue
        for status, links in by_status.items():
            response = operations[source]["responses"].get(status)
            if response is None:
                continue
            response["links"] = {
                name: {"operationId": target, "parameters": parameters}
                for name, (target, parameters) in links.items()
                if target in operations
            }
    return result
