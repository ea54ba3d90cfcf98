"""Helpers for the permission-matrix test. Each app lists its URLs in ``<app>/tests/access.py`` as
``ACCESS = {url_name: Case(...)}``; the matrix test fails for any URL in the URL conf that no app lists."""

from dataclasses import dataclass, field

from meent.core.roles import Role

ANONYMOUS = "anoniem"
# Persona → (roles, gemeente code). The two gemeente personas are in different gemeenten.
PERSONAS: dict[str, tuple[tuple[Role, ...], str | None]] = {
    ANONYMOUS: ((), None),
    "gemeente-amsterdam": ((Role.GEMEENTE,), "GM0363"),
    "gemeente-utrecht-iso": ((Role.GEMEENTE, Role.GEMEENTE_ISO), "GM0344"),
    "bestuur": ((Role.BESTUUR,), None),
    "connect": ((Role.CONNECT,), None),
    "naleving": ((Role.NALEVING,), None),
    "realisatie": ((Role.REALISATIE,), None),
    "ibd-analist": ((Role.IBD_ANALIST,), None),
    "risicobeheer": ((Role.RISICOBEHEER,), None),
    "international": ((Role.INTERNATIONAL,), None),
}
EVERYONE = frozenset(PERSONAS)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset({"bestuur", "connect", "naleving", "realisatie", "ibd-analist", "risicobeheer", "international"})


@dataclass(frozen=True)
class Case:
    """``url`` (a callable taking the fixtures dict, or a string) may be opened by exactly ``allowed``."""

    url: object
    allowed: frozenset[str]
    method: str = "get"
    data: dict = field(default_factory=dict)
    # Some pages are reached with a status other than 200 when allowed (a redirect after a POST, 201…).
    allowed_status: tuple[int, ...] = (200,)

    def resolve_url(self, fixtures: dict) -> str:
        return self.url(fixtures) if callable(self.url) else str(self.url)
