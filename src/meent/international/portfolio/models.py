"""Programmes, projects, offices and staff of VNG International (see the package docstring for the words)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from meent.leden.models import Account, Gemeente, Organisation, Person

MONEY = {"max_digits": 14, "decimal_places": 2}
FTE = {"max_digits": 4, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0.01"))]}


def _in_language(nl: str, en: str, fr: str = "") -> str:
    """The text in the reader's language, Dutch where no translation was written."""
    language = (get_language() or "nl")[:2]
    return {"en": en, "fr": fr or en}.get(language) or nl


class Theme(models.Model):
    """A theme of the work; ``dac_code`` is the OECD-DAC 5-digit purpose code IATI publishes as the sector."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100)
    name_fr = models.CharField(_("naam (Frans)"), max_length=100, blank=True)
    dac_code = models.CharField(_("DAC-sectorcode"), max_length=5, help_text=_("Vijf cijfers, zoals 15112."))

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=Q(dac_code__regex=r"^[0-9]{5}$"), name="theme_dac_code")]

    def __str__(self) -> str:
        return _in_language(self.name, self.name_en, self.name_fr)


class Office(models.Model):
    class Kind(models.TextChoices):
        HEAD = "hoofdkantoor", _("Hoofdkantoor")
        REGIONAL = "regiokantoor", _("Regionaal kantoor")
        FIELD = "veldkantoor", _("Veldkantoor")

    name = models.CharField(_("naam"), max_length=150, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("plaats"), max_length=100)
    country = CountryField(_("land"))

    class Meta:
        verbose_name = _("kantoor")
        verbose_name_plural = _("kantoren")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def in_netherlands(self) -> bool:
        return self.country.code == "NL"


class Employment(models.Model):
    """A person working at an office from ``start_date`` to ``end_date`` (open: still employed)."""

    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="+")
    office = models.ForeignKey(Office, verbose_name=_("kantoor"), on_delete=models.PROTECT, related_name="employments")
    start_date = models.DateField(_("in dienst"))
    end_date = models.DateField(_("uit dienst"), null=True, blank=True)
    fte = models.DecimalField(_("fte"), **FTE)

    class Meta:
        verbose_name = _("dienstverband")
        verbose_name_plural = _("dienstverbanden")
        ordering = ["office", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="employment_dates_in_order",
            ),
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="employment_fte_range"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.office})"


class Programme(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200)
    funder = models.ForeignKey(Organisation, verbose_name=_("financier"), on_delete=models.PROTECT, related_name="+")
    office = models.ForeignKey(
        Office, verbose_name=_("uitvoerend kantoor"), on_delete=models.PROTECT, related_name="programmes"
    )
    signed_on = models.DateField(_("overeengekomen op"))
    start_date = models.DateField(_("begin"))
    end_date = models.DateField(_("einde"))
    budget_eur = models.DecimalField(_("budget (euro)"), **MONEY)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), related_name="programmes")
    countries = CountryField(_("landen"), multiple=True, blank=True)
    strategic = models.BooleanField(
        _("strategisch partnerschap"),
        default=False,
        help_text=_("Het overkoepelende meerjarenprogramma met het ministerie van Buitenlandse Zaken."),
    )
    provider_activity_id = models.CharField(
        _("activiteit van de financier (IATI)"),
        max_length=100,
        blank=True,
        help_text=_("De IATI-identificatie bij de financier, zoals XM-DAC-7-PPR-4000004321."),
    )

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="programme_dates"),
            models.CheckConstraint(condition=Q(budget_eur__gte=0), name="programme_budget_positive"),
        ]

    def __str__(self) -> str:
        return _in_language(self.name, self.name_en)

    @property
    def years(self) -> int:
        """Whole years the programme runs (2022-01-01 to 2026-12-31: 5)."""
        return self.end_date.year - self.start_date.year + 1


class Status(models.TextChoices):
    PREPARATION = "voorbereiding", _("In voorbereiding")
    ACTIVE = "actief", _("Actief")
    SUSPENDED = "opgeschort", _("Opgeschort")
    RESUMED = "hervat", _("Hervat")
    STOPPED = "gestopt", _("Gestopt")
    COMPLETED = "afgerond", _("Afgerond")


class Reason(models.TextChoices):
    NEW = "nieuw", _("Nieuw project")
    START = "start", _("Start van de uitvoering")
    COUP = "staatsgreep", _("Staatsgreep")
    EVACUATION = "evacuatie", _("Evacuatie internationale staf")
    SECURITY = "veiligheid", _("Veiligheidssituatie")
    PANDEMIC = "pandemie", _("Pandemie")
    FUNDING = "financiering", _("Financiering beëindigd of gewijzigd")
    IMPROVED = "verbeterd", _("Situatie verbeterd")
    COMPLETED = "afgerond", _("Werk afgerond")
    OTHER = "overig", _("Overig")


class DeliveryMode(models.TextChoices):
    ON_SITE = "ter_plaatse", _("Ter plaatse")
    REMOTE = "op_afstand", _("Op afstand")
    HYBRID = "hybride", _("Hybride")


class Project(models.Model):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programma"),
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
    )
    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Deel van de IATI-identificatie."))
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    title_fr = models.CharField(_("titel (Frans)"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    description_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    description_fr = models.TextField(_("beschrijving (Frans)"), blank=True)
    start_date = models.DateField(_("begin"), null=True, blank=True)
    end_date = models.DateField(_("einde"), null=True, blank=True)
    # The current status; only services.change_status sets it, together with a StatusChange.
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARATION)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), related_name="projects", blank=True)
    published = models.BooleanField(
        _("openbaar"), default=False, help_text=_("Op de openbare projectpagina's en in het IATI-bestand.")
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return _in_language(self.title, self.title_en, self.title_fr)

    @property
    def display_description(self) -> str:
        return _in_language(self.description, self.description_en, self.description_fr)


class ProjectCountry(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(_("land"))
    percentage = models.DecimalField(
        _("aandeel (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
    )

    class Meta:
        verbose_name = _("land van een project")
        verbose_name_plural = _("landen van projecten")
        ordering = ["project", "-percentage", "country"]
        constraints = [
            models.UniqueConstraint(fields=["project", "country"], name="project_country_once"),
            models.CheckConstraint(condition=Q(percentage__gt=0) & Q(percentage__lte=100), name="country_percentage"),
        ]

    def __str__(self) -> str:
        return f"{self.country.name} ({self.percentage}%)"


class Funding(models.Model):
    """A donor's contract for a project: the amount in the contract's currency, the rate to euro the contract
    fixes, and the amount in euro (both stored: the rate of the day of signing, not today's)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="fundings")
    donor = models.ForeignKey(Organisation, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(_("valuta"), max_length=3, default="EUR")
    amount = models.DecimalField(_("bedrag in valuta"), **MONEY)
    rate = models.DecimalField(_("koers (euro per eenheid)"), max_digits=12, decimal_places=6, default=Decimal(1))
    amount_eur = models.DecimalField(_("bedrag (euro)"), **MONEY)
    signed_on = models.DateField(_("getekend op"))
    provider_activity_id = models.CharField(
        _("activiteit van de donor (IATI)"), max_length=100, blank=True, help_text=_("Zoals XM-DAC-7-PPR-4000004321.")
    )

    class Meta:
        verbose_name = _("financiering")
        verbose_name_plural = _("financieringen")
        ordering = ["project", "-amount_eur"]
        constraints = [
            models.CheckConstraint(condition=Q(currency__regex=r"^[A-Z]{3}$"), name="funding_currency_iso"),
            models.CheckConstraint(condition=Q(amount__gt=0) & Q(rate__gt=0), name="funding_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.donor} — {self.currency} {self.amount}"


class ProjectYear(models.Model):
    """A project's budget and realised spending in one calendar year; realised spending is turnover."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("jaar"))
    budget_eur = models.DecimalField(_("budget (euro)"), **MONEY, default=Decimal(0))
    realised_eur = models.DecimalField(_("gerealiseerd (euro)"), **MONEY, default=Decimal(0))

    class Meta:
        verbose_name = _("projectjaar")
        verbose_name_plural = _("projectjaren")
        ordering = ["project", "year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="project_year_once"),
            models.CheckConstraint(condition=Q(budget_eur__gte=0) & Q(realised_eur__gte=0), name="project_year_money"),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.year}"


class Partner(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("rol"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [models.UniqueConstraint(fields=["project", "organisation"], name="partner_once")]

    def __str__(self) -> str:
        return str(self.organisation)


class Contribution(models.Model):
    """Days an official of a Dutch gemeente gave to a project in a year."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contributions")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    official = models.ForeignKey(Person, verbose_name=_("ambtenaar"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    days = models.DecimalField(_("dagen"), max_digits=6, decimal_places=1)

    class Meta:
        verbose_name = _("inzet van een gemeente")
        verbose_name_plural = _("inzet van gemeenten")
        ordering = ["project", "year", "gemeente"]
        constraints = [models.CheckConstraint(condition=Q(days__gt=0), name="contribution_days_positive")]

    def __str__(self) -> str:
        return f"{self.gemeente} — {self.official} ({self.days})"


class StaffAssignment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="staff")
    employment = models.ForeignKey(Employment, verbose_name=_("medewerker"), on_delete=models.PROTECT, related_name="+")
    fte = models.DecimalField(_("fte op het project"), **FTE)

    class Meta:
        verbose_name = _("inzet van een medewerker")
        verbose_name_plural = _("inzet van medewerkers")
        constraints = [models.UniqueConstraint(fields=["project", "employment"], name="assignment_once")]

    def __str__(self) -> str:
        return f"{self.employment.person} ({self.fte})"


class Activity(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    delivery_mode = models.CharField(_("uitvoering"), max_length=20, choices=DeliveryMode.choices)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["project", "date", "pk"]

    def __str__(self) -> str:
        return self.title


class AppendOnly(Exception):
    pass


class StatusChange(models.Model):
    """One step of a project's status history. Never changed or removed once written."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(_("van"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=20, choices=Status.choices)
    date = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    explanation = models.TextField(_("toelichting"))
    by = models.ForeignKey(
        Account, verbose_name=_("door"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd"), auto_now_add=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statushistorie")
        ordering = ["project", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.project.code}: {self.get_to_status_display()} ({self.date})"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnly("De statushistorie wordt alleen aangevuld, nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("De statushistorie wordt alleen aangevuld, nooit gewijzigd.")
