"""Shared API plumbing for ``/api/v1`` following the Dutch API Design Rules: problem+json errors (RFC 9457),
the ``API-Version`` header, pagination and the rule-based permission every endpoint must name."""
