"""The IBD's part of the annual report (Realisatie's information security service): draft text whose numbers are
the IBD's registered figures."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="ibd",
        title=Text("Informatiebeveiligingsdienst (IBD)", "Information Security Service (IBD)"),
        order=300,
        blocks={
            2020: (
                Text(
                    '{{ kaart ibd.incidenten "incidenten met een hulp-, coördinatie- of ondersteuningsvraag" }}\n\n'
                    "Zoveel incidenten met een vraag van gemeenten kwamen in 2020 binnen bij de "
                    "Informatiebeveiligingsdienst voor gemeenten.",
                    '{{ kaart ibd.incidenten "incidents with a request for help, coordination or support" }}\n\n'
                    "That many incidents with a question from a municipality reached the IBD in 2020.",
                ),
                Text(
                    "### Gemeentelijk responsnetwerk\n\n"
                    "De IBD ondersteunt gemeenten bij het afhandelen van deze incidenten. In 2020 is het "
                    "gemeentelijk responsnetwerk {{ ibd.inzet_responsnetwerk }} keer ingezet: experts van andere "
                    "gemeenten hielpen ter plaatse.\n\n"
                    "{{ grafiek ibd.per_soort_vraag }}",
                    "### Municipal response network\n\n"
                    "The IBD supports municipalities in handling these incidents. In 2020 the municipal response "
                    "network was deployed {{ ibd.inzet_responsnetwerk }} time(s): experts from other "
                    "municipalities helped on site.\n\n"
                    "{{ grafiek ibd.per_soort_vraag }}",
                ),
                Text(
                    "### Collectieve voorziening\n\n"
                    "De IBD helpt gemeenten met kennisdeling, advies, ondersteuning bij calamiteiten en als schakel "
                    "met landelijke partijen zoals het NCSC. In 2020 verschenen {{ ibd.adviezen }} "
                    "beveiligingsadviezen.",
                    "### A shared service\n\n"
                    "The IBD helps municipalities through knowledge sharing, advice, support in emergencies and as "
                    "the link with national parties such as the NCSC. In 2020 it published {{ ibd.adviezen }} "
                    "security advisories.",
                ),
            ),
            2021: (
                Text(
                    '{{ kaart ibd.incidenten "incidenten gemeld bij de IBD" }}\n\n'
                    "Het responsnetwerk werd {{ ibd.inzet_responsnetwerk }} keer ingezet.",
                    '{{ kaart ibd.incidenten "incidents reported to the IBD" }}\n\n'
                    "The response network was deployed {{ ibd.inzet_responsnetwerk }} time(s).",
                ),
            ),
        },
    )
)
