"""The demo: the 2020 noodopvang campaign over all 355 gemeenten of 2020, full coverage within two days."""

import pytest

from meent.leden.models import Membership
from meent.naleving import demo, selectors
from meent.naleving.models import Answer, Campaign, Target

pytestmark = pytest.mark.django_db


def test_demo_reaches_every_gemeente_of_2020_within_two_days_once():
    demo.load_demo()
    campaign = Campaign.objects.get(title=demo.TITLE)
    curve = selectors.curve(campaign)
    assert curve.total == 355 and curve.points[-1] == (46, 355) and curve.full_after_hours == 46
    assert curve.points[24][1] < 355  # not everyone on the first day: the reminder round had work to do
    assert Target.unscoped.filter(campaign=campaign, reminders=1).count() == 355 - curve.points[24][1]
    assert Membership.unscoped.filter(role=Membership.Role.COORDINATOR, answer__isnull=False).count() == 355
    assert selectors.reached(2020) == 355 and selectors.hours_to_full_coverage(2020) == 46
    from meent.core import registry
    from meent.naleving.models import Progress

    with registry.computing():
        values = registry.figures.values("naleving", 2020)
    assert values["gemeenten_bereikt"].number == 355 and values["uren_tot_volledige_dekking"].number == 46
    assert values["herinneringen"].number == Target.unscoped.filter(reminders=1).count()
    steps = [row.value for row in values["routekaart_stappen_gereed"].rows]
    assert len(steps) == 6 and steps == sorted(steps, reverse=True) and steps[0] > 0  # in progress, step by step
    progress = Progress.unscoped.count()
    demo.load_demo()
    assert Answer.unscoped.count() == 355 and Campaign.objects.count() == 1 and Progress.unscoped.count() == progress
