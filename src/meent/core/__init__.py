"""Core: what every module shares — the access policy's building blocks, tenancy, the audit trail, the page
layout and the home pages. No domain data lives here.

Modules plug in through the keyed registries in :mod:`meent.core.registry` — figures (``figures.py``), panels on
the home and "Mijn gemeente" pages (``panels.py``) and main-menu entries (``navigation.py``) — which
``CoreConfig.ready()`` fills by autodiscovery; core never imports a module. The mechanics more than one module
needs are here once: :mod:`~meent.core.numbering` (yearly numbers), :mod:`~meent.core.business_hours` (business
hours and SLA deadlines), :mod:`~meent.core.links` (absolute links for mail), :mod:`~meent.core.years` (the
``?jaar=`` parameter) and :mod:`~meent.core.refusals` (the refusals the API and forms show).
"""
