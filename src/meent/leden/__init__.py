"""Leden: the members registry every module refers to.

Dutch terms used in this app:

- *gemeente* — a municipality; identified by its CBS code (``GM0363``). Gemeenten merge, split and absorb
  each other on 1 January (*herindeling*); the registry keeps every gemeente that existed since 2020 with its
  validity (*geldig van / geldig tot*) and its successors, so each year's division can be rebuilt.
- *openbaar lichaam* — Bonaire, Sint Eustatius and Saba, the Caribbean public bodies that are members too.
- *provincie* — one of the twelve provinces.
- *veiligheidsregio* — one of the 25 safety regions; every gemeente belongs to exactly one.
- *inwoners* — inhabitants on 1 January of a year (CBS).
"""
