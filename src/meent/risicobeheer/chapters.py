"""Risicobeheer's chapter of the annual report: the draft the report starts from, placing the figures by key."""

from meent.core.registry import ChapterDraft, Text, chapters

chapters.register(
    ChapterDraft(
        key="risicobeheer",
        title=Text("VNG Risicobeheer", "VNG Risicobeheer"),
        order=600,
        blocks={
            2020: (
                Text(
                    "VNG Risicobeheer ondersteunt gemeenten bij risicobeheer en scenariodenken. Het faciliteert het "
                    "Risico Platform Overheden, een professionele gemeenschap van gemeenten, hoger onderwijs en andere "
                    "partners; door corona kwamen de leden dit jaar online bijeen in het RPO Journaal.",
                    "VNG Risicobeheer supports gemeenten in risk management and scenario thinking. It runs the Risico "
                    "Platform Overheden, a professional community of gemeenten, higher education and other partners; "
                    "because of corona its members met online this year, in the RPO Journaal.",
                ),
                Text(
                    "**Coronascenario's.** Via VNG Risicobeheer ontstond een levendige uitwisseling van "
                    "coronascenario's, zodat niet elke gemeente de werkwijze opnieuw hoefde uit te vinden: "
                    '{{ kaart risicobeheer.scenarios_gedeeld "scenario\'s gedeeld" }} '
                    '{{ kaart risicobeheer.scenarios_hergebruikt "keer hergebruikt in een eigen risicoregister" }} '
                    "Omdat scenariodenken gemeenten helpt de koers te bepalen in onzekere tijden, zette VNG "
                    "Risicobeheer met Bureau De Ruijter een training scenariodenken op; de masterclasses worden in "
                    "2021 gehouden. In de risicoregisters staan {{ risicobeheer.risicos }} nieuwe risico's.",
                    "**Corona scenarios.** Through VNG Risicobeheer gemeenten exchanged corona scenarios, so that no "
                    "gemeente had to reinvent the approach: "
                    '{{ kaart risicobeheer.scenarios_gedeeld "scenarios shared" }} '
                    '{{ kaart risicobeheer.scenarios_hergebruikt "times reused in an own risk register" }} '
                    "Because scenario thinking helps gemeenten set their course in uncertain times, VNG Risicobeheer "
                    "and Bureau De Ruijter set up a scenario-thinking training; the master classes are held in 2021. "
                    "The risk registers hold {{ risicobeheer.risicos }} new risks.",
                ),
                Text(
                    "**Veiligheidsregio's dragen samen eigen risico.** De verzekeringsmarkt verhardt. De 25 "
                    "veiligheidsregio's werken met VNG Risicobeheer aan de financiering van het ongevallenrisico van "
                    "de brandweer: een fonds voor het eigen risico en samen inkopen van het verzekerbare deel. "
                    '{{ kaart risicobeheer.pool_deelnemers "veiligheidsregio\'s in de verzekeringspool" }} '
                    "De bijdragen waren € {{ risicobeheer.pool_bijdragen }}, er werden "
                    "{{ risicobeheer.pool_schades }} schades gemeld en het saldo van de pool is "
                    "€ {{ risicobeheer.pool_saldo }}.",
                    "**Safety regions carry their own risk together.** The insurance market is hardening. The 25 "
                    "safety regions work with VNG Risicobeheer on financing the accident risk of the fire services: a "
                    "fund for the own risk and a joint purchase of the insurable part. "
                    '{{ kaart risicobeheer.pool_deelnemers "safety regions in the insurance pool" }} '
                    "Contributions were € {{ risicobeheer.pool_bijdragen }}, {{ risicobeheer.pool_schades }} claims "
                    "were reported and the pool's balance is € {{ risicobeheer.pool_saldo }}.",
                ),
            )
        },
    )
)
