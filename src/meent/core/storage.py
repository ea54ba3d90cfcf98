"""Private files (evidence, application documents, attachments to questions): stored under
``MEENT_PRIVATE_MEDIA``, outside the web root, without a URL, so only a view that checks access serves them."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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
