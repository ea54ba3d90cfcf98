"""The one family of refusals: a service refuses a request as a whole and changes nothing.

A service raises a :class:`Refused` (or a subclass) with one or more Dutch sentences for the user. The API maps
every refusal once, in :mod:`meent.api.problems`, to problem+json with its ``status``; a form turns it into field
errors with :meth:`Refused.add_to` or :meth:`Refused.as_validation_error`; the CLI prints it and exits with 2.
"""

from django import forms
from django.core.exceptions import ValidationError


class Refused(Exception):
    """Nothing was changed. ``errors`` are the reasons, each a sentence for the user; ``field`` names the form
    field or API parameter they belong to, if one does."""

    status = 400
    code = "refused"

    def __init__(self, errors: str | list[str], *, field: str | None = None):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        self.field = field
        super().__init__("; ".join(str(error) for error in self.errors))

    def as_validation_error(self) -> ValidationError:
        return ValidationError([ValidationError(str(error), code=self.code) for error in self.errors])

    def add_to(self, form: forms.BaseForm, field: str | None = None) -> None:
        """Show the reasons on ``field`` (default: the refusal's own field, else above the form)."""
        form.add_error(field or self.field, self.as_validation_error())


class ImportRefused(Refused):
    """An import that saved nothing: imports are all or nothing. The reasons name the offending lines."""

    code = "import_refused"


class ConflictRefused(Refused):
    """The request does not fit the current state of the records (HTTP 409)."""

    status = 409
    code = "conflict"
