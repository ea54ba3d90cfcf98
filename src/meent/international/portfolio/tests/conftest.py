import pytest


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # The accounts of these tests need no strong hashing; it is most of their run time otherwise.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    from meent.core.demo import load_accounts
    from meent.international.portfolio.demo import load_demo

    load_accounts()
    load_demo()
