"""Connect's chapter of the annual report: the draft text communications staff start from. Every number is a
placeholder for one of Connect's registered figures; the people quoted are fictitious."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="connect",
        title=Text("VNG Connect", "VNG Connect"),
        order=200,
        blocks={
            2020: (
                Text(
                    "Veerkracht: dat woord past dit jaar nergens beter dan bij VNG Connect. Corona legde de "
                    "bezoekerseconomie stil en binnen enkele weken gingen congressen en opleidingen online. "
                    "Financieel was het een zware klap, maar het traineeprogramma begeleidde meer jong talent dan "
                    "ooit.",
                    "Resilience: this year the word fits VNG Connect better than anyone. Corona froze the visitor "
                    "economy and within weeks congresses and courses moved online. Financially it was a heavy blow, "
                    "but the trainee programme coached more young talent than ever.",
                ),
                Text(
                    "> Ondanks alle tegenslag hebben we laten zien dat we ook digitaal iets moois neerzetten. Het "
                    "team is ongelooflijk veerkrachtig.\n>\n> — Marieke van Dalen, directeur VNG Connect (fictief)",
                    "> Despite every setback we showed that we can create something good online too. The team is "
                    "incredibly resilient.\n>\n> — Marieke van Dalen, director of VNG Connect (fictitious)",
                ),
                Text(
                    "### Cijfers over congressen\n\n"
                    '{{ kaart connect.congressen "congressen" }}\n\n'
                    '{{ kaart connect.congressen_digitaal "daarvan digitaal" }}\n\n'
                    '{{ kaart connect.geannuleerd "geannuleerd" }}\n\n'
                    '{{ kaart connect.webinars "webinars" }}\n\n'
                    "{{ grafiek connect.top_congressen }}",
                    "### Congresses in figures\n\n"
                    '{{ kaart connect.congressen "congresses" }}\n\n'
                    '{{ kaart connect.congressen_digitaal "of which digital" }}\n\n'
                    '{{ kaart connect.geannuleerd "cancelled" }}\n\n'
                    '{{ kaart connect.webinars "webinars" }}\n\n'
                    "{{ grafiek connect.top_congressen }}",
                ),
                Text(
                    "### Deelnemers aan onze congressen\n\n"
                    "**Dag van de Stad** — "
                    '{{ kaart connect.dag_van_de_stad_deelnemers "deelnemers aan de (digitale) Dag van de Stad" }}\n\n'
                    '{{ kaart connect.dag_van_de_stad_waardering_algemeen "is de gemiddelde waardering" }}\n\n'
                    "**Voor de Jeugd Dag** — volledig digitaal, vanuit een vertrouwde studio in Amsterdam.\n\n"
                    '{{ kaart connect.voor_de_jeugd_dag_deelnemers "aanmeldingen" }}\n\n'
                    '{{ kaart connect.voor_de_jeugd_dag_waardering_algemeen "is de algehele beoordeling" }}\n\n'
                    '{{ kaart connect.voor_de_jeugd_dag_onderdelen "programmaonderdelen en een digitale '
                    'beursvloer" }}\n\n'
                    "**Dag van Zorg en Veiligheid** — een volledig digitaal congres in opdracht van drie "
                    "ministeries.\n\n"
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_deelnemers "deelnemers" }}\n\n'
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_waardering_algemeen "is de gemiddelde '
                    'beoordeling" }}\n\n'
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_onderdelen "onderdelen" }}\n\n'
                    "**Cyber**\n\n"
                    '{{ kaart connect.cyber_deelnemers "deelnemers" }}\n\n'
                    '{{ kaart connect.cyber_onderdelen "cyberwebinars" }}\n\n'
                    '{{ kaart connect.cyber_oefeningen "overheidsbrede cyberoefening" }}\n\n'
                    "**Juridische 2-daagse**\n\n"
                    '{{ kaart connect.juridische_2daagse_deelnemers "deelnemers" }}\n\n'
                    '{{ kaart connect.juridische_2daagse_onderdelen "subsessies verspreid over 2 dagen" }}\n\n'
                    '{{ kaart connect.juridische_2daagse_waardering_organisatie|afgerond "het gemiddelde voor de '
                    'logistieke organisatie" }}',
                    "### Participants in our congresses\n\n"
                    '{{ kaart connect.dag_van_de_stad_deelnemers "participants in the (digital) Dag van de Stad" }}\n\n'
                    '{{ kaart connect.dag_van_de_stad_waardering_algemeen "average rating" }}\n\n'
                    '{{ kaart connect.voor_de_jeugd_dag_deelnemers "registrations for the Voor de Jeugd Dag" }}\n\n'
                    '{{ kaart connect.voor_de_jeugd_dag_waardering_algemeen "overall rating" }}\n\n'
                    '{{ kaart connect.voor_de_jeugd_dag_onderdelen "programme parts and a digital exhibition '
                    'floor" }}\n\n'
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_deelnemers "participants in the Dag van Zorg en '
                    'Veiligheid" }}\n\n'
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_waardering_algemeen "average rating" }}\n\n'
                    '{{ kaart connect.dag_van_zorg_en_veiligheid_onderdelen "parts" }}\n\n'
                    '{{ kaart connect.cyber_deelnemers "participants in the cyber webinars" }}\n\n'
                    '{{ kaart connect.cyber_onderdelen "cyber webinars" }}\n\n'
                    '{{ kaart connect.cyber_oefeningen "government-wide cyber exercise" }}\n\n'
                    '{{ kaart connect.juridische_2daagse_deelnemers "participants in the legal two-day event" }}\n\n'
                    '{{ kaart connect.juridische_2daagse_onderdelen "sub-sessions over 2 days" }}\n\n'
                    '{{ kaart connect.juridische_2daagse_waardering_organisatie|afgerond "average for the '
                    'logistics" }}',
                ),
                Text(
                    "### VNG Academie\n\n"
                    '{{ kaart connect.trainingsdagen "dagen training" }}\n\n'
                    "Daarvan {{ connect.trainingsdagen_fysiek }} fysiek en {{ connect.trainingsdagen_online }} "
                    "online.\n\n"
                    '{{ kaart connect.trainingen_meermaals_verplaatst "trainingen zijn meermaals verplaatst" }}\n\n'
                    '{{ kaart connect.trainingen_geannuleerd "trainingen definitief geannuleerd" }}\n\n'
                    "Na een aarzelend begin omarmden opdrachtgevers de online training; vanaf augustus ging alles "
                    "online. Interim-manager Joost Brink (fictief): ‘Een ontdekkingstocht, en de evaluaties laten "
                    "zien dat die is geslaagd.’\n\n"
                    "{{ tabel connect.top_trainingen }}",
                    "### VNG Academie\n\n"
                    '{{ kaart connect.trainingsdagen "training days" }}\n\n'
                    "Of these, {{ connect.trainingsdagen_fysiek }} in person and {{ connect.trainingsdagen_online }} "
                    "online.\n\n"
                    '{{ kaart connect.trainingen_meermaals_verplaatst "trainings rescheduled more than once" }}\n\n'
                    '{{ kaart connect.trainingen_geannuleerd "trainings cancelled for good" }}\n\n'
                    "{{ tabel connect.top_trainingen }}",
                ),
                Text(
                    "### Aantal trainees groeit\n\n"
                    "De trainees werkten vanuit huis, volgden het programma online en solliciteerden op nieuwe "
                    "opdrachten. Met succes: het gemiddeld aantal trainees groeide van "
                    "{{ connect.trainees_gemiddeld|vorig_jaar|afgerond }} naar "
                    "{{ connect.trainees_gemiddeld|afgerond }}, en het aantal opdrachten groeide met "
                    "{{ connect.opdrachten_groei }}.",
                    "### More trainees\n\n"
                    "The average number of trainees grew from {{ connect.trainees_gemiddeld|vorig_jaar|afgerond }} "
                    "to {{ connect.trainees_gemiddeld|afgerond }}, and the number of assignments grew by "
                    "{{ connect.opdrachten_groei }}.",
                ),
            ),
            2021: (
                Text(
                    "Ook in 2021 vonden evenementen en trainingen vooral online plaats.\n\n"
                    '{{ kaart connect.congressen "congressen" }}\n\n'
                    '{{ kaart connect.trainingsdagen "dagen training" }}\n\n'
                    "Het gemiddeld aantal trainees was {{ connect.trainees_gemiddeld|afgerond }}.",
                    "In 2021 too, events and trainings were mostly online.\n\n"
                    '{{ kaart connect.congressen "congresses" }}\n\n'
                    '{{ kaart connect.trainingsdagen "training days" }}\n\n'
                    "The average number of trainees was {{ connect.trainees_gemiddeld|afgerond }}.",
                ),
            ),
        },
    )
)
