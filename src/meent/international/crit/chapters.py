"""The helpdesk's blocks of the International chapter of the annual report (2020: set up; 2021: continued)."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="crit",
        title=Text("International: de CriT-helpdesk", "International: the CriT helpdesk"),
        blocks={
            2020: (
                Text(
                    "## Helpdesk\n\nOnmiddellijk na het uitbreken van de coronapandemie kwamen er vragen van partners "
                    "uit alle landen waar projecten lopen. Via de nieuwe helpdesk CriT (Crisis & Transition support) "
                    'beantwoordt een pool van (oud-)bestuurders en ambtenaren ze: {{ kaart crit.vragen "vragen '
                    'ontvangen" }} {{ kaart crit.experts_actief "experts gaven antwoord" }}\n\n'
                    "Het eerste antwoord kwam na een mediaan van {{ crit.mediaan_eerste_antwoord }} kantooruren; "
                    "partners gaven gemiddeld een {{ crit.tevredenheid }} (op 5).",
                    "## Helpdesk\n\nRight after the pandemic broke out, partners from every country with projects "
                    "asked questions. Through the new CriT helpdesk (Crisis & Transition support) a pool of (former) "
                    'administrators and officials answers them: {{ kaart crit.vragen "questions received" }} '
                    '{{ kaart crit.experts_actief "experts answered" }}\n\n'
                    "The first answer came after a median of {{ crit.mediaan_eerste_antwoord }} business hours; "
                    "partners gave a mean {{ crit.tevredenheid }} (out of 5).",
                ),
                Text(
                    "### Vragen per thema en per land\n\n{{ grafiek crit.vragen_per_thema }}\n\n"
                    "{{ tabel crit.vragen_per_land }}\n\nIn oktober bracht VNG International buitenlandse "
                    "COVID-aanpakken in de bestuurlijke klankbordgroep COVID-19 van de VNG, als samenvattingen "
                    "zonder namen.",
                    "### Questions by topic and by country\n\n{{ grafiek crit.vragen_per_thema }}\n\n"
                    "{{ tabel crit.vragen_per_land }}\n\nIn October VNG International brought approaches to COVID "
                    "from abroad to the VNG's COVID-19 sounding board, as summaries without names.",
                ),
            ),
            2021: (
                Text(
                    '## Helpdesk\n\nDe CriT-helpdesk bleef partners antwoorden: {{ kaart crit.vragen "vragen '
                    'ontvangen" }} {{ tabel crit.vragen_per_thema }}',
                    '## Helpdesk\n\nThe CriT helpdesk kept answering partners: {{ kaart crit.vragen "questions '
                    'received" }} {{ tabel crit.vragen_per_thema }}',
                ),
            ),
        },
        order=730,
    )
)
