"""Scenario library, risk registers, the insurance pool and the community of Risicobeheer.

Registers, risks and measures belong to an organisation and are scoped in the data layer (a gemeente account
reaches only its own gemeente's register). Scenarios are a shared library: who sees one is decided by its
visibility in :mod:`.selectors`. Money is ``Decimal`` with two places; every balance is a sum of entries, never
stored."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from meent.leden.models import Organisation, Person, Veiligheidsregio

SCORE = [MinValueValidator(1), MaxValueValidator(5)]
MONEY = {"max_digits": 14, "decimal_places": 2}


class Theme(models.TextChoices):
    GEZONDHEID = "gezondheid", _("Gezondheid en pandemie")
    FINANCIEN = "financien", _("Financiën")
    SOCIAAL = "sociaal", _("Sociaal domein")
    VEILIGHEID = "veiligheid", _("Openbare orde en veiligheid")
    KLIMAAT = "klimaat", _("Klimaat en omgeving")
    ICT = "ict", _("ICT en informatie")
    PERSONEEL = "personeel", _("Personeel en organisatie")


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Scenario(models.Model):
    class Visibility(models.TextChoices):
        LEDEN = "leden", _("Alle leden")
        VEILIGHEIDSREGIOS = "veiligheidsregios", _("Alleen veiligheidsregio's")
        AUTEUR = "auteur", _("Alleen de auteur")

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"))
    assumptions = models.TextField(_("aannames"), blank=True)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    tags = models.ManyToManyField(Tag, verbose_name=_("trefwoorden"), blank=True, related_name="scenarios")
    # The variants the variables take a value for, e.g. ["Mild", "Midden", "Zwaar"].
    variants = models.JSONField(_("varianten"), default=list)
    author = models.ForeignKey(
        Organisation, verbose_name=_("auteur"), on_delete=models.PROTECT, related_name="risico_scenarios"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visibility = models.CharField(_("zichtbaarheid"), max_length=20, choices=Visibility.choices)
    published_on = models.DateField(_("gedeeld op"))

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=["leden", "veiligheidsregios", "auteur"]), name="risico_scenario_visibility"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Variable(models.Model):
    """One quantity of a scenario with its value in each variant (``values``: variant name → value text)."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="variables")
    name = models.CharField(_("variabele"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=30, blank=True)
    values = models.JSONField(_("waarden"), default=dict)

    class Meta:
        verbose_name = _("variabele")
        verbose_name_plural = _("variabelen")
        ordering = ["scenario", "pk"]

    def __str__(self) -> str:
        return self.name

    def row(self, variants: list[str]) -> list[str]:
        return [str(self.values.get(variant, "")) for variant in variants]


class Document(models.Model):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("adres"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["scenario", "title"]

    def __str__(self) -> str:
        return self.title


class Register(models.Model):
    """The risk register of one organisation: a gemeente, a veiligheidsregio or the association."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="risicoregister"
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = ScopedManager(gemeente="organisation__gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - figures and the anonymised comparison count across registers

    class Meta:
        verbose_name = _("risicoregister")
        verbose_name_plural = _("risicoregisters")
        ordering = ["organisation__name"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return str(self.organisation)


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        GESLOTEN = "gesloten", _("Gesloten")

    register = models.ForeignKey(Register, verbose_name=_("register"), on_delete=models.CASCADE, related_name="risks")
    title = models.CharField(_("risico"), max_length=200)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    cause = models.TextField(_("oorzaak"))
    effect = models.TextField(_("gevolg"))
    owner = models.CharField(_("eigenaar"), max_length=200)
    gross_likelihood = models.PositiveSmallIntegerField(_("kans bruto"), validators=SCORE)
    gross_impact = models.PositiveSmallIntegerField(_("impact bruto"), validators=SCORE)
    net_likelihood = models.PositiveSmallIntegerField(_("kans netto"), validators=SCORE)
    net_impact = models.PositiveSmallIntegerField(_("impact netto"), validators=SCORE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    review_on = models.DateField(_("herbeoordelen op"))
    # The review date a reminder was last sent for: a changed date gets its own reminder, a date only one.
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    scenario = models.ForeignKey(
        Scenario,
        verbose_name=_("overgenomen uit scenario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reuses",
    )
    created_at = models.DateTimeField(_("geregistreerd"))

    objects = ScopedManager(gemeente="register__organisation__gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - figures, reminders and the anonymised comparison

    class Meta:
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        ordering = ["register", "-pk"]
        base_manager_name = "unscoped"
        constraints = [
            models.CheckConstraint(
                condition=Q(gross_likelihood__gte=1, gross_likelihood__lte=5)
                & Q(gross_impact__gte=1, gross_impact__lte=5)
                & Q(net_likelihood__gte=1, net_likelihood__lte=5)
                & Q(net_impact__gte=1, net_impact__lte=5),
                name="risico_risk_scores_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def gross_score(self) -> int:
        return self.gross_likelihood * self.gross_impact

    @property
    def net_score(self) -> int:
        return self.net_likelihood * self.net_impact


class Measure(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="measures")
    description = models.CharField(_("maatregel"), max_length=300)
    owner = models.CharField(_("eigenaar"), max_length=200)
    due_on = models.DateField(_("gereed op"))
    done = models.BooleanField(_("uitgevoerd"), default=False)

    objects = ScopedManager(gemeente="risk__register__organisation__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("beheersmaatregel")
        verbose_name_plural = _("beheersmaatregelen")
        ordering = ["risk", "due_on", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return self.description


# The insurance pool ----------------------------------------------------------------------------------------------


class PoolMember(models.Model):
    veiligheidsregio = models.OneToOneField(
        Veiligheidsregio, verbose_name=_("veiligheidsregio"), on_delete=models.PROTECT, related_name="pool_member"
    )
    joined_on = models.DateField(_("deelnemer sinds"))

    class Meta:
        verbose_name = _("deelnemer verzekeringspool")
        verbose_name_plural = _("deelnemers verzekeringspool")
        ordering = ["veiligheidsregio__code"]

    def __str__(self) -> str:
        return str(self.veiligheidsregio)


class PoolYear(models.Model):
    """The formula of a year's contributions and the reinsurance premium the pool pays that year."""

    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    base_amount = models.DecimalField(_("basisbijdrage per deelnemer"), **MONEY)
    share_total = models.DecimalField(_("te verdelen naar inwoners"), **MONEY)
    reinsurance_premium = models.DecimalField(_("herverzekeringspremie"), **MONEY)

    class Meta:
        verbose_name = _("pooljaar")
        verbose_name_plural = _("pooljaren")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(base_amount__gte=0, share_total__gte=0, reinsurance_premium__gte=0),
                name="risico_poolyear_not_negative",
            )
        ]

    def __str__(self) -> str:
        return str(self.year)


