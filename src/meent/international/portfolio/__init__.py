"""International — programma's en projecten (the portfolio of VNG International).

A **programma** (programme) is a funder's envelope — a period, a budget, themes and countries — that holds
**projecten** (projects). A project runs in one or more countries (ISO 3166, with percentages for IATI), on
**thema's** (themes, mapped to OECD-DAC sector codes), is paid for by **donoren** (donors: organisations from the
members registry, each with a contracted amount in its own currency, the contract's rate and the amount in euro),
has a budget and realised spending (**realisatie**, the company's turnover) per year, **partners** abroad, Dutch
gemeenten whose officials contribute days (**inzet**), staff assigned with FTE, and activities delivered on site,
remotely or hybrid ("distant delivery").

Every project has a **statushistorie**: in voorbereiding → actief → opgeschort → hervat / gestopt → afgerond.
Each change records its date, reason (a coup — *staatsgreep* —, the evacuation of international staff, the
security situation …) and explanation; the history is only appended to, never edited (``services.change_status``).

**Kantoren** (offices): the head office in The Hague, the regional office in Tunis (CILG) and field offices; staff
are employed at an office from a start date to an end date, so a year's headcount and FTE (on 31 December) is
computed, never typed in.

Published projects are public — their pages (Dutch, English, French) and the IATI 2.03 files the Ministry of
Foreign Affairs requires, in which each activity links "upwards" to the ministry's activity (``XM-DAC-7-PPR-…``)
through its incoming-funds transactions. A project lacking what IATI requires is listed as *niet publiceerbaar*
with its reasons and never published half.
"""
