import pytest

from meent.core.roles import Role


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"


@pytest.fixture
def people(make_account) -> dict:
    """One account per kind of reader the confidentiality rules distinguish."""
    return {
        "analyst": make_account(Role.IBD_ANALIST, username="analist"),
        "analyst2": make_account(Role.IBD_ANALIST, username="analist2"),
        "utrecht_iso": make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344", username="utrecht-iso"),
        "utrecht_iso2": make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344", username="utrecht-iso2"),
        "utrecht_staff": make_account(Role.GEMEENTE, gemeente="GM0344", username="utrecht-medewerker"),
        "amsterdam": make_account(Role.GEMEENTE, gemeente="GM0363", username="amsterdam"),
        "amsterdam_iso": make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0363", username="amsterdam-iso"),
        "connect": make_account(Role.CONNECT, username="connect"),
        "bestuur": make_account(Role.BESTUUR, username="bestuur"),
    }
