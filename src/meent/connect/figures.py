"""Connect's key figures for the annual report and its figures page, registered in ``meent.core.registry``.

Each figure counts the module's records through its selectors; a year without events (or, for the trainee
figures, without trainees in service) has no data.
"""

from decimal import Decimal

from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from meent.connect import selectors
from meent.connect.models import Event, Session
from meent.core.registry import Figure, Record, Row, Text, Unit, figures, shared

WEBINAR_KINDS = (Event.Kind.WEBINAR, Event.Kind.WEBINARREEKS)
# Named, not "all but trainings": an exercise is neither a congress nor a webinar
CONGRESS_AND_WEBINAR_KINDS = (Event.Kind.CONGRES, *WEBINAR_KINDS)

# One query each, read by several figures.
_by_kind_and_format = shared(selectors.events_by_kind_and_format)
_average_grades = shared(selectors.average_grades)
_training_days = shared(selectors.training_days)


def _held(year: int, kinds, fmt: str | None = None) -> int:
    table = _by_kind_and_format(year)
    return sum(n for kind in kinds for f, n in table[kind].items() if fmt is None or f == fmt)


def _rows(events: list[Event], *, with_format: bool) -> list[Row]:
    return [
        Row(
            label=event.title,
            value=event.participant_count,
            detail=event.get_format_display().lower() if with_format else "",
            url=reverse("connect:event-detail", args=[event.pk]),
        )
        for event in events
    ]


def _event_records(events) -> list[Record]:
    """Events are public (the catalogue): every reader gets the whole list."""
    return [
        Record(
            label=event.title,
            url=reverse("connect:event-detail", args=[event.pk]),
            detail=f"{event.starts_at:%Y-%m-%d}, {event.get_format_display().lower()}",
        )
        for event in events.order_by("starts_at", "pk")
    ]


def _events(select):
    """``records=`` for a figure counting the events ``select(year)`` gives."""
    return lambda year, user: _event_records(select(year))


def _assignment_records(year: int, user) -> list[Record]:
    if not user.has_perm("connect.view_trainee"):  # trainees' work is for Connect staff only
        return []
    assignments = selectors.assignments_running(year).select_related("trainee", "organisation")
    return [
        Record(label=a.title, detail=f"{a.trainee}, {a.organisation}") for a in assignments.order_by("start_date", "pk")
    ]


def _grade(aspect: str):
    return lambda year: _average_grades(year)[aspect]


def _register(
    key: str,
    label: tuple[str, str],
    definition: tuple[str, str],
    unit: Unit,
    compute,
    *,
    years=None,
    records=None,
):
    figures.register(
        Figure(
            key=f"connect.{key}",
            label=Text(*label),
            definition=Text(*definition),
            unit=unit,
            years=years or selectors.event_years,
            compute=compute,
            order=200 + len(figures.of_module("connect")),
            records=records,
        )
    )


HELD_NL = "evenementen die in het jaar begonnen en niet zijn geannuleerd"
HELD_EN = "events that started in the year and were not cancelled"

