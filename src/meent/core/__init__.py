"""Core: what every module shares — the access policy's building blocks, tenancy, the audit trail, the page
layout and the home pages. No domain data lives here."""
