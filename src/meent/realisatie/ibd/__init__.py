"""IBD: the incident desk of the Informatiebeveiligingsdienst voor gemeenten.

Gemeenten report security incidents; IBD analysts triage and handle them, call in the gemeentelijk
responsnetwerk, publish advisories and liaise with the national CERT (NCSC). This is the most confidential data
of the platform: the TLP marking of each record itself decides who sees it (see :mod:`.visibility`).

Dutch terms used in this app:

- *incident* — a report of a gemeente, numbered per year (``IBD-2020-0042``).
- *hulpvraag / coördinatievraag / ondersteuningsvraag / melding zonder vraag* — what the gemeente asks of the
  IBD: help, coordination between parties, support, or only a notification.
- *tijdlijn* — the incident's timeline of notes, actions and contacts, each entry with its own TLP.
- *observable* — a technical indicator (IP address, domain, URL, e-mail address, file hash, CVE).
- *ernst* — severity set by the analyst at triage; it drives the service levels (*servicenormen*): a target
  for the first response and for closure in business hours (*kantooruren*, Dutch public holidays excluded).
- *opgeschaald* — escalated (for example to the NCSC or the response network).
- *responsnetwerk* — the gemeentelijk responsnetwerk: experts of other gemeenten who assist on site
  (*inzet*: a deployment of one expert — who, where, when, hours).
- *beveiligingsadvies* — a security advisory published by the IBD; gemeenten acknowledge (*bevestigen*) it.
- *TLP / PAP* — Traffic Light Protocol 2.0 (who may see it) and Permissible Actions Protocol (what a recipient
  may do with it).
- *ISO / CISO* — a gemeente's (chief) information security officer; their accounts carry
  ``Role.GEMEENTE_ISO``.
"""
