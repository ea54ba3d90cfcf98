"""Factories for Naleving's tests: a campaign with the noodopvang question, sent to a list of gemeenten."""

import datetime

import factory
from django.test import TestCase
from django.utils import timezone

from meent.leden.models import Gemeente, Membership
from meent.naleving import services
from meent.naleving.models import Campaign, Field

COORDINATOR_FIELDS = [
    ("naam", "Naam", Field.Kind.TEXT, Field.Purpose.NAME, {}),
    ("functie", "Functie", Field.Kind.TEXT, "", {}),
    ("email", "E-mailadres", Field.Kind.EMAIL, Field.Purpose.EMAIL, {}),
    ("telefoon", "Telefoon", Field.Kind.PHONE, Field.Purpose.PHONE, {}),
    ("bereikbaar", "Bereikbaarheid", Field.Kind.CHOICE, "", {"choices": "kantooruren\n24/7"}),
    ("vanaf", "Beschikbaar vanaf", Field.Kind.DATE, "", {"required": False}),
    ("plaatsen", "Plaatsen noodopvang", Field.Kind.NUMBER, "", {"min_value": 0, "max_value": 5000, "required": False}),
]


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Coördinator noodopvang {n}")
    question = "Wie is uw coördinator noodopvang?"
    target_kind = Campaign.TargetKind.LIST
    division_year = 2020
    fallback_email = "naleving@vereniging.example"
    answer_role = Membership.Role.COORDINATOR
    answer_role_label = "coördinator noodopvang"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    grace_days = 1


def make_campaign(codes=("GM0363", "GM0344"), *, sent: bool = True, **kwargs) -> Campaign:
    campaign = CampaignFactory.build(**kwargs)
    gemeenten = list(Gemeente.objects.filter(code__in=codes))
    services.create_campaign(campaign, by=None, gemeenten=gemeenten)
    for order, (key, label, kind, purpose, extra) in enumerate(COORDINATOR_FIELDS):
        services.add_field(
            Field(campaign=campaign, key=key, label=label, kind=kind, purpose=purpose, order=order, **extra)
        )
    if sent:
        with committed():
            services.send_campaign(campaign, by=None)
        campaign.refresh_from_db()
    return campaign


def committed():
    """Run what a change queued for after its commit (the test's own transaction never commits)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def answer_data(name: str = "Fatima el Amrani", email: str = "f.elamrani@amsterdam.example", **extra) -> dict:
    data = {
        "naam": name,
        "functie": "Teamleider onderwijs",
        "email": email,
        "telefoon": "020 555 0123",
        "bereikbaar": "24/7",
        "vanaf": "",
        "plaatsen": "",
    }
    data.update(extra)
    return data


def make_roadmap(steps: int = 4):
    from meent.naleving.models import Roadmap, Step

    roadmap = Roadmap.objects.create(title=f"Routekaart zorgfraude {Roadmap.objects.count() + 1}", division_year=2020)
    for number in range(1, steps + 1):
        Step.objects.create(roadmap=roadmap, number=number, title=f"Stap {number}", guidance="Zo doet u dat.")
    return roadmap


class GlobalGoalsMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "naleving.GlobalGoalsMember"

    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="GM0363"))
    joined = datetime.date(2018, 5, 1)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "naleving.Programme"

    title = factory.Sequence(lambda n: f"Bescherming arbeidsmigranten {n}")
    start = datetime.date(2021, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "naleving.Meeting"

    programme = factory.SubFactory(ProgrammeFactory)
    date = datetime.date(2021, 3, 1)
    agenda = "1. Opening\n2. Huisvesting"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "naleving.Decision"

    meeting = factory.SubFactory(MeetingFactory)
    text = "Handreiking huisvesting opstellen"
