"""Naleving: coordinated work of the association with all gemeenten.

- A *campagne* (campaign) asks every gemeente of a target group one question with typed fields, for instance
  "noem uw coördinator noodopvang" (emergency childcare) in March 2020. Each gemeente gets a personal, signed link
  by e-mail (no account needed), bound to that gemeente and campaign and expiring at the deadline plus a grace
  period. Every *antwoord* (answer) is kept as a version; the latest counts. An answer with a name and e-mail makes
  that person hold the campaign's role at the gemeente in the registry (``meent.leden``), with its period.
- The *dekking* (coverage) is the share of target gemeenten that answered, over time: the curve shows how many
  gemeenten had answered how many hours after sending. *Herinneringen* (reminders) go to the missing ones.
- A *routekaart* (roadmap) is an ordered set of steps; each gemeente records its *voortgang* (progress) per step,
  on the roadmap's page or by answering a campaign that asks it (one choice field per step).
- A *programma* (programme) such as "Bescherming arbeidsmigranten" has a *klankbordgroep* (sounding board) of
  *bestuurders* (administrators: wethouders, burgemeesters) from several gemeenten, *bijeenkomsten* (meetings) with
  agenda and *verslag* (minutes), and *besluiten* (decisions) with their status.
- *Global Goals-gemeenten*: gemeenten committed to the UN Sustainable Development Goals, with the date they joined;
  after a *herindeling* (merger) the successor carries the membership from the original date.
"""
