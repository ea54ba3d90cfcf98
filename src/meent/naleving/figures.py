"""Naleving's key figures (registered in ``meent.core.registry``): what the campaigns of a year reached."""

from django.urls import reverse

from meent.core.registry import Figure, Record, Row, Text, Unit, figures
from meent.naleving import globalgoals, programmes, roadmaps, selectors


def _reached_records(year: int, user) -> list[Record]:
    if not user.has_perm("naleving.view_campaigns"):
        return []
    return [
        Record(label=target.gemeente.name, url=reverse("naleving:campaign-detail", args=[target.campaign_id]))
        for target in selectors.reached_targets(year)
    ]


figures.register(
    Figure(
        key="naleving.gemeenten_bereikt",
        label=Text("Gemeenten bereikt met een campagne", "Municipalities reached by a campaign"),
        definition=Text(
            "Gemeenten die een in het jaar verstuurde campagne van Naleving beantwoordden (via hun persoonlijke "
            "link), elke gemeente één keer geteld.",
            "Municipalities that answered a Naleving campaign sent in the year (through their personal link), each "
            "municipality counted once.",
        ),
        unit=Unit.AANTAL,
        years=selectors.campaign_years,
        compute=selectors.reached,
        records=_reached_records,
        order=500,
    )
)
figures.register(
    Figure(
        key="naleving.uren_tot_volledige_dekking",
        label=Text("Uren tot alle gemeenten antwoordden", "Hours until every municipality answered"),
        definition=Text(
            "Klokuren tussen het versturen van een campagne en het eerste antwoord van de laatste doelgemeente, "
            "naar boven afgerond; bij meer campagnes in het jaar de snelste die iedereen bereikte.",
            "Clock hours between sending a campaign and the first answer of its last target municipality, rounded "
            "up; with several campaigns in the year, the fastest that reached everyone.",
        ),
        unit=Unit.UREN,
        years=selectors.campaign_years,
        compute=selectors.hours_to_full_coverage,
        order=510,
    )
)
figures.register(
    Figure(
        key="naleving.herinneringen",
        label=Text("Herinneringen verstuurd", "Reminders sent"),
        definition=Text(
            "E-mails met een herinnering aan ontvangers van gemeenten die een in het jaar verstuurde campagne nog "
            "niet hadden beantwoord, uit het verzendlog.",
            "Reminder e-mails to recipients at municipalities that had not yet answered a campaign sent in the "
            "year, from the delivery log.",
        ),
        unit=Unit.AANTAL,
        years=selectors.campaign_years,
        compute=selectors.reminders_sent,
        order=520,
    )
)


def _roadmap_rows(year: int) -> list[Row] | None:
    rows = roadmaps.done_per_step(year)
    return [Row(label=label, value=done, detail=detail) for label, done, detail in rows] if rows else None


figures.register(
    Figure(
        key="naleving.routekaart_stappen_gereed",
        label=Text(
            "Routekaart zorgfraude: gemeenten per stap gereed", "Care-fraud roadmap: municipalities per step done"
        ),
        definition=Text(
            "Per stap van de routekaart: de gemeenten die de stap uiterlijk op 31 december van het jaar als gereed "
            "hadden gemeld, uit de voortgang die gemeenten en Naleving bijhouden.",
            "Per step of the roadmap: the municipalities that had reported the step done by 31 December of the "
            "year, from the progress municipalities and Naleving record.",
        ),
        unit=Unit.AANTAL,
        years=roadmaps.progress_years,
        compute=_roadmap_rows,
        order=530,
    )
)


def _global_goals_records(year: int, user) -> list[Record]:
    url = reverse("naleving:global-goals") + f"?jaar={year}"
    return [
        Record(
            label=member.gemeente.name,
            url=url,
            detail=f"{member.joined:%Y-%m-%d}" + (f" ({', '.join(str(g) for g in member.via)})" if member.via else ""),
        )
        for member in globalgoals.members(year)
    ]


figures.register(
    Figure(
        key="naleving.global_goals_gemeenten",
        label=Text("Global Goals-gemeenten", "Global Goals municipalities"),
        definition=Text(
            "Gemeenten van de indeling op 31 december van het jaar die zich uiterlijk die dag bij de Global "
            "Goals-gemeenten hadden aangesloten; een gemeente die uit een herindeling ontstond telt mee vanaf de "
            "aansluiting van haar voorganger.",
            "Municipalities of the division on 31 December of the year that had joined the Global Goals "
            "municipalities by that day; a municipality formed by a merger counts from its predecessor's joining.",
        ),
        unit=Unit.AANTAL,
        years=globalgoals.years,
        compute=globalgoals.count,
        records=_global_goals_records,
        order=540,
    )
)


def _board_rows(year: int) -> list[Row] | None:
    rows = programmes.board_rows(year)
    if rows is None:
        return None
    return [Row(label=title, value=seats, detail=f"{gemeenten} gemeenten") for title, seats, gemeenten in rows]


figures.register(
    Figure(
        key="naleving.klankbordgroepen",
        label=Text("Klankbordgroepen van programma's: leden", "Programme sounding boards: members"),
        definition=Text(
            "Per programma van Naleving dat uiterlijk in het jaar startte: de bestuurders in de klankbordgroep op "
            "31 december, met het aantal gemeenten dat zij vertegenwoordigen.",
            "Per Naleving programme started by the year: the administrators on its sounding board on 31 December, "
            "with the number of municipalities they represent.",
        ),
        unit=Unit.AANTAL,
        years=programmes.board_years,
        compute=_board_rows,
        order=550,
    )
)
