"""Gezamenlijke inkoop: the contracts Realisatie buys on behalf of many gemeenten, and what they save.

Realisatie tenders once for many gemeenten (telephony, printers, licences…), on the GIBIT purchasing terms. Each
participating gemeente records per year what it would have paid on its own (the baseline) and what it pays under
the contract; the difference is the saving. Savings are always computed from those yearly records, never typed
in: per year, per gemeente, per category and over the contract's term.

Dutch terms used in this app:

- *gezamenlijke inkoop* — joint procurement; *contract* — one framework agreement with one supplier
  (*leverancier*), numbered ``INK-2020-0001``, with a term (*looptijd*, in years) and optional extensions
  (*verlengingen*, in years).
- *GIBIT* — Gemeentelijke Inkoopvoorwaarden bij IT, the purchasing terms of the contract (a version per year).
- *deelnemer / deelname* — a gemeente taking part in a contract, from a start date (*vanaf*) and possibly until an
  end date (*tot*, the last day).
- *jaarcijfer* — one participant's figures for one year: *basiskosten* (the baseline: the cost without the joint
  contract) and *contractkosten* (the cost under it). *Besparing* = basiskosten − contractkosten.
- *herindeling* — a merger of gemeenten: the participation of a gemeente that ceases passes to its successor
  (*opvolger*), with the figures of the years from the merger on (:func:`services.carry_over_successions`).
"""
