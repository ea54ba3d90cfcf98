"""The roles an account can hold. Each is a Django group of the same name, so admins manage them in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BESTUUR = "bestuur", _("Bestuur en beheer")
    COMMUNICATIE = "communicatie", _("Medewerker Communicatie")
    CONNECT = "connect", _("Medewerker Connect")
    NALEVING = "naleving", _("Medewerker Naleving")
    REALISATIE = "realisatie", _("Medewerker Realisatie")
    IBD_ANALIST = "ibd-analist", _("Analist IBD")
    RISICOBEHEER = "risicobeheer", _("Medewerker Risicobeheer")
    INTERNATIONAL = "international", _("Medewerker International")
    GEMEENTE = "gemeente", _("Gemeentemedewerker")
    GEMEENTE_ISO = "gemeente-iso", _("Informatiebeveiliger van een gemeente (CISO/ISO)")

    @classmethod
    def staff_values(cls) -> set[str]:
        return {r.value for r in cls if r not in (cls.GEMEENTE, cls.GEMEENTE_ISO)}
