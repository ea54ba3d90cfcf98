"""The association's own chapter of the annual report, with the members registry's figures."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="leden",
        title=Text("De vereniging", "The association"),
        order=100,
        blocks={
            year: (
                Text(
                    "De vereniging verbindt alle gemeenten in Nederland en de openbare lichamen in het Caribisch "
                    "deel van het Koninkrijk. Op 1 januari waren dat {{ leden.gemeenten }} gemeenten; "
                    "{{ leden.herindelingen }} gemeenten ontstonden of groeiden die dag door een herindeling. "
                    "Naast de vereniging vallen vijf bedrijven onder de VNG; hun hoofdstukken volgen.",
                    "The association connects all municipalities of the Netherlands and the public bodies in the "
                    "Caribbean part of the Kingdom. On 1 January there were {{ leden.gemeenten }} municipalities; "
                    "{{ leden.herindelingen }} were formed or enlarged that day by a merger. Five companies belong "
                    "to the association; their chapters follow.",
                ),
                Text(
                    '{{ kaart leden.veiligheidsregios "veiligheidsregio\'s" }}\n\n'
                    "De veiligheidsregio's werken samen met de vereniging aan de financiering van het "
                    "ongevallenrisico van de brandweer.",
                    '{{ kaart leden.veiligheidsregios "safety regions" }}\n\n'
                    "The safety regions work with the association on financing the fire services' accident risk.",
                ),
            )
            for year in (2020, 2021)
        },
    )
)
