"""Private files (evidence, application documents, attachments to questions): stored under
``MEENT_PRIVATE_MEDIA``, outside the web root, without a URL, so only a view that checks access serves them."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


class PrivateMediaStorage(FileSystemStorage):
    """The location is read from the settings on every use (tests point it elsewhere)."""

    @property
    def base_location(self):
        return settings.MEENT_PRIVATE_MEDIA

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None


def private_storage() -> PrivateMediaStorage:
    """For ``FileField(storage=private_storage)``: a callable, so migrations name it instead of a path."""
    return PrivateMediaStorage()


def private_download(stored) -> FileResponse:
    """A private file as a download, after the view has checked access: never cached, and sandboxed so that a
    file that is really HTML or SVG cannot run in the platform's origin. ``stored`` has ``file``,
    ``original_name`` and ``content_type``."""
    response = FileResponse(
        stored.file.open("rb"), as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
