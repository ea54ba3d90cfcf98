"""The demo's records give the annual report's figures (seeds 2020 and 2021), computed, never typed in."""

from decimal import Decimal

from meent.core import registry
from meent.international.portfolio import selectors
from meent.international.portfolio.demo import load_demo
from meent.international.portfolio.models import Project, ProjectYear, StatusChange


def _number(key: str, year: int):
    with registry.computing():
        return registry.figures[key].value(year).number


def test_the_demo_gives_the_seed_figures(demo):
    assert _number("portfolio.landen", 2020) == 32
    assert _number("portfolio.landen", 2021) == 39
    assert _number("portfolio.omzet", 2020) == 23_400_000
    assert _number("portfolio.aandeel_internationaal", 2020) == 51
    assert _number("portfolio.aandeel_ministerie", 2020) == 43
    assert _number("portfolio.staf_nederland", 2020) == 54
    assert _number("portfolio.staf_buitenland", 2020) == 130
    assert _number("portfolio.strategisch_budget", 2021) == 50_000_000
    assert _number("portfolio.strategisch_jaren", 2021) == 5
    assert _number("portfolio.strategisch_themas", 2021) == 4
    assert _number("portfolio.strategisch_landen", 2021) == 10
    assert _number("portfolio.jeugdprogramma_budget", 2020) == 9_000_000
    # The strategic programme was agreed in 2021: in 2020 there is none.
    assert _number("portfolio.strategisch_budget", 2020) is None


def test_the_disruptions_of_2021_are_the_coups_and_ethiopia(demo):
    changes = selectors.disruptions(2021)
    countries = sorted({c.country.code for change in changes for c in change.project.countries.all()})
    assert countries == ["ET", "ML", "MM", "SD"]
    reasons = {change.project.code: change.reason for change in changes}
    assert reasons["ethiopie-regionale-steden"] == "evacuatie"
    assert reasons["myanmar-lokaal-bestuur"] == "staatsgreep"
    assert Project.objects.get(code="myanmar-lokaal-bestuur").status == "gestopt"


def test_a_years_figures_follow_the_records(demo):
    """Change a record and the figure follows: they are computed, not stored."""
    row = ProjectYear.objects.get(project__code="suriname-districten", year=2020)
    row.realised_eur += Decimal(100_000)
    row.save()
    assert _number("portfolio.omzet", 2020) == 23_500_000
    ProjectYear.objects.filter(project__code="suriname-districten", year=2020).update(realised_eur=0)
    assert _number("portfolio.landen", 2020) == 31


def test_the_demo_loads_once(demo):
    before = (Project.objects.count(), StatusChange.objects.count())
    load_demo()
    assert (Project.objects.count(), StatusChange.objects.count()) == before


def test_staff_are_counted_on_31_december_from_their_dates(demo):
    # Yangon's twelve left on 30 June 2021, Nairobi's eight and three in The Hague joined in March 2021.
    assert _number("portfolio.staf_nederland", 2021) == 57
    assert _number("portfolio.staf_buitenland", 2021) == 126


def test_projects_by_status_follow_the_history(demo):
    with registry.computing():
        rows = {row.label: row.value for row in registry.figures["portfolio.projecten_per_status"].value(2021).rows}
    assert rows["Gestopt"] == 1 and rows["Opgeschort"] == 4 and rows["In voorbereiding"] == 2
