"""Every endpoint belongs to an API module, so a machine client's module list limits it: an app whose endpoints
no module claims would be open to every key of an account that may read it."""

from django.urls import URLPattern, URLResolver, get_resolver

from meent.api.authentication import MODULES, is_public
from meent.leden.models import ApiModule


def _api_paths(resolver: URLResolver, prefix: str = "") -> list[tuple[str, object]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found += _api_paths(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            view = getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback
            found.append((prefix + str(entry.pattern), view))
    return found


def test_every_endpoint_of_a_module_is_claimed_by_an_api_module():
    api = next(e for e in get_resolver().url_patterns if isinstance(e, URLResolver) and str(e.pattern) == "api/v1/")
    unclaimed = []
    for path, view in _api_paths(api, "api/v1/"):
        name = f"{view.__module__}."
        if name.startswith("meent.api."):
            continue  # the shared documents (OpenAPI)
        if not any(name.startswith(prefix) for prefix in MODULES):
            unclaimed.append(f"{path} ({view.__module__})")
    assert not unclaimed, unclaimed


def test_the_module_map_names_only_known_modules():
    assert set(MODULES.values()) <= set(ApiModule.values)
    assert is_public("/api/v1/openapi.json")