class Contribution(models.Model):
    member = models.ForeignKey(PoolMember, on_delete=models.PROTECT, related_name="contributions")
    year = models.PositiveSmallIntegerField(_("jaar"))
    inhabitants = models.PositiveIntegerField(_("inwoners"))
    computed = models.DecimalField(_("berekend"), **MONEY)
    override = models.DecimalField(_("aangepast bedrag"), null=True, blank=True, **MONEY)
    override_reason = models.CharField(_("reden van aanpassing"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["year", "member"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="risico_contribution_once_a_year"),
            models.CheckConstraint(
                condition=Q(override__isnull=True) | (Q(override__gte=0) & ~Q(override_reason="")),
                name="risico_contribution_override_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year}"

    @property
    def amount(self):
        return self.computed if self.override is None else self.override


class Claim(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEWIKKELD = "afgewikkeld", _("Afgewikkeld")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    member = models.ForeignKey(PoolMember, verbose_name=_("deelnemer"), on_delete=models.PROTECT, related_name="claims")
    incident_on = models.DateField(_("datum ongeval"))
    description = models.TextField(_("omschrijving"))
    reserve = models.DecimalField(_("reserve"), **MONEY)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)

    class Meta:
        verbose_name = _("schade")
        verbose_name_plural = _("schades")
        ordering = ["-incident_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(reserve__gte=0), name="risico_claim_reserve_not_negative")]

    def __str__(self) -> str:
        return f"{self.member}, {self.incident_on:%d-%m-%Y}"


class Payment(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField(_("betaald op"))
    amount = models.DecimalField(_("bedrag"), **MONEY)

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        ordering = ["paid_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="risico_payment_positive")]

    def __str__(self) -> str:
        return f"{self.claim}: {self.amount}"


# The community ---------------------------------------------------------------------------------------------------


class PlatformMember(models.Model):
    """A member of the Risico Platform Overheden: an organisation, or a person (of an organisation)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="risico_platform"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    joined_on = models.DateField(_("lid sinds"))

    class Meta:
        verbose_name = _("lid Risico Platform Overheden")
        verbose_name_plural = _("leden Risico Platform Overheden")
        ordering = ["organisation__name", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person"], name="risico_platform_member_once"),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(person__isnull=True), name="risico_platform_organisation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})" if self.person_id else str(self.organisation)


class Article(models.Model):
    """An article of the platform's online journal (vakblad)."""

    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=400)
    body = models.TextField(_("tekst"))
    author = models.CharField(_("auteur"), max_length=200)
    published_on = models.DateField(_("verschenen op"))

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title
