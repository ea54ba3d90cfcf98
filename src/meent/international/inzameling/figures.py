"""Figures of the crowdfunding, from the gifts whose receipt staff confirmed, by the year they were pledged."""

from meent.core.registry import Figure, Record, Text, Unit, figures
from meent.international.inzameling import selectors


def _gift_records(year: int, user) -> list[Record]:
    if not user.has_perm("inzameling.manage"):
        return []
    return [
        Record(label=f"{gift.campaign}: {gift.public_name}", detail=f"€ {gift.amount}")
        for gift in selectors.gifts_of(year).select_related("campaign").order_by("pledged_at", "pk")
    ]


figures.register(
    Figure(
        key="inzameling.opgehaald",
        label=Text("Opgehaald bij inzamelingen", "Raised by collections"),
        definition=Text(
            "De som in euro van de giften aan inzamelingen onder medewerkers die in het jaar zijn toegezegd en "
            "waarvan International de ontvangst heeft bevestigd.",
            "The sum in euros of the gifts to collections among staff pledged in the year whose receipt "
            "International confirmed.",
        ),
        unit=Unit.EURO,
        years=selectors.gift_years,
        compute=selectors.raised_in,
        order=740,
    )
)
figures.register(
    Figure(
        key="inzameling.giften",
        label=Text("Giften aan inzamelingen", "Gifts to collections"),
        definition=Text(
            "Het aantal in het jaar toegezegde giften waarvan de ontvangst is bevestigd.",
            "The number of gifts pledged in the year whose receipt was confirmed.",
        ),
        unit=Unit.AANTAL,
        years=selectors.gift_years,
        compute=lambda year: selectors.gifts_of(year).count(),
        records=_gift_records,
        order=741,
    )
)
