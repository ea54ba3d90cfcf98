"""Connect: congresses, webinars and Academie trainings, their registrations, evaluations and the trainee programme.

Dutch terms used in this app:

- *evenement* — anything people register for: a *congres*, a *webinar*, a *webinarreeks* (series), a
  *trainingsdag*, a *meerdaagse cursus* or an *oefening* (an exercise, such as a government-wide cyber crisis
  exercise); held *fysiek* (on site), *digitaal* (online) or *hybride* (both).
- *opdrachtgever* — the party that commissions an event (a ministry such as VWS, SZW or JenV, a gemeente…).
- *sessie* — a part of an event's programme (workshop, sub-session, the digital *beursvloer* or exhibition floor)
  with its own capacity.
- *aanmelding* — a registration; its status is *aangemeld* (holds a seat), *wachtlijst* (waiting list),
  *geannuleerd* (cancelled) or *aanwezig* (attended). Registrants confirm their e-mail address (double opt-in)
  and manage their registration through a personal link.
- *verplaatsen* / *annuleren* / *omzetten* — rescheduling, cancelling for good, or converting an event to another
  format; each is kept as a change in the event's history with its reason.
- *evaluatie* — a participant's grades (1–10, the Dutch school scale) overall and per aspect (*inhoud*,
  *sprekers*, *organisatie*).
- *Academie* — the training branch: *leergangen* (courses) with *edities*, either *open* (anyone registers) or
  *maatwerk* (in-company, for one client organisation), each edition taught by *docenten* on training days.
- *trainee* — a young professional employed by Connect in a *cohort*, working on *opdrachten* (assignments) at
  gemeenten or other public bodies.
"""