_register(
    "congressen",
    ("Congressen", "Congresses"),
    (
        f"Congressen: {HELD_NL}, van soort congres, in elke vorm.",
        f"Congresses: {HELD_EN}, of kind congress, in any format.",
    ),
    Unit.AANTAL,
    lambda year: _held(year, [Event.Kind.CONGRES]),
    records=_events(lambda year: selectors.held_events(year, kinds=[Event.Kind.CONGRES])),
)
_register(
    "congressen_digitaal",
    ("Digitale congressen", "Digital congresses"),
    (
        f"Congressen: {HELD_NL}, van soort congres en vorm digitaal.",
        f"Congresses: {HELD_EN}, of kind congress and format digital.",
    ),
    Unit.AANTAL,
    lambda year: _held(year, [Event.Kind.CONGRES], Event.Format.DIGITAAL),
    records=_events(lambda year: selectors.held_events(year, kinds=[Event.Kind.CONGRES], format=Event.Format.DIGITAAL)),
)
_register(
    "webinars",
    ("Webinars", "Webinars"),
    (f"Webinars en webinarreeksen: {HELD_NL}.", f"Webinars and webinar series: {HELD_EN}."),
    Unit.AANTAL,
    lambda year: _held(year, WEBINAR_KINDS),
    records=_events(lambda year: selectors.held_events(year, kinds=WEBINAR_KINDS)),
)
_register(
    "geannuleerd",
    ("Geannuleerde evenementen", "Cancelled events"),
    (
        "Congressen en webinars die in het jaar zouden beginnen en zijn geannuleerd (trainingen niet meegeteld).",
        "Congresses and webinars due to start in the year that were cancelled (trainings not included).",
    ),
    Unit.AANTAL,
    lambda year: selectors.cancelled_events(year, kinds=CONGRESS_AND_WEBINAR_KINDS),
    records=_events(lambda year: selectors.cancelled_event_list(year, kinds=CONGRESS_AND_WEBINAR_KINDS)),
)
_register(
    "top_congressen",
    ("Top 5 congressen en webinars", "Top 5 congresses and webinars"),
    (
        "De vijf eigen congressen en webinars van het jaar met de meeste deelnemers (aanmeldingen met een plaats); "
        "evenementen in opdracht tellen niet mee.",
        "The year's five own congresses and webinars with most participants (registrations holding a seat); "
        "events organised on commission are left out.",
    ),
    Unit.AANTAL,
    lambda year: _rows(selectors.top_events(year, commissioned=False), with_format=True),
)
_register(
    "top_in_opdracht",
    ("Top 5 in opdracht", "Top 5 on commission"),
    (
        "De vijf congressen en webinars in opdracht (met een opdrachtgever) met de meeste deelnemers.",
        "The five congresses and webinars organised on commission (with a client) with most participants.",
    ),
    Unit.AANTAL,
    lambda year: _rows(selectors.top_events(year, commissioned=True), with_format=True),
)
_register(
    "top_trainingen",
    ("Top 5 trainingen", "Top 5 trainings"),
    (
        "De vijf trainingsdagen en cursussen van het jaar met de meeste deelnemers.",
        "The year's five training days and courses with most participants.",
    ),
    Unit.AANTAL,
    lambda year: _rows(selectors.top_trainings(year), with_format=False),
)
for aspect, nl, en in (
    ("overall", "algemeen", "overall"),
    ("content", "inhoud", "content"),
    ("speakers", "sprekers", "speakers"),
    ("organisation", "organisatie", "organisation"),
):
    _register(
        f"waardering_{nl}",
        (f"Gemiddelde waardering ({nl})", f"Average rating ({en})"),
        (
            f"Gemiddeld cijfer (1–10) voor {nl} in alle evaluaties van evenementen die in het jaar begonnen.",
            f"Average grade (1–10) for {en} in all evaluations of events that started in the year.",
        ),
        Unit.CIJFER,
        _grade(aspect),
    )
for key, nl, en in (("totaal", "", ""), ("fysiek", " fysiek", " in person"), ("online", " online", " online")):
    _register(
        "trainingsdagen" if key == "totaal" else f"trainingsdagen_{key}",
        (f"Trainingsdagen{nl}", f"Training days{en}"),
        (
            f"Trainingsdagen{nl} in het jaar, uit de dagen van de edities; dagen van geannuleerde edities tellen niet.",
            f"Training days{en} in the year, from the editions' days; days of cancelled editions do not count.",
        ),
        Unit.DAGEN,
        lambda year, key=key: _training_days(year)[key],
    )
