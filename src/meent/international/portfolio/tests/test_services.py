import datetime
from decimal import Decimal

import pytest

from meent.core.refusals import ConflictRefused, Refused
from meent.international.portfolio import services
from meent.international.portfolio.models import AppendOnly, Status, StatusChange
from meent.international.portfolio.tests.factories import make_project
from meent.leden.services import create_organisation

D = datetime.date
NEW_YEAR = D(2021, 1, 1)


def _change(project, to_status, date=NEW_YEAR, reason="staatsgreep", explanation="Staatsgreep in de hoofdstad."):
    return services.change_status(project, to_status=to_status, date=date, reason=reason, explanation=explanation)


@pytest.mark.django_db
def test_the_allowed_path_is_appended_to_the_history():
    project = make_project()
    _change(project, Status.ACTIVE, D(2020, 1, 1), "start", "Begonnen.")
    _change(project, Status.SUSPENDED, D(2020, 8, 20))
    _change(project, Status.RESUMED, D(2020, 10, 1), "verbeterd", "Weer rustig.")
    _change(project, Status.COMPLETED, D(2022, 12, 31), "afgerond", "Klaar.")
    project.refresh_from_db()
    assert project.status == Status.COMPLETED
    steps = list(project.status_changes.values_list("from_status", "to_status"))
    assert steps == [
        ("", "voorbereiding"),
        ("voorbereiding", "actief"),
        ("actief", "opgeschort"),
        ("opgeschort", "hervat"),
        ("hervat", "afgerond"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], Status.SUSPENDED),
        ([Status.ACTIVE], Status.RESUMED),
        ([Status.ACTIVE, Status.STOPPED], Status.ACTIVE),
        ([Status.ACTIVE, Status.COMPLETED], Status.SUSPENDED),
    ],
)
def test_an_illegal_transition_is_refused_with_a_clear_message(path, target):
    project = make_project()
    for status in path:
        _change(project, status)
    with pytest.raises(ConflictRefused) as refused:
        _change(project, target)
    assert "kan niet naar" in str(refused.value)
    project.refresh_from_db()
    assert project.status == (path[-1] if path else Status.PREPARATION)
    assert project.status_changes.count() == 1 + len(path)


@pytest.mark.django_db
def test_a_change_needs_a_reason_an_explanation_and_a_date_in_order():
    project = make_project()
    _change(project, Status.ACTIVE, D(2020, 6, 1))
    with pytest.raises(Refused, match="Licht"):
        _change(project, Status.SUSPENDED, explanation="  ")
    with pytest.raises(Refused, match="reden"):
        _change(project, Status.SUSPENDED, reason="zomaar")
    with pytest.raises(Refused, match="vóór de vorige"):
        _change(project, Status.SUSPENDED, date=D(2020, 5, 1))
    assert project.status_changes.count() == 2


@pytest.mark.django_db
def test_the_history_is_never_edited():
    project = make_project()
    change = StatusChange.objects.get(project=project)
    change.explanation = "Anders"
    with pytest.raises(AppendOnly):
        change.save()
    with pytest.raises(AppendOnly):
        change.delete()


@pytest.mark.django_db
def test_funding_in_another_currency_keeps_amount_rate_and_euro():
    project = make_project()
    donor = create_organisation(name="USAID (test)", kind="donor", country="US")
    funding = services.add_funding(
        project, donor=donor, amount=Decimal("1000000"), currency="usd", rate=Decimal("0.8421"), signed_on=D(2020, 1, 1)
    )
    assert (funding.currency, funding.amount, funding.amount_eur) == ("USD", Decimal(1000000), Decimal("842100.00"))
    with pytest.raises(Refused):
        services.add_funding(project, donor=donor, amount=Decimal(1), currency="EURO", signed_on=D(2020, 1, 1))


@pytest.mark.django_db
def test_country_shares_add_up_to_100():
    with pytest.raises(Refused, match="100"):
        make_project(countries={"ML": 60, "NE": 30})
    with pytest.raises(Refused, match="Onbekende"):
        make_project(countries={"QQ": 100})
