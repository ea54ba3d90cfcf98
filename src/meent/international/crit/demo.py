"""Demo: the helpdesk in 2020 — a pool of fictitious (former) officials, one with a login (``crit-expert``), and
questions from partners in several countries, answered, closed and rated; one summary shared with the sounding
board. The figures come from these records. Idempotent: a second run finds the pool and adds nothing."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from meent.core.business_hours import add_business_hours
from meent.core.demo import DEMO_PASSWORD
from meent.core.roles import Role
from meent.international.crit import services
from meent.international.crit.models import Expert, Topic
from meent.leden import services as leden
from meent.leden.models import Account, Gemeente, Organisation, Person

AMS = ZoneInfo("Europe/Amsterdam")

# (first, last, gemeente code, former role, expertise, languages)
POOL = [
    (
        "Henk",
        "de Veer",
        "GM0599",
        "Oud-burgemeester, voorzitter veiligheidsregio",
        ["crisisbeheersing", "veiligheidsregio"],
        ["nl", "en"],
    ),
    ("Fatima", "El Amrani", "GM0363", "Adviseur crisiscommunicatie", ["communicatie", "covid"], ["nl", "en", "fr"]),
    ("Marieke", "Jansen", "GM0344", "Oud-wethouder zorg", ["psychosociaal", "covid"], ["nl", "en"]),
    ("Pieter", "Bos", "GM0014", "Oud-gemeentesecretaris", ["dienstverlening", "crisisbeheersing"], ["nl", "fr"]),
    ("Sanne", "Mulder", "GM0518", "GGD-arts", ["covid", "psychosociaal"], ["nl", "en", "fr"]),
]
# (days after 1 March 2020, country, language, topic, urgency, subject, partner or None, answering expert index,
#  business hours to the first answer, satisfaction or None)
QUESTIONS = [
    (16, "ML", "fr", Topic.CRISISBEHEERSING, "hoog", "Cellule de crise communale", "amm", 0, 3, 5),
    (17, "ET", "en", Topic.COVID, "hoog", "Hand-washing stations in markets", None, 4, 5, 4),
    (23, "MZ", "en", Topic.COMMUNICATIE, "normaal", "Radio messages for rural districts", None, 1, 12, 4),
    (30, "PS", "en", Topic.PSYCHOSOCIAAL, "normaal", "Support for health workers", "apla", 2, 9, 5),
    (45, "TN", "fr", Topic.COMMUNICATIE, "normaal", "Informer les citoyens sur le couvre-feu", None, 1, 15, 3),
    (60, "UA", "en", Topic.VEILIGHEIDSREGIO, "laag", "Inter-municipal cooperation in a crisis", None, 0, 30, 4),
    (75, "BF", "fr", Topic.DIENSTVERLENING, "normaal", "État civil à distance", None, 3, 14, None),
    (110, "ET", "en", Topic.COVID, "normaal", "Reopening schools safely", None, 4, 6, 5),
    (150, "GH", "en", Topic.CRISISBEHEERSING, "normaal", "Flood and pandemic at once", None, 0, 20, None),
    (200, "ML", "fr", Topic.PSYCHOSOCIAAL, "laag", "Soutien aux familles isolées", "amm", 4, 40, 4),
    (240, "MZ", "en", Topic.COVID, "hoog", "Quarantine centres and the council", None, 2, 4, None),
]
PARTNERS = {
    "amm": ("Association des Municipalités du Mali (demo)", "ML"),
    "apla": ("Association of Palestinian Local Authorities (demo)", "PS"),
}


@transaction.atomic
def load_demo() -> None:
    staff = Account.objects.filter(username="international").first()
    if staff is None or Expert.objects.exists():
        return
    experts = []
    for first, last, code, role, expertise, languages in POOL:
        person, _ = Person.objects.get_or_create(first_name=first, last_name=last)
        experts.append(
            services.add_expert(
                person=person,
                gemeente=Gemeente.objects.filter(code=code).first(),
                former_role=role,
                expertise=expertise,
                languages=languages,
                starts_on=datetime.date(2020, 3, 1),
                ends_on=datetime.date(2021, 12, 31),
            )
        )
    # Every demo expert answers through a login; ``crit-expert`` (Sanne Mulder) is the one to try.
    for index, expert in enumerate(experts):
        username = "crit-expert" if index == 4 else f"crit-expert-{index + 1}"
        account = leden.create_account(
            username=username,
            password=DEMO_PASSWORD,
            organisation=expert.gemeente.organisation,
            roles=[Role.GEMEENTE],
            person=expert.person,
        )
        expert.account = account
        expert.save(update_fields=["account"])
    partners = {
        key: leden.create_organisation(name=name, kind=Organisation.Kind.PARTNER, country=country)
        for key, (name, country) in PARTNERS.items()
    }
    for n, (day, country, language, topic, urgency, subject, partner, who, hours, score) in enumerate(QUESTIONS):
        at = datetime.datetime(2020, 3, 1, 9, 30, tzinfo=AMS) + datetime.timedelta(days=day)
        data = {
            "contact_name": f"Contact {n + 1} (demo)",
            "contact_email": f"partner{n + 1}@demo.meent.example",
            "subject": subject,
            "text": f"{subject}: how do Dutch municipalities handle this? We would welcome advice and examples.",
            "topic": topic,
            "country": country,
            "language": language,
            "urgency": urgency,
        }
        if partner:
            question = services.register_question(by=staff, partner=partners[partner], at=at, **data)
        else:
            question = services.submit_question(partner_name=f"Municipality partner {n + 1} (demo)", at=at, **data)
            question = services.verify_question(services.verify_token(question), at=at)
        expert = experts[who]
        services.assign(question, experts=[expert], by=staff, at=at)
        answered = add_business_hours(question.received_at, hours)
        services.post_message(
            question,
            by=expert.account,
            text="In the Netherlands the mayor leads the municipal crisis team; we suggest starting with a small "
            "team, one spokesperson and a daily briefing. Happy to share our templates.",
            at=answered,
        )
        if score is not None:
            services.close(question, by=staff, at=answered + datetime.timedelta(days=7))
            services.rate(services.rate_token(question), score=score)
        if n == 3:  # shared with the VNG's COVID-19 sounding board in October
            services.share_summary(
                question,
                by=staff,
                text="A partner association asked how to support health workers under strain. The Dutch expert "
                "described peer support groups and the role of the GGD.",
                at=datetime.datetime(2020, 10, 12, 10, 0, tzinfo=AMS),
            )