_register(
    "trainingen_verplaatst",
    ("Verplaatste trainingen", "Rescheduled trainings"),
    (
        "Trainingen van het jaar die minstens één keer zijn verplaatst, uit hun historie.",
        "The year's trainings moved at least once, from their history.",
    ),
    Unit.AANTAL,
    lambda year: selectors.rescheduled(year, kinds=Event.TRAINING_KINDS),
    records=_events(lambda year: selectors.rescheduled_events(year, kinds=Event.TRAINING_KINDS)),
)
_register(
    "trainingen_meermaals_verplaatst",
    ("Meermaals verplaatste trainingen", "Trainings rescheduled more than once"),
    (
        "Trainingen van het jaar die minstens twee keer zijn verplaatst, uit hun historie.",
        "The year's trainings moved at least twice, from their history.",
    ),
    Unit.AANTAL,
    lambda year: selectors.rescheduled(year, min_times=2, kinds=Event.TRAINING_KINDS),
    records=_events(lambda year: selectors.rescheduled_events(year, min_times=2, kinds=Event.TRAINING_KINDS)),
)
_register(
    "trainingen_geannuleerd",
    ("Geannuleerde trainingen", "Cancelled trainings"),
    (
        "Trainingsdagen en cursussen die in het jaar zouden beginnen en definitief zijn geannuleerd.",
        "Training days and courses due to start in the year that were cancelled for good.",
    ),
    Unit.AANTAL,
    lambda year: selectors.cancelled_events(year, kinds=Event.TRAINING_KINDS),
    records=_events(lambda year: selectors.cancelled_event_list(year, kinds=Event.TRAINING_KINDS)),
)
_register(
    "omgezet_naar_digitaal",
    ("Omgezet naar digitaal", "Converted to digital"),
    (
        "Evenementen van het jaar waarvan de vorm in hun historie naar digitaal is gewijzigd.",
        "The year's events whose format was changed to digital, from their history.",
    ),
    Unit.AANTAL,
    selectors.converted,
    records=_events(selectors.converted_events),
)
_register(
    "trainees_gemiddeld",
    ("Trainees gemiddeld in dienst", "Average trainees in service"),
    (
        "Trainees in dienst op een gemiddelde dag van het jaar, uit hun dienstverbanden (eerste en laatste dag "
        "meegeteld).",
        "Trainees in service on an average day of the year, from their employment periods (first and last day "
        "included).",
    ),
    Unit.AANTAL,
    selectors.average_trainees,
    years=selectors.trainee_years,
)
_register(
    "opdrachten",
    ("Opdrachten van trainees", "Trainee assignments"),
    (
        "Opdrachten van trainees die ergens in het jaar liepen.",
        "Trainee assignments running at some point in the year.",
    ),
    Unit.AANTAL,
    selectors.assignments_in_year,
    years=selectors.trainee_years,
    records=_assignment_records,
)
_register(
    "opdrachten_groei",
    ("Groei van het aantal opdrachten", "Growth in assignments"),
    (
        "Groei van het aantal opdrachten van trainees ten opzichte van het jaar ervoor, in procenten.",
        "Growth of the number of trainee assignments against the year before, in percent.",
    ),
    Unit.PROCENT,
    selectors.assignments_growth,
    years=selectors.trainee_years,
)


# The report's recurring events, each by the held event of the year whose title begins with the series' name ------

# (key, title, English title, the grades it reports: overall, and organisation where the report gives it)
SERIES = (
    ("dag_van_de_stad", "Dag van de Stad", "Dag van de Stad", ("overall",)),
    ("voor_de_jeugd_dag", "Voor de Jeugd Dag", "Voor de Jeugd Dag", ("overall",)),
    ("dag_van_zorg_en_veiligheid", "Dag van Zorg en Veiligheid", "Dag van Zorg en Veiligheid", ("overall",)),
    ("cyber", "Webinars Cyber", "Cyber webinars", ("overall",)),
    ("juridische_2daagse", "Juridische 2-daagse", "Legal two-day conference", ("overall", "organisation")),
)
ASPECTS = {"overall": ("algemeen", "overall"), "organisation": ("organisatie", "organisation")}


