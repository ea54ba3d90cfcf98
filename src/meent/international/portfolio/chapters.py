"""The International chapter of the annual report, as the demo (and a new report) starts it."""

from meent.core.registry import ChapterDraft, Text, chapters

INTRO = Text(
    "VNG International versterkt het democratisch lokaal bestuur in ontwikkelingslanden en landen in transitie, "
    "en zet daarbij de kennis in van bestuurders en ambtenaren van Nederlandse gemeenten.",
    "VNG International strengthens democratic local government in developing countries and countries in "
    "transition, drawing on the knowledge of Dutch municipal politicians and officials.",
)

chapters.register(
    ChapterDraft(
        key="portfolio",
        title=Text("International", "International"),
        order=700,
        blocks={
            2020: (
                INTRO,
                Text(
                    '{{ kaart portfolio.landen "landen waar VNG International werkt aan projecten ter versterking '
                    'van democratisch lokaal bestuur" }}\n\n'
                    "De omzet was € {{ portfolio.omzet }}. {{ portfolio.aandeel_internationaal }} van de "
                    "financiering kwam van internationale opdrachtgevers zoals de EU, de Wereldbank en USAID; de "
                    "Nederlandse overheid (het ministerie van Buitenlandse Zaken) bleef met "
                    "{{ portfolio.aandeel_ministerie }} de grootste financier.",
                    '{{ kaart portfolio.landen "countries where VNG International works on projects strengthening '
                    'democratic local government" }}\n\n'
                    "Turnover was € {{ portfolio.omzet }}. {{ portfolio.aandeel_internationaal }} of funding came "
                    "from international clients such as the EU, the World Bank and USAID; the Dutch government "
                    "(the Ministry of Foreign Affairs) remained the largest funder with "
                    "{{ portfolio.aandeel_ministerie }}.",
                ),
                Text(
                    '{{ kaart portfolio.staf_nederland "stafmedewerkers in Nederland" }}\n\n'
                    '{{ kaart portfolio.staf_buitenland "stafmedewerkers in het buitenland" }}\n\n'
                    "{{ tabel portfolio.financiers }}",
                    '{{ kaart portfolio.staf_nederland "staff in the Netherlands" }}\n\n'
                    '{{ kaart portfolio.staf_buitenland "staff abroad" }}\n\n'
                    "{{ tabel portfolio.financiers }}",
                ),
            ),
            2021: (
                INTRO,
                Text(
                    "We zijn actief in {{ portfolio.landen }} landen. Staatsgrepen en oorlog dwongen ons projecten "
                    "te stoppen of op te schorten:\n\n{{ tabel portfolio.onderbrekingen }}\n\n"
                    "'Distant learning' en 'distant delivery' maken nu deel uit van onze manier van werken.",
                    "We are active in {{ portfolio.landen }} countries. Coups and war forced us to stop or suspend "
                    "projects:\n\n{{ tabel portfolio.onderbrekingen }}\n\n"
                    "Distant learning and distant delivery are now part of the way we work.",
                ),
                Text(
                    '{{ kaart portfolio.strategisch_budget "strategisch programma met Buitenlandse Zaken" }}\n\n'
                    "De komende {{ portfolio.strategisch_jaren }} jaar is in totaal "
                    "€ {{ portfolio.strategisch_budget }} "
                    "beschikbaar in één overkoepelend programma van strategische samenwerking met het ministerie van "
                    "Buitenlandse Zaken, gericht op {{ portfolio.strategisch_themas }} thema's: veiligheid en "
                    "rechtsorde, migratie, economische ontwikkeling en watermanagement. Het wordt in eerste instantie "
                    "uitgevoerd in {{ portfolio.strategisch_landen }} landen, voornamelijk in Afrika.",
                    '{{ kaart portfolio.strategisch_budget "strategic programme with the Foreign Ministry" }}\n\n'
                    "Over the coming {{ portfolio.strategisch_jaren }} years a total of € "
                    "{{ portfolio.strategisch_budget }} is available in one overarching programme of strategic "
                    "cooperation with the Ministry of Foreign Affairs, on {{ portfolio.strategisch_themas }} themes: "
                    "security and rule of law, migration, economic development and water management. It will first "
                    "be carried out in {{ portfolio.strategisch_landen }} countries, mainly in Africa.",
                ),
                Text(
                    "Ons regionale kantoor in Tunesië (CILG) voert onder meer een EU-programma voor gemeentelijk "
                    "jeugdbeleid uit, met een budget van € {{ portfolio.jeugdprogramma_budget }}.",
                    "Our regional office in Tunisia (CILG) runs, among others, an EU programme on municipal youth "
                    "policy with a budget of € {{ portfolio.jeugdprogramma_budget }}.",
                ),
            ),
        },
    )
)
