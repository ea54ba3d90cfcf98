"""Key figures of VNG International's portfolio, computed from projects, their spending per year, donors, status
history and employments (registered in ``meent.core.registry``)."""

from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django_countries import countries as iso

from meent.core.registry import Figure, Record, Row, Text, Unit, figures
from meent.international.portfolio import selectors
from meent.international.portfolio.selectors import DonorType


def _whole(value: Decimal | None) -> int | None:
    return None if value is None else int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _percent(value: Decimal | None) -> int | Decimal | None:
    """A share with one decimal, written as a whole number when it is one (51 %, not 51,0 %)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def _project_url(project) -> str:
    return reverse("portfolio:project-detail", args=[project.pk])


def _countries(year: int) -> int:
    return len(selectors.active_countries(year))


def _country_records(year: int, user) -> list[Record]:
    if not user.has_perm("portfolio.view_portfolio"):
        return []
    activity = selectors.country_activity(year)
    return [
        Record(
            str(iso.name(code)),
            reverse("portfolio:project-list") + f"?land={code}&jaar={year}",
            ", ".join(p.code for p in activity.get(code, [])),
        )
        for code in selectors.active_countries(year)
    ]


def _type_share(kind: str):
    def compute(year: int) -> int | Decimal | None:
        return _percent(selectors.share(selectors.funding_by_type(year)[kind], selectors.turnover(year)))

    return compute


def _donor_rows(year: int) -> list[Row]:
    total = selectors.turnover(year)
    return [
        Row(share.donor.name, _percent(selectors.share(share.amount, total)), str(DonorType.LABELS[share.kind]))
        for share in selectors.funding_by_donor(year)
    ]


def _status_rows(year: int) -> list[Row]:
    return [Row(label, count) for _value, label, count in selectors.projects_by_status(year)]


def _staff(where: str):
    def compute(year: int) -> int:
        return selectors.staff(year)[where].headcount

    return compute


def _staff_years() -> list[int]:
    # Staff are counted for the years the company reports on (those with a portfolio).
    return sorted(set(selectors.staff_years()) & set(selectors.portfolio_years()))


def _strategic(attribute):
    def compute(year: int) -> int | None:
        programme = selectors.strategic_programmes(year).first()
        return None if programme is None else attribute(programme)

    return compute


def _strategic_years() -> list[int]:
    return [year for year in selectors.portfolio_years() if selectors.strategic_programmes(year).exists()]


def _regional_budget(year: int) -> int | None:
    budgets = [p.budget_eur for p in selectors.regional_programmes(year)]
    return _whole(sum(budgets)) if budgets else None


def _regional_years() -> list[int]:
    return [year for year in selectors.portfolio_years() if selectors.regional_programmes(year).exists()]


def _disruption_label(change) -> str:
    names = ", ".join(str(iso.name(c.country)) for c in change.project.countries.all())
    return f"{change.project.title} ({names})"


def _disruption_rows(year: int) -> list[Row]:
    return [
        Row(_disruption_label(c), 1, f"{c.get_to_status_display()}: {c.get_reason_display()}", _project_url(c.project))
        for c in selectors.disruptions(year)
    ]


def _disruption_records(year: int, user) -> list[Record]:
    if not user.has_perm("portfolio.view_portfolio"):
        return []
    return [
        Record(_disruption_label(c), _project_url(c.project), f"{c.get_to_status_display()}: {c.get_reason_display()}")
        for c in selectors.disruptions(year)
    ]


for figure in (
    Figure(
        key="portfolio.landen",
        label=Text("Landen waar VNG International werkt", "Countries where VNG International works"),
        definition=Text(
            "Aantal verschillende landen van de projecten met gerealiseerde uitgaven in het jaar.",
            "Number of distinct countries of the projects with realised spending in the year.",
        ),
        unit=Unit.AANTAL,
        years=selectors.portfolio_years,
        compute=_countries,
        records=_country_records,
        order=700,
    ),
    Figure(
        key="portfolio.omzet",
        label=Text("Omzet VNG International", "Turnover of VNG International"),
        definition=Text(
            "Som van de gerealiseerde uitgaven van alle projecten in het jaar, in euro.",
            "Sum of the realised spending of all projects in the year, in euro.",
        ),
        unit=Unit.EURO,
        years=selectors.portfolio_years,
        compute=lambda year: _whole(selectors.turnover(year)),
        order=701,
    ),
    Figure(
        key="portfolio.aandeel_internationaal",
        label=Text("Financiering door internationale donoren", "Funding by international donors"),
        definition=Text(
            "Deel van de omzet betaald door internationale donoren (EU, Wereldbank, USAID …); de uitgaven van een "
            "project zijn naar rato van de gecontracteerde bedragen over zijn donoren verdeeld.",
            "Share of turnover paid by international donors (EU, World Bank, USAID …); a project's spending is "
            "divided over its donors in proportion to their contracted amounts.",
        ),
        unit=Unit.PROCENT,
        years=selectors.portfolio_years,
        compute=_type_share(DonorType.INTERNATIONAL),
        order=702,
    ),
    Figure(
        key="portfolio.aandeel_ministerie",
        label=Text("Financiering door de Nederlandse overheid", "Funding by the Dutch government"),
        definition=Text(
            "Deel van de omzet betaald door de Nederlandse overheid (het ministerie van Buitenlandse Zaken, "
            "gemeenten), verdeeld als bij de internationale donoren.",
            "Share of turnover paid by the Dutch government (the Ministry of Foreign Affairs, gemeenten), divided "
            "as for the international donors.",
        ),
        unit=Unit.PROCENT,
        years=selectors.portfolio_years,
        compute=_type_share(DonorType.DUTCH_GOVERNMENT),
        order=703,
    ),
    Figure(
        key="portfolio.financiers",
        label=Text("Financiers naar aandeel in de omzet", "Funders by share of turnover"),
        definition=Text(
            "Per donor het percentage van de omzet dat hij betaalde, grootste eerst.",
            "Per donor the percentage of turnover it paid, largest first.",
        ),
        unit=Unit.PROCENT,
        years=selectors.portfolio_years,
        compute=_donor_rows,
        order=704,
    ),
    Figure(
        key="portfolio.projecten_per_status",
        label=Text("Projecten per status", "Projects by status"),
        definition=Text(
            "Aantal projecten per status op 31 december, volgens hun statushistorie.",
            "Number of projects per status on 31 December, from their status history.",
        ),
        unit=Unit.AANTAL,
        years=selectors.portfolio_years,
        compute=_status_rows,
        order=705,
    ),
    Figure(
        key="portfolio.staf_nederland",
        label=Text("Stafmedewerkers in Nederland", "Staff in the Netherlands"),
        definition=Text(
            "Aantal personen op 31 december in dienst van een kantoor in Nederland.",
            "Number of people employed on 31 December at an office in the Netherlands.",
        ),
        unit=Unit.AANTAL,
        years=_staff_years,
        compute=_staff("nl"),
        order=706,
    ),
    Figure(
        key="portfolio.staf_buitenland",
        label=Text("Stafmedewerkers in het buitenland", "Staff abroad"),
        definition=Text(
            "Aantal personen op 31 december in dienst van een regionaal kantoor of veldkantoor buiten Nederland.",
            "Number of people employed on 31 December at a regional or field office outside the Netherlands.",
        ),
        unit=Unit.AANTAL,
        years=_staff_years,
        compute=_staff("abroad"),
        order=707,
    ),
    Figure(
        key="portfolio.strategisch_budget",
        label=Text("Budget strategisch programma met Buitenlandse Zaken", "Budget of the strategic programme"),
        definition=Text(
            "Budget van het strategische meerjarenprogramma met het ministerie van Buitenlandse Zaken dat in of "
            "vóór het jaar is overeengekomen en nog loopt.",
            "Budget of the strategic multi-year programme with the Ministry of Foreign Affairs agreed in or before "
            "the year and still running.",
        ),
        unit=Unit.EURO,
        years=_strategic_years,
        compute=_strategic(lambda p: _whole(p.budget_eur)),
        order=708,
    ),
    Figure(
        key="portfolio.strategisch_jaren",
        label=Text("Looptijd strategisch programma (jaren)", "Duration of the strategic programme (years)"),
        definition=Text(
            "Aantal kalenderjaren dat het strategische programma loopt.",
            "Number of calendar years the strategic programme runs.",
        ),
        unit=Unit.AANTAL,
        years=_strategic_years,
        compute=_strategic(lambda p: p.years),
        order=709,
    ),
    Figure(
        key="portfolio.strategisch_themas",
        label=Text("Thema's strategisch programma", "Themes of the strategic programme"),
        definition=Text(
            "Aantal thema's van het strategische programma.", "Number of themes of the strategic programme."
        ),
        unit=Unit.AANTAL,
        years=_strategic_years,
        compute=_strategic(lambda p: p.themes.count()),
        order=710,
    ),
    Figure(
        key="portfolio.strategisch_landen",
        label=Text("Landen strategisch programma", "Countries of the strategic programme"),
        definition=Text(
            "Aantal landen waar het strategische programma in eerste instantie wordt uitgevoerd.",
            "Number of countries where the strategic programme is first carried out.",
        ),
        unit=Unit.AANTAL,
        years=_strategic_years,
        compute=_strategic(lambda p: len(p.countries)),
        order=711,
    ),
    Figure(
        key="portfolio.jeugdprogramma_budget",
        label=Text("Budget programma's regionaal kantoor (CILG)", "Budget of the regional office's programmes (CILG)"),
        definition=Text(
            "Budget van de lopende programma's van het regionale kantoor in Tunis (CILG), zoals het EU-programma "
            "voor gemeentelijk jeugdbeleid.",
            "Budget of the running programmes of the regional office in Tunis (CILG), such as the EU programme on "
            "municipal youth policy.",
        ),
        unit=Unit.EURO,
        years=_regional_years,
        compute=_regional_budget,
        order=712,
    ),
    Figure(
        key="portfolio.onderbroken",
        label=Text("Projecten gestopt of opgeschort", "Projects stopped or suspended"),
        definition=Text(
            "Aantal keren dat een project in het jaar werd opgeschort of gestopt, met de reden uit de statushistorie.",
            "Number of times a project was suspended or stopped in the year, with the reason from its history.",
        ),
        unit=Unit.AANTAL,
        years=selectors.portfolio_years,
        compute=lambda year: selectors.disruptions(year).count(),
        records=_disruption_records,
        order=713,
    ),
    Figure(
        key="portfolio.onderbrekingen",
        label=Text("Gestopte en opgeschorte projecten", "Stopped and suspended projects"),
        definition=Text(
            "De opschortingen en stopzettingen van het jaar met hun reden.",
            "The year's suspensions and stops with their reason.",
        ),
        unit=Unit.AANTAL,
        years=selectors.portfolio_years,
        compute=_disruption_rows,
        order=714,
    ),
):
    figures.register(figure)
