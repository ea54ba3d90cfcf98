"""The joint-procurement block of the annual report: the savings card and the figures behind it."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="inkoop",
        title=Text("Besparen door gezamenlijke inkoop", "Saving through joint procurement"),
        blocks={
            2020: (
                Text(
                    '{{ kaart inkoop.besparing "besparing" }}\n\n'
                    "Zoveel besparen gemeenten per jaar doordat zij via VNG Realisatie gezamenlijk inkopen, op de "
                    "inkoopvoorwaarden van de GIBIT. In totaal gaat het om "
                    '{{ kaart inkoop.besparing_looptijd "over 6 jaar" }}\n\n'
                    "verdeeld over de looptijd van de {{ inkoop.contracten }} contracten die na gezamenlijke inkoop "
                    "zijn gesloten, met {{ inkoop.gemeenten }} deelnemende gemeenten. Het gaat om contracten voor "
                    "onder meer (mobiele) telecommunicatie en printers.\n\n"
                    "{{ grafiek inkoop.besparing_per_categorie }}",
                    '{{ kaart inkoop.besparing "savings" }}\n\n'
                    "That is what gemeenten save each year by buying together through VNG Realisatie, on the GIBIT "
                    "purchasing terms. In total it comes to "
                    '{{ kaart inkoop.besparing_looptijd "over 6 years" }}\n\n'
                    "spread over the terms of the {{ inkoop.contracten }} contracts concluded after joint "
                    "procurement, with {{ inkoop.gemeenten }} participating gemeenten. They include contracts for "
                    "(mobile) telecommunications and printers.\n\n"
                    "{{ grafiek inkoop.besparing_per_categorie }}",
                ),
            )
        },
        order=440,
    )
)
