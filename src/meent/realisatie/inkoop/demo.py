"""Demo contracts of joint procurement and the participants' yearly figures over their six-year terms.

Every figure is one gemeente's cost in one year, derived from its inhabitants and a price per inhabitant (with a
spread per gemeente), and goes in through the same checked import as a real file: 2020 for the division of 2020,
then the herindelingen of 2021 on carry the participations to the successors, then 2021–2025 for the gemeenten
of those years. The savings of the report (about € 50 million a year, € 300 million over the term) come out of
these records; no total is typed in anywhere."""

import datetime
import hashlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django_scopes import scopes_disabled

from meent.leden.models import Gemeente, Population, Succession
from meent.realisatie.inkoop import services
from meent.realisatie.inkoop.models import Category, Contract, Gibit, Participation
from meent.realisatie.inkoop.parsing import Line

START = datetime.date(2020, 1, 1)
TERM = 6
CENT = Decimal("0.01")


@dataclass(frozen=True)
class DemoContract:
    title: str
    category: str
    supplier: str
    price: Decimal  # euro per inhabitant per year without the joint contract, at the prices of the tender (fixed)
    discount: tuple[float, float]  # the range of what the joint price saves a gemeente
    share: float  # the chance that a gemeente takes part


CONTRACTS = [
    DemoContract(
        "Mobiele telefonie en data",
        Category.MOBIEL,
        "Telecomgroep Lage Landen B.V. (fictief)",
        Decimal("4.70"),
        (0.22, 0.34),
        0.85,
    ),
    DemoContract(
        "Vaste telefonie en datacommunicatie",
        Category.TELECOM,
        "NetVerbind Nederland B.V. (fictief)",
        Decimal("4.50"),
        (0.16, 0.28),
        0.80,
    ),
    DemoContract(
        "Printers en multifunctionals",
        Category.PRINTERS,
        "PrintPartners Benelux B.V. (fictief)",
        Decimal("3.05"),
        (0.19, 0.31),
        0.75,
    ),
    DemoContract(
        "Kantoorsoftwarelicenties",
        Category.SOFTWARE,
        "Licentiehuis B.V. (fictief)",
        Decimal("3.70"),
        (0.10, 0.20),
        0.60,
    ),
]
ALWAYS = {"GM0344", "GM0363"}  # the demo accounts' gemeenten (Utrecht, Amsterdam) take part in every contract
LATE_JOINERS = 0.03  # of those not taking part in 2020, the share that joins in 2021


def _chance(*parts: str) -> float:
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _inhabitants() -> dict[int, int]:
    """Inhabitants per gemeente: the 2020 count, and for a successor its share of its predecessors'."""
    counts = dict(Population.objects.filter(year=2020).values_list("gemeente", "inhabitants"))
    successors: dict[int, list[int]] = {}
    for succession in Succession.objects.all():
        successors.setdefault(succession.predecessor_id, []).append(succession.successor_id)
    result = dict(counts)
    for predecessor, targets in successors.items():
        for target in targets:
            result[target] = result.get(target, 0) + counts.get(predecessor, 0) // len(targets)
    return result


def _takes_part(code: str, contract: DemoContract) -> bool:
    return code in ALWAYS or _chance(code, contract.title, "deelname") < contract.share


def _line(number: int, contract: Contract, demo: DemoContract, gemeente: Gemeente, year: int, people: int, **extra):
    spread = Decimal(0.85 + 0.3 * _chance(gemeente.code, demo.title, "prijs")).quantize(Decimal("0.001"))
    low, high = demo.discount
    discount = Decimal(low + (high - low) * _chance(gemeente.code, demo.title, "korting")).quantize(Decimal("0.001"))
    baseline = (people * demo.price * spread).quantize(CENT, ROUND_HALF_UP)
    cost = (baseline * (1 - discount)).quantize(CENT, ROUND_HALF_UP)
    values = {
        "contract": contract.number,
        "gemeente": gemeente.code,
        "jaar": str(year),
        "basiskosten": str(baseline),
        "contractkosten": str(cost),
        **extra,
    }
    return Line(number, values)


def _contract(demo: DemoContract) -> Contract:
    existing = Contract.objects.filter(title=demo.title, start_date=START).first()
    return existing or services.create_contract(
        by=None,
        title=demo.title,
        category=demo.category,
        supplier=demo.supplier,
        start_date=START,
        term_years=TERM,
        extension_options=2,
        gibit_version=Gibit.GIBIT_2019,
    )


@transaction.atomic
def load_demo() -> None:
    with scopes_disabled():
        people = _inhabitants()
        contracts = [(demo, _contract(demo)) for demo in CONTRACTS]
        first = list(Gemeente.objects.municipalities().in_year(START.year))
        lines = [
            _line(i, contract, demo, g, START.year, people.get(g.pk, 0))
            for i, (demo, contract, g) in enumerate(
                ((d, c, g) for d, c in contracts for g in first if _takes_part(g.code, d)), start=2
            )
        ]
        services.store_rows(services.check_lines(lines), by=None)  # carries 2020's participants to successors
        known = {(p.contract_id, p.gemeente_id): p for p in Participation.unscoped.all()}
        lines = []
        for year in range(START.year + 1, START.year + TERM):
            for g in Gemeente.objects.municipalities().in_year(year):
                for demo, contract in contracts:
                    extra = {}
                    participation = known.get((contract.pk, g.pk))
                    if participation is not None:
                        if not participation.covers_year(year):
                            continue
                    elif _chance(g.code, demo.title, "later") < LATE_JOINERS:
                        extra = {"vanaf": f"{START.year + 1}-01-01"}
                    else:
                        continue
                    lines.append(_line(len(lines) + 2, contract, demo, g, year, people.get(g.pk, 0), **extra))
        services.store_rows(services.check_lines(lines), by=None)
