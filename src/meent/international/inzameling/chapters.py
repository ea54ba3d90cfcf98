"""The crowdfunding's block of the International chapter of the annual report: the Myanmar campaign (2021)."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="inzameling",
        title=Text("International: inzameling voor collega's", "International: a collection for colleagues"),
        blocks={
            2021: (
                Text(
                    "## Een woelig jaar\n\nNa de staatsgreep in Myanmar kwamen lokale collega's zonder werk te "
                    "zitten. Een crowdfundingactie binnen de VNG leverde een mooi bedrag op: "
                    '{{ kaart inzameling.opgehaald "euro opgehaald" }} {{ kaart inzameling.giften "giften" }}',
                    "## A turbulent year\n\nAfter the coup in Myanmar local colleagues lost their work. A "
                    "crowdfunding campaign within the VNG raised a fine sum: "
                    '{{ kaart inzameling.opgehaald "euros raised" }} {{ kaart inzameling.giften "gifts" }}',
                ),
            ),
        },
        order=740,
    )
)
