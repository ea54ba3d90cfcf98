"""International: the grant fund (subsidiefonds) the association manages for a donor.

A **fonds** (fund) of a donor (a World Bank fund for local development in Ethiopia) has a budget in one currency
and a period. It opens **oproepen** (calls for proposals) with weighted **criteria**, eligible **gebieden** (areas:
regions and their municipalities — *woreda's* in Ethiopia — from a small reference list per country), a maximum
amount and a deadline. An NGO registers an **aanvrager** (applicant organisation) with a verified e-mail address and
its own account, drafts an **aanvraag** (application) and submits it before the deadline.

Screening is one state machine (:class:`models.Status`, transitions on :class:`models.Application`): ontvangen
(received) → ontvankelijk / niet ontvankelijk (admissible or not) → screening → training (the NGO is trained) →
beoordeeld (reviewed: enough **beoordelingen**, each criterion scored 1–5 with a motivation, by reviewers with a
**beoordelaarstoewijzing**, possibly external) → toegekend / afgewezen (granted / rejected, with a motivation) →
contract → uitbetalingen (payments in **tranches**) → eindrapportage (final report) → afgesloten (closed).

Money: a grant's tranches never add up to more than the granted amount and a fund's grants never to more than its
budget: counters on the fund and the application carry database check constraints, and every write that moves
them takes the row lock first (``select_for_update``), so parallel approvals cannot overspend.
"""
