"""Test data for the helpdesk. Questions are made through the services, so deadlines are the real ones."""

import datetime
import itertools

import factory
from django.utils import timezone

from meent.international.crit import services
from meent.international.crit.models import Availability, Expert, Question, Topic
from meent.leden.models import Gemeente, Person

_n = itertools.count(1)


def make_question(
    *, verified: bool = True, at: datetime.datetime | None = None, attachments=(), **overrides
) -> Question:
    data = {
        "partner_name": "Association of Municipalities (test)",
        "contact_name": "Amara Diallo",
        "contact_email": f"partner{next(_n)}@example.org",
        "subject": "Crisis team",
        "text": "How does a Dutch safety region set up a crisis team?",
        "topic": Topic.CRISISBEHEERSING,
        "country": "ML",
        "language": "fr",
        "urgency": "normaal",
    }
    data.update(overrides)
    question = services.submit_question(attachments=attachments, at=at, **data)
    if verified:
        question = services.verify_question(services.verify_token(question), at=at)
    return question


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Expert{n}")
    last_name = "Fictief"


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(code="GM0599"))
    former_role = "Oud-burgemeester"
    expertise = factory.LazyFunction(lambda: [Topic.CRISISBEHEERSING, Topic.VEILIGHEIDSREGIO])
    languages = factory.LazyFunction(lambda: ["nl", "en", "fr"])

    @factory.post_generation
    def window(self, create, extracted, **kwargs):
        if create and extracted is not False:
            today = timezone.localdate()
            Availability.objects.create(
                expert=self, starts_on=today - datetime.timedelta(days=30), ends_on=today + datetime.timedelta(days=30)
            )
