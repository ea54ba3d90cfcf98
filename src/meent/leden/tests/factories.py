"""Test data of the registry. Gemeenten, provinces and veiligheidsregio's come from the shipped reference data
(``ensure_reference_data``), never from factories: these make the organisations and people around them."""

import factory

from meent.leden.models import Membership, Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    kind = Organisation.Kind.OVERIG


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Test{n}")
    last_name = "Persoon"


class MembershipFactory(factory.django.DjangoModelFactory):
    """A person's role at an organisation; pass ``organisation=gemeente.organisation`` for a gemeente."""

    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.CONTACTPERSOON
