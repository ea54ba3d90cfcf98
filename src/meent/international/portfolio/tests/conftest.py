import pytest


@pytest.fixture
def demo(db):
    from meent.core.demo import load_accounts
    from meent.international.portfolio.demo import load_demo

    load_accounts()
    load_demo()
