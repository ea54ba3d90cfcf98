"""Risicobeheer: the association's risk-management company.

It runs the Risico Platform Overheden (a professional community of gemeenten and partners, with meetings, trainings
and an online journal), a shared library of scenarios that gemeenten exchange so that no gemeente has to reinvent
them (in 2020: the corona scenarios), the risk registers of gemeenten, veiligheidsregio's and the association, and
an insurance pool in which the 25 veiligheidsregio's carry the accident risk of the fire services together.

Dutch terms used in this app:

- *scenario* — a worked-out picture of a possible future (assumptions, variables with a value per variant, e.g.
  "mild", "midden", "zwaar"), shared in the *scenariobibliotheek*; *hergebruiken*: copying one into one's own
  register as a risk that links back to the original.
- *zichtbaarheid* — who sees a scenario: all members (*alle leden*), only veiligheidsregio's, only the author.
- *risicoregister* — an organisation's list of risks (*risico's*): cause (*oorzaak*), effect (*gevolg*), owner
  (*eigenaar*), likelihood (*kans*) and impact (*impact*) on 1–5, *bruto* (before measures) and *netto* (after);
  *beheersmaatregel*: a measure; *herbeoordeling*: the date the risk is to be looked at again.
- *verzekeringspool* — the pool of the veiligheidsregio's: *deelnemers* (members), yearly *bijdragen*
  (contributions: a base plus a share by inhabitants), *schades* (claims) with a *reserve* and *betalingen*,
  the *herverzekeringspremie* (reinsurance premium for the insurable part) and the *schadelast* (loss ratio:
  payments ÷ contributions).
- *Risico Platform Overheden* — the community; *vakblad*: its online journal.
"""
