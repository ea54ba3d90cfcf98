import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_registration_limit():
    """The registration limit counts per address in the cache; every test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()
