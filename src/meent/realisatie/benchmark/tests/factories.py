"""Test data of the open-data site. Areas come from ``services.ensure_areas()`` (the registry's gemeenten)."""

import datetime

import factory

from meent.realisatie.benchmark.models import Indicator, Observation, Period, Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"bron-{n}")
    name = factory.LazyAttribute(lambda o: f"Bron {o.key}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.LazyAttribute(lambda o: o.code.capitalize())


class YearFactory(factory.django.DjangoModelFactory):
    """A calendar year as a period (``code`` "2022")."""

    class Meta:
        model = Period
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: str(2000 + n))
    kind = Period.Kind.JAAR
    start = factory.LazyAttribute(lambda o: datetime.date(int(o.code), 1, 1))
    end = factory.LazyAttribute(lambda o: datetime.date(int(o.code), 12, 31))


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(YearFactory)
    source = factory.SubFactory(SourceFactory)
    value = 1
