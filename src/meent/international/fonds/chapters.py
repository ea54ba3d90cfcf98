"""The grant fund's part of International's chapter of the annual report (2020 and 2021)."""

from meent.core.registry import ChapterDraft, Text, chapters

_FUND_NL = (
    "## Subsidiefonds voor lokale ontwikkeling\n\n"
    "Voor de Wereldbank beheert de vereniging een fonds van € 20 miljoen voor lokale ontwikkeling in Ethiopië. "
    "Maatschappelijke organisaties vragen subsidie aan, worden gescreend en getraind en faciliteren daarna de "
    "dialoog tussen burgers en overheid over basisdiensten.\n\n"
    '{{ kaart fonds.gemeenten_bereikt "gemeenten (woreda\'s) bereikt" }}\n\n'
    '{{ kaart fonds.ngos_getraind "maatschappelijke organisaties getraind" }}\n\n'
    "Uit het fonds is {{ fonds.toegekend }} euro toegekend en {{ fonds.uitbetaald }} euro uitbetaald; "
    "er resteert {{ fonds.resterend }} euro.\n\n"
    "{{ tabel fonds.aanvragen_per_status }}"
)
_FUND_EN = (
    "## Grant fund for local development\n\n"
    "For the World Bank the association manages a fund of € 20 million for local development in Ethiopia. NGOs "
    "apply, are screened and trained, and then facilitate the dialogue between citizens and government on basic "
    "services.\n\n"
    '{{ kaart fonds.gemeenten_bereikt "municipalities (woredas) reached" }}\n\n'
    '{{ kaart fonds.ngos_getraind "NGOs trained" }}\n\n'
    "The fund granted {{ fonds.toegekend }} euros and paid {{ fonds.uitbetaald }} euros; "
    "{{ fonds.resterend }} euros remain.\n\n"
    "{{ tabel fonds.aanvragen_per_status }}"
)

chapters.register(
    ChapterDraft(
        key="fonds",
        title=Text("International: subsidiefonds", "International: grant fund"),
        blocks={2020: (Text(_FUND_NL, _FUND_EN),), 2021: (Text(_FUND_NL, _FUND_EN),)},
        order=720,
    )
)
