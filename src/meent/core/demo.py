"""Demo data: the reference registry, one account per role, and each module's own demo records.

Every module with a ``demo`` module exposing ``load_demo()`` is loaded, in ``INSTALLED_APPS`` order. Each loader
is idempotent: running ``meent demo`` twice duplicates nothing. All people and incidents are fictitious.
"""

import importlib
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from meent.core.roles import Role
from meent.leden import services as leden
from meent.leden.models import Gemeente, Membership, Organisation, Person

DEMO_PASSWORD = "Meent-demo-2026"  # noqa: S105 - documented demo password, refused in production
# Every demo account with a second factor (staff, gemeente-ISO) shares this TOTP secret (base32
# JBSWY3DPEHPK3PXP), so a newcomer can add it to an authenticator app, or print the current code with
# `meent otp USERNAME`.
DEMO_TOTP_KEY = "48656c6c6f21deadbeef"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    organisation: str  # "vng" or a gemeente code
    sees: str


DEMO_ACCOUNTS = [
    DemoAccount("bestuur", "Bea", "Bestuur", (Role.BESTUUR,), "vng", "alles, inclusief beheer en audittrail"),
    DemoAccount("communicatie", "Cato", "Communicatie", (Role.COMMUNICATIE,), "vng", "het jaarverslag schrijven"),
    DemoAccount("connect", "Chris", "Congres", (Role.CONNECT,), "vng", "evenementen, aanmeldingen, Academie, trainees"),
    DemoAccount("naleving", "Noor", "Naleving", (Role.NALEVING,), "vng", "campagnes en routekaarten"),
    DemoAccount("realisatie", "Rik", "Realisatie", (Role.REALISATIE,), "vng", "open data en inkoop"),
    DemoAccount("ibd", "Iris", "Analist", (Role.IBD_ANALIST,), "vng", "alle IBD-incidenten en adviezen"),
    DemoAccount("risicobeheer", "Ruben", "Risico", (Role.RISICOBEHEER,), "vng", "scenario's en risicoregisters"),
    DemoAccount("international", "Ingrid", "Internationaal", (Role.INTERNATIONAL,), "vng", "programma's en fonds"),
    DemoAccount("amsterdam", "Anna", "Amstel", (Role.GEMEENTE,), "GM0363", "alleen gemeente Amsterdam"),
    DemoAccount(
        "utrecht-iso",
        "Umut",
        "Veilig",
        (Role.GEMEENTE, Role.GEMEENTE_ISO),
        "GM0344",
        "alleen gemeente Utrecht, inclusief eigen IBD-incidenten",
    ),
]


def _association() -> Organisation:
    return leden.create_organisation(name="Vereniging van Gemeenten (demo)", kind=Organisation.Kind.VERENIGING)


@transaction.atomic
def load_accounts() -> None:
    association = _association()
    for demo in DEMO_ACCOUNTS:
        if demo.organisation == "vng":
            organisation = association
        else:
            organisation = Gemeente.objects.get(code=demo.organisation).organisation
        person, _ = Person.objects.get_or_create(
            first_name=demo.first_name,
            last_name=demo.last_name,
            defaults={"email": f"{demo.username}@demo.meent.example"},
        )
        role = Membership.Role.ISO if Role.GEMEENTE_ISO in demo.roles else Membership.Role.MEDEWERKER
        leden.add_membership(person=person, organisation=organisation, role=role)
        account = leden.create_account(
            username=demo.username,
            password=DEMO_PASSWORD,
            organisation=organisation,
            roles=list(demo.roles),
            person=person,
        )
        if account.requires_second_factor:
            TOTPDevice.objects.update_or_create(
                user=account, name="default", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )


def load_demo() -> None:
    with scopes_disabled():
        leden.load_reference_data()
        load_accounts()
        for app in apps.get_app_configs():
            if not app.name.startswith("meent.") or app.name == "meent.core":
                continue
            try:
                module = importlib.import_module(f"{app.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app.name}.demo":
                    raise
                continue
            module.load_demo()