@shared
def _series_events(year: int) -> dict[str, Event]:
    """Per series title, its first held event of the year, with participants, timed sessions and average grades:
    one query for all series, however many figures read them."""
    timed = (
        Session.objects.filter(event=OuterRef("pk"), starts_at__isnull=False)
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    titles = [title for _slug, title, _en, _aspects in SERIES]
    matches = Q()
    for title in titles:
        matches |= Q(title__istartswith=title)
    events = (
        selectors.participants_per_event(year)
        .filter(matches)
        .annotate(
            programme_parts=Coalesce(Subquery(timed), 0),
            grade_overall=Avg("registrations__evaluation__overall"),
            grade_organisation=Avg("registrations__evaluation__organisation"),
        )
        .order_by("starts_at")
    )
    found: dict[str, Event] = {}
    for event in events:
        for title in titles:
            if event.title.lower().startswith(title.lower()):
                found.setdefault(title, event)
    return found


def _series_figure(title: str, measure):
    def compute(year: int):
        event = _series_events(year).get(title)
        return None if event is None else measure(event)

    return compute


def _participants(event: Event) -> int:
    return event.participant_count


def _programme_parts(event: Event) -> int:
    # Sessions with a time: an exhibition floor open all day is not a programme part
    return event.programme_parts


def _event_grade(aspect: str):
    def grade(event: Event) -> Decimal | None:
        value = getattr(event, f"grade_{aspect}")
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))

    return grade


for slug, title, title_en, aspects in SERIES:
    which_nl = f"het evenement van het jaar waarvan de titel begint met ‘{title}’ (niet geannuleerd)"
    which_en = f"the year's event whose title begins with ‘{title}’ (not cancelled)"
    _register(
        f"{slug}_deelnemers",
        (f"Deelnemers {title}", f"Participants {title_en}"),
        (f"Aanmeldingen met een plaats bij {which_nl}.", f"Registrations holding a seat at {which_en}."),
        Unit.AANTAL,
        _series_figure(title, _participants),
    )
    _register(
        f"{slug}_onderdelen",
        (f"Programmaonderdelen {title}", f"Programme parts {title_en}"),
        (
            f"Sessies met een tijdstip in het programma van {which_nl}; een doorlopende beursvloer telt niet.",
            f"Sessions with a time in the programme of {which_en}; an all-day exhibition floor does not count.",
        ),
        Unit.AANTAL,
        _series_figure(title, _programme_parts),
    )
    for aspect in aspects:
        nl, en = ASPECTS[aspect]
        _register(
            f"{slug}_waardering_{nl}",
            (f"Waardering {title} ({nl})", f"Rating {title_en} ({en})"),
            (
                f"Gemiddeld cijfer (1–10) voor {nl} in de evaluaties van {which_nl}.",
                f"Average grade (1–10) for {en} in the evaluations of {which_en}.",
            ),
            Unit.CIJFER,
            _series_figure(title, _event_grade(aspect)),
        )


# The cyber programme's exercise: the report puts it next to the Cyber webinars ----------------------------------


def _cyber_exercises(year: int):
    return selectors.held_events(year, kinds=[Event.Kind.OEFENING], theme="cyber")


_register(
    "cyber_oefeningen",
    ("Cyberoefeningen", "Cyber exercises"),
    (
        f"Oefeningen van het cyberprogramma: {HELD_NL}, van soort oefening, met ‘cyber’ in de titel (zoals de "
        "overheidsbrede cyberoefening).",
        f"Exercises of the cyber programme: {HELD_EN}, of kind exercise, with ‘cyber’ in the title (such as the "
        "government-wide cyber exercise).",
    ),
    Unit.AANTAL,
    lambda year: _cyber_exercises(year).count(),
    records=_events(_cyber_exercises),
)
