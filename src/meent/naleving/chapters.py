"""Naleving's chapter of the annual report (a draft communications staff edit afterwards)."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="naleving",
        title=Text("VNG Naleving", "VNG Naleving (compliance)"),
        blocks={
            2020: (
                Text(
                    "Toen scholen en kinderopvang in maart dichtgingen, vroeg het Rijk de vereniging om met alle "
                    "gemeenten de noodopvang te organiseren. Naleving vroeg elke gemeente om een coördinator "
                    "noodopvang: **binnen twee dagen** had iedere gemeente er een.\n\n"
                    '{{ kaart naleving.gemeenten_bereikt "gemeenten gaven hun coördinator noodopvang door" }}\n\n'
                    "De laatste gemeente antwoordde {{ naleving.uren_tot_volledige_dekking }} uur na de oproep; "
                    "{{ naleving.herinneringen }} herinneringen waren daarvoor nodig.",
                    "When schools and childcare closed in March, the government asked the association to organise "
                    "emergency childcare with all municipalities. Naleving asked every municipality for a "
                    "coordinator: **within two days** every municipality had one.\n\n"
                    '{{ kaart naleving.gemeenten_bereikt "municipalities named their emergency childcare '
                    'coordinator" }}\n\n'
                    "The last municipality answered {{ naleving.uren_tot_volledige_dekking }} hours after the call; "
                    "{{ naleving.herinneringen }} reminders were needed.",
                ),
                Text(
                    "Naleving maakte een routekaart die gemeenten helpt zorgfraude aan te pakken, liet onderzoek "
                    "doen en coördineert een plan voor de bescherming van arbeidsmigranten, met een klankbordgroep "
                    "van bestuurders. Daarnaast stimuleert Naleving preventie en positieve communicatie.\n\n"
                    "Eind 2020 waren {{ naleving.global_goals_gemeenten }} gemeenten Global Goals-gemeente: zij "
                    "zetten zich in voor de duurzame ontwikkelingsdoelen van de Verenigde Naties.",
                    "Naleving made a roadmap that helps municipalities tackle care fraud, commissioned research and "
                    "coordinates a plan to protect labour migrants, with a sounding board of administrators. It also "
                    "promotes prevention and positive communication.\n\n"
                    "At the end of 2020, {{ naleving.global_goals_gemeenten }} municipalities were Global Goals "
                    "municipalities, committed to the United Nations Sustainable Development Goals.",
                ),
            )
        },
        order=500,
    )
)
