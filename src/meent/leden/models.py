import datetime

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from meent.core.roles import Role


class Province(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True)  # PV20
    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Veiligheidsregio(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True)  # VR13
    name = models.CharField(_("naam"), max_length=100, unique=True)
    inhabitants_reference = models.PositiveIntegerField(
        _("inwoners (bronbestand)"), null=True, blank=True, help_text=_("Inwoners volgens RIVM/CBS, 2020.")
    )

    class Meta:
        verbose_name = _("veiligheidsregio")
        verbose_name_plural = _("veiligheidsregio's")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class GemeenteQuerySet(models.QuerySet):
    def valid_on(self, date: datetime.date) -> "GemeenteQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=date)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=date)
        )

    def in_year(self, year: int) -> "GemeenteQuerySet":
        """The division of 1 January of ``year``: every herindeling takes effect on 1 January."""
        return self.valid_on(datetime.date(year, 1, 1))

    def municipalities(self) -> "GemeenteQuerySet":
        return self.filter(kind=Gemeente.Kind.GEMEENTE)


class Gemeente(models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        OPENBAAR_LICHAAM = "openbaar_lichaam", _("Openbaar lichaam (Caribisch Nederland)")

    code = models.CharField(_("code"), max_length=6, unique=True, help_text=_("CBS-code, bijvoorbeeld GM0363."))
    name = models.CharField(_("naam"), max_length=100, db_index=True)
    cbs_label = models.CharField(
        _("CBS-naam"), max_length=100, blank=True, help_text=_("Naam met CBS-onderscheiding, zoals 'Beek (L.)'.")
    )
    aliases = models.CharField(_("ook bekend als"), max_length=200, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.GEMEENTE)
    province = models.ForeignKey(
        Province, verbose_name=_("provincie"), on_delete=models.PROTECT, null=True, blank=True, related_name="gemeenten"
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        verbose_name=_("veiligheidsregio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gemeenten",
    )
    valid_from = models.DateField(_("geldig van"), null=True, blank=True, help_text=_("Leeg: al vóór 2020."))
    valid_until = models.DateField(
        _("geldig tot"), null=True, blank=True, help_text=_("Eerste dag waarop de gemeente niet meer bestaat.")
    )

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gt=models.F("valid_from")),
                name="gemeente_valid_period",
            ),
            models.CheckConstraint(
                condition=Q(kind="openbaar_lichaam") | Q(province__isnull=False), name="gemeente_has_province"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.valid_until is None


class Succession(models.Model):
    """A herindeling step: ``predecessor`` ceased on ``effective_date`` and (part of) it went to ``successor``."""

    class Kind(models.TextChoices):
        SAMENVOEGING = "samenvoeging", _("Samenvoeging")
        OPSPLITSING = "opsplitsing", _("Opsplitsing")
        TOEVOEGING = "toevoeging", _("Toevoeging")

    predecessor = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="successions")
    successor = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="predecessions")
    effective_date = models.DateField(_("ingangsdatum"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("herindeling")
        verbose_name_plural = _("herindelingen")
        ordering = ["effective_date", "predecessor__code", "successor__code"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")), name="succession_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%Y})"


class Population(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveSmallIntegerField(_("jaar"))
    inhabitants = models.PositiveIntegerField(_("inwoners op 1 januari"))

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente", "year"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "year"], name="population_unique_year")]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.year}: {self.inhabitants}"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        VERENIGING = "vereniging", _("Vereniging en bedrijven")
        MINISTERIE = "ministerie", _("Ministerie")
        DONOR = "donor", _("Donor")
        NGO = "ngo", _("Maatschappelijke organisatie (NGO)")
        LEVERANCIER = "leverancier", _("Leverancier")
        PARTNER = "partner", _("Partnervereniging")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("Veiligheidsregio")
        OVERHEID = "overheid", _("Andere overheid")
        OVERIG = "overig", _("Overig")

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    country = models.CharField(
        _("land"), max_length=2, default="NL", help_text=_("ISO 3166-1 alpha-2, zoals NL of ET.")
    )
    gemeente = models.OneToOneField(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind", "country"], name="organisation_unique_name"),
            models.CheckConstraint(
                condition=Q(kind="gemeente", gemeente__isnull=False) | (~Q(kind="gemeente") & Q(gemeente__isnull=True)),
                name="organisation_gemeente_iff_kind",
            ),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="organisation_country_iso"),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Membership(models.Model):
    """A person's role at an organisation; scoped to the gemeente for gemeente accounts."""

    class Role(models.TextChoices):
        CONTACTPERSOON = "contactpersoon", _("Contactpersoon")
        CISO = "ciso", _("CISO")
        ISO = "iso", _("Informatiebeveiligingsfunctionaris (ISO)")
        COORDINATOR = "coordinator", _("Coördinator")
        BESTUURDER = "bestuurder", _("Bestuurder")
        DIRECTEUR = "directeur", _("Directeur")
        MEDEWERKER = "medewerker", _("Medewerker")
        EXPERT = "expert", _("Expert")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    start_date = models.DateField(_("vanaf"), null=True, blank=True)
    end_date = models.DateField(_("tot"), null=True, blank=True)

    objects = ScopedManager(gemeente="organisation__gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - a second manager, for admin and migrations

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["organisation__name", "person__last_name"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} ({self.organisation})"


class Account(AbstractUser):
    """A login. Staff roles are Django groups named after :class:`meent.core.roles.Role`."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    person = models.OneToOneField(
        Person, verbose_name=_("persoon"), on_delete=models.SET_NULL, null=True, blank=True, related_name="account"
    )

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    @property
    def gemeente(self) -> Gemeente | None:
        if self.organisation_id and self.organisation.kind == Organisation.Kind.GEMEENTE:
            return self.organisation.gemeente
        return None

    @property
    def role_names(self) -> set[str]:
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, role: Role) -> bool:
        return self.is_active and role.value in self.role_names

    @property
    def is_staff_member(self) -> bool:
        """Works for the association or one of its companies (as opposed to a gemeente account)."""
        return self.is_active and bool(self.role_names & Role.staff_values())

    @property
    def requires_second_factor(self) -> bool:
        """Staff, and gemeente security officers (who report and read RED incidents), log in in two steps."""
        return self.is_staff_member or self.has_role(Role.GEMEENTE_ISO)


# Who opens a page or calls a service that also serves the public: a signed-in account or an anonymous visitor.
Visitor = Account | AnonymousUser


class ApiModule(models.TextChoices):
    """The parts of the API a machine client may be given; each is one app's ``api`` package."""

    LEDEN = "leden", _("Leden (gemeenten, organisaties)")
    CONNECT = "connect", _("Connect")
    IBD = "ibd", _("IBD")
    BENCHMARK = "benchmark", _("Waar staat je gemeente")
    RISICOBEHEER = "risicobeheer", _("Risicobeheer")
    INKOOP = "inkoop", _("Gezamenlijke inkoop")
    NALEVING = "naleving", _("Naleving")
    INTERNATIONAL = "international", _("International (projecten, fonds, helpdesk, inzamelingen)")
    JAARVERSLAG = "jaarverslag", _("Jaarverslag")


class MachineClient(models.Model):
    """A named program that uses the API on behalf of one account, never with more rights than that account's
    session after the second factor; read-only unless ``can_write``, and only in ``modules``."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    account = models.ForeignKey(
        Account, verbose_name=_("handelt namens"), on_delete=models.CASCADE, related_name="machine_clients"
    )
    modules = models.JSONField(_("modules"), default=list, help_text=_("Delen van de API die de client mag gebruiken."))
    can_write = models.BooleanField(
        _("mag schrijven"), default=False, help_text=_("Zonder dit vinkje mag de client alleen lezen.")
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("machineclient")
        verbose_name_plural = _("machineclients")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """An API key of a machine client. Only a SHA-256 hash is stored, with a short prefix to find it; the key
    itself is shown once, when it is created."""

    client = models.ForeignKey(
        MachineClient, verbose_name=_("machineclient"), on_delete=models.CASCADE, related_name="tokens"
    )
    prefix = models.CharField(_("voorvoegsel"), max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        Account, verbose_name=_("aangemaakt door"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt"))
    revoked_at = models.DateTimeField(_("ingetrokken"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.client} ({self.prefix}…)"


class RoleChangeRequest(models.Model):
    """A change to an account's roles that waits for a second administrator (four-eyes rule)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op goedkeuring")
        APPROVED = "approved", _("Goedgekeurd en doorgevoerd")
        REJECTED = "rejected", _("Afgewezen")
        REFUSED = "refused", _("Geweigerd (eigen rollen)")

    account = models.ForeignKey(
        Account, verbose_name=_("account"), on_delete=models.CASCADE, related_name="role_change_requests"
    )
    roles = models.JSONField(_("gevraagde rollen"), default=list)
    reason = models.TextField(_("reden"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        Account, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("aangevraagd"), auto_now_add=True)
    decided_by = models.ForeignKey(
        Account, verbose_name=_("beslist door"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("beslist"), null=True, blank=True)

    class Meta:
        verbose_name = _("rolwijziging")
        verbose_name_plural = _("rolwijzigingen")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.account}: {', '.join(self.roles) or '—'} ({self.get_status_display()})"
