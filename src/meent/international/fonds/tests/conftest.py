import pytest

from meent.core.roles import Role


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"


@pytest.fixture
def staff(make_account):
    return make_account(Role.INTERNATIONAL, username="international-medewerker")


@pytest.fixture
def reviewers(make_account):
    return [make_account(username="beoordelaar-1"), make_account(Role.INTERNATIONAL, username="beoordelaar-2")]
