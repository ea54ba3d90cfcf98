import os

import pytest


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres_only") and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
