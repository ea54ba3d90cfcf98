"""Figures of the CriT helpdesk, from the questions received (address confirmed or registered by staff) in a year.
The number of questions and of active experts list what they count, to staff only."""

from django.urls import reverse

from meent.core.registry import Figure, Record, Row, Text, Unit, figures
from meent.international.crit import selectors


def _rows(pairs: list[tuple[str, int]]) -> list[Row] | None:
    return [Row(label=str(label), value=n) for label, n in pairs] or None


def _question_records(year: int, user) -> list[Record]:
    if not user.has_perm("crit.manage"):
        return []
    return [
        Record(label=f"{q.reference}: {q.subject}", url=reverse("crit:question-detail", args=[q.pk]))
        for q in selectors.questions_of(year).order_by("received_at", "pk")
    ]


def _expert_records(year: int, user) -> list[Record]:
    if not user.has_perm("crit.manage"):
        return []
    return [Record(label=str(expert.person)) for expert in selectors.active_experts(year)]


for figure in (
    Figure(
        key="crit.vragen",
        label=Text("Vragen aan de CriT-helpdesk", "Questions to the CriT helpdesk"),
        definition=Text(
            "Vragen van partners in het buitenland die in het jaar zijn ontvangen: via het openbare formulier met "
            "bevestigd e-mailadres, of door een medewerker namens een partner geregistreerd.",
            "Questions from partners abroad received in the year: through the public form with a confirmed e-mail "
            "address, or registered by staff on a partner's behalf.",
        ),
        unit=Unit.AANTAL,
        years=selectors.question_years,
        compute=lambda year: selectors.questions_of(year).count(),
        records=_question_records,
        order=730,
    ),
    Figure(
        key="crit.vragen_per_thema",
        label=Text("CriT-vragen per thema", "CriT questions by topic"),
        definition=Text(
            "De in het jaar ontvangen vragen, geteld per thema (crisisbeheersing, veiligheidsregio's, …).",
            "The questions received in the year, counted by topic (crisis management, safety regions, …).",
        ),
        unit=Unit.AANTAL,
        years=selectors.question_years,
        compute=lambda year: _rows(selectors.per_topic(year)),
        order=731,
    ),
    Figure(
        key="crit.vragen_per_land",
        label=Text("CriT-vragen per land", "CriT questions by country"),
        definition=Text(
            "De in het jaar ontvangen vragen, geteld per land van de partner.",
            "The questions received in the year, counted by the partner's country.",
        ),
        unit=Unit.AANTAL,
        years=selectors.question_years,
        compute=lambda year: _rows(selectors.per_country(year)),
        order=732,
    ),
    Figure(
        key="crit.mediaan_eerste_antwoord",
        label=Text("Mediaan tot het eerste antwoord", "Median time to the first answer"),
        definition=Text(
            "De mediaan, in kantooruren (ma–vr 8.30–17.00, zonder feestdagen), van ontvangst tot het eerste "
            "antwoord van een expert, over de in het jaar ontvangen vragen met een antwoord.",
            "The median, in business hours (Mon–Fri 8:30–17:00, without public holidays), from receipt to an "
            "expert's first answer, over the questions received in the year that were answered.",
        ),
        unit=Unit.UREN,
        years=selectors.question_years,
        compute=selectors.median_first_answer,
        order=733,
    ),
    Figure(
        key="crit.tevredenheid",
        label=Text("Tevredenheid van partners", "Partner satisfaction"),
        definition=Text(
            "Het gemiddelde cijfer (1 tot 5) dat partners na het sluiten gaven, over de in het jaar ontvangen vragen.",
            "The mean score (1 to 5) partners gave after closing, over the questions received in the year.",
        ),
        unit=Unit.CIJFER,
        years=selectors.question_years,
        compute=selectors.mean_satisfaction,
        order=734,
    ),
    Figure(
        key="crit.experts_actief",
        label=Text("Actieve experts", "Active experts"),
        definition=Text(
            "Experts uit de pool die in het jaar ten minste één antwoord schreven.",
            "Experts of the pool who wrote at least one answer in the year.",
        ),
        unit=Unit.AANTAL,
        years=selectors.question_years,
        compute=lambda year: selectors.active_experts(year).count() or None,
        records=_expert_records,
        order=735,
    ),
):
    figures.register(figure)
