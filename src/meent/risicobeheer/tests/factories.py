"""Test data of Risicobeheer."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from meent.leden.models import Gemeente, Veiligheidsregio
from meent.risicobeheer.models import Claim, PoolMember, Register, Risk, Scenario, Theme


def organisation_of(code: str):
    return Gemeente.objects.get(code=code).organisation


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    title = factory.Sequence(lambda n: f"Scenario {n}")
    description = "Gevolgen van een langdurige crisis."
    theme = Theme.FINANCIEN
    visibility = Scenario.Visibility.LEDEN
    author = factory.LazyFunction(lambda: organisation_of("GM0363"))
    published_on = datetime.date(2020, 5, 1)
    variants = factory.LazyFunction(lambda: ["Mild", "Zwaar"])


class RegisterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Register
        django_get_or_create = ("organisation",)

    organisation = factory.LazyFunction(lambda: organisation_of("GM0344"))


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    register = factory.SubFactory(RegisterFactory)
    title = factory.Sequence(lambda n: f"Risico {n}")
    theme = Theme.ICT
    cause = "Phishing"
    effect = "Systemen dicht"
    owner = "CIO"
    gross_likelihood = 4
    gross_impact = 5
    net_likelihood = 2
    net_impact = 4
    review_on = datetime.date(2030, 1, 1)
    created_at = factory.LazyFunction(timezone.now)


class PoolMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoolMember
        django_get_or_create = ("veiligheidsregio",)

    veiligheidsregio = factory.LazyFunction(lambda: Veiligheidsregio.objects.order_by("code").first())
    joined_on = datetime.date(2019, 1, 1)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    member = factory.SubFactory(PoolMemberFactory)
    incident_on = datetime.date(2020, 3, 1)
    description = "Val tijdens oefening"
    reserve = Decimal("10000.00")
