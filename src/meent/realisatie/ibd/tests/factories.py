"""Test data for the incident desk. Incidents are made through the service, so numbering and service-level
dates are the real ones."""

import datetime
import itertools

import factory
from django.utils import timezone

from meent.leden.models import Gemeente, Person
from meent.realisatie.ibd import services
from meent.realisatie.ibd.models import TLP, Category, Expert, Impact, RequestType

_titles = itertools.count(1)


def make_incident(reporter, *, tlp: str = TLP.AMBER, recipients=(), **overrides):
    reported_at = overrides.pop("reported_at", None) or timezone.now()
    data = {
        "title": f"Testincident {next(_titles)}",
        "description": "Phishingmail van factuur@evil-example.test met link hxxp://login-evil[.]test/inlog",
        "detected_at": reported_at - datetime.timedelta(hours=1),
        "category": Category.PHISHING,
        "request_type": RequestType.HULPVRAAG,
        "impact": Impact.AANZIENLIJK,
    }
    data.update(overrides)
    return services.report_incident(reporter=reporter, tlp=tlp, recipients=recipients, reported_at=reported_at, **data)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Expert{n}")
    last_name = "Fictief"


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    person = factory.SubFactory(PersonFactory)
    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="GM0599"))
    expertise = "forensisch, ransomware"
    available = True
