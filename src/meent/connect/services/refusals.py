"""Refusals of Connect's writes: each carries a Dutch message fit for the user."""

from meent.core.refusals import ImportRefused, Refused

__all__ = ["AlreadyRegistered", "ChangeRefused", "ImportRefused", "RegistrationClosed", "RegistrationRefused"]


class RegistrationRefused(Refused):
    """A registration that cannot be taken; the message is Dutch and fit for the user."""


class RegistrationClosed(RegistrationRefused):
    pass


class AlreadyRegistered(RegistrationRefused):
    pass


class ChangeRefused(Refused):
    """An organiser's change that does not fit the event's state."""
