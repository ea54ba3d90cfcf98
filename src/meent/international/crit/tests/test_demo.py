from decimal import Decimal

import pytest

from meent.core import registry

pytestmark = pytest.mark.django_db


def test_the_demo_is_idempotent_and_gives_the_2020_figures():
    from meent.core.demo import load_accounts
    from meent.international.crit import demo
    from meent.international.crit.models import Question

    load_accounts()
    demo.load_demo()
    demo.load_demo()
    assert Question.objects.count() == len(demo.QUESTIONS)
    values = registry.figures.values("crit", 2020)
    assert values["vragen"].number == 11
    assert len(values["vragen_per_land"].rows) == 8
    assert values["experts_actief"].number == 5
    assert values["mediaan_eerste_antwoord"].number == 12  # the median of the demo's business hours
    assert values["tevredenheid"].number == Decimal("4.25")  # 34 points over 8 rated questions
