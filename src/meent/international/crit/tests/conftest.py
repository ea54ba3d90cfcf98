import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"
