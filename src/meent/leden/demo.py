"""Demo organisations and contacts. The organisations are real public bodies and funders named in the annual
report; every person is fictitious."""

from meent.leden import services
from meent.leden.models import Gemeente, Membership, Organisation, Person

ORGANISATIONS = [
    ("Ministerie van Volksgezondheid, Welzijn en Sport (VWS)", Organisation.Kind.MINISTERIE, "NL"),
    ("Ministerie van Sociale Zaken en Werkgelegenheid (SZW)", Organisation.Kind.MINISTERIE, "NL"),
    ("Ministerie van Justitie en Veiligheid (JenV)", Organisation.Kind.MINISTERIE, "NL"),
    ("Ministerie van Buitenlandse Zaken", Organisation.Kind.MINISTERIE, "NL"),
    ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)", Organisation.Kind.MINISTERIE, "NL"),
    ("Nationaal Cyber Security Centrum (NCSC)", Organisation.Kind.OVERHEID, "NL"),
    ("Europese Unie", Organisation.Kind.DONOR, "BE"),
    ("Wereldbank", Organisation.Kind.DONOR, "US"),
    ("United States Agency for International Development (USAID)", Organisation.Kind.DONOR, "US"),
    ("Centre for Innovative Local Governance (CILG)", Organisation.Kind.PARTNER, "TN"),
    ("Association of Ethiopian Cities (fictief)", Organisation.Kind.PARTNER, "ET"),
    ("Bureau De Ruijter", Organisation.Kind.LEVERANCIER, "NL"),
    ("Telecomleverancier Voorbeeld B.V. (fictief)", Organisation.Kind.LEVERANCIER, "NL"),
    ("Stichting Burgerdialoog Ethiopië (fictief)", Organisation.Kind.NGO, "ET"),
]

# (first name, last name, gemeente code, role): fictitious contacts at a few gemeenten.
CONTACTS = [
    ("Sanne", "de Vries", "GM0363", Membership.Role.CISO),
    ("Joost", "Bakker", "GM0363", Membership.Role.CONTACTPERSOON),
    ("Fatima", "El Amrani", "GM0344", Membership.Role.CISO),
    ("Pieter", "Jansen", "GM0344", Membership.Role.COORDINATOR),
    ("Lotte", "Visser", "GM0599", Membership.Role.ISO),
    ("Henk", "Smit", "GM1735", Membership.Role.CISO),
    ("Eva", "Mulder", "GM0518", Membership.Role.COORDINATOR),
]


def load_demo() -> None:
    for name, kind, country in ORGANISATIONS:
        services.create_organisation(name=name, kind=kind, country=country)
    for first_name, last_name, code, role in CONTACTS:
        # Found again by address: other modules' demos may hold people of the same name.
        person, _ = Person.objects.get_or_create(
            email=f"{first_name.lower()}.{last_name.lower().replace(' ', '')}@demo.meent.example",
            defaults={"first_name": first_name, "last_name": last_name},
        )
        services.add_membership(person=person, organisation=Gemeente.objects.get(code=code).organisation, role=role)
