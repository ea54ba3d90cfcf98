"""A private file leaves only as a sandboxed, uncached download."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from meent.core.storage import private_download, private_storage


def test_a_private_file_is_downloaded_uncached_and_sandboxed(settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path
    storage = private_storage()
    name = storage.save("test/bewijs", ContentFile(b"<svg onload=alert(1)>"))
    assert storage.base_url is None and (tmp_path / name).exists()
    stored = SimpleNamespace(file=storage.open(name), original_name="bewijs.svg", content_type="image/svg+xml")
    stored.file.open = lambda mode: storage.open(name, mode)
    response = private_download(stored)
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"<svg onload=alert(1)>"
