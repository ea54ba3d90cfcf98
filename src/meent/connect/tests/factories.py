import datetime

import factory
from django.utils import timezone

from meent.connect.models import Assignment, Cohort, Course, Employment, Event, Registration, Session, Trainee


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Testcongres {n}")
    kind = Event.Kind.CONGRES
    format = Event.Format.FYSIEK
    starts_at = factory.LazyFunction(lambda: in_days(30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    venue = "Jaarbeurs, Utrecht"
    capacity = 10


class DigitalEventFactory(EventFactory):
    format = Event.Format.DIGITAAL
    venue = ""
    stream_url = "https://stream.example/live/abc"


class PastEventFactory(EventFactory):
    starts_at = factory.LazyFunction(lambda: in_days(-3))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    capacity = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written directly (bypassing seat counting): only for events whose seats tests do not count."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@voorbeeld.nl")
    status = Registration.Status.AANGEMELD


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Leergang {n}")
    days = 2


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Cohort {n}")
    start_date = datetime.date(2019, 9, 1)


class TraineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainee

    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Trainee {n}")
    email = factory.Sequence(lambda n: f"trainee{n}@voorbeeld.nl")
    cohort = factory.SubFactory(CohortFactory)


class EmploymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employment

    trainee = factory.SubFactory(TraineeFactory)
    start_date = datetime.date(2019, 9, 1)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    trainee = factory.SubFactory(TraineeFactory)
    title = "Opdracht"
    start_date = datetime.date(2020, 1, 1)
