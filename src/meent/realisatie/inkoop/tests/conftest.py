import pytest

from meent.core.roles import Role


@pytest.fixture
def people(make_account) -> dict:
    return {
        "realisatie": make_account(Role.REALISATIE, username="inkoper"),
        "amsterdam": make_account(Role.GEMEENTE, gemeente="GM0363", username="amsterdam-inkoop"),
        "utrecht": make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344", username="utrecht-inkoop"),
        "connect": make_account(Role.CONNECT, username="connect-inkoop"),
    }
