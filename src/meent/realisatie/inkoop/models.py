import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from meent.leden.models import Gemeente


class Category(models.TextChoices):
    TELECOM = "telecom", _("Telecom (vaste telefonie en data)")
    MOBIEL = "mobiele_telefonie", _("Mobiele telefonie")
    PRINTERS = "printers", _("Printers en multifunctionals")
    SOFTWARE = "software", _("Softwarelicenties")
    WERKPLEK = "werkplek", _("Werkplekapparatuur")
    OVERIG = "overig", _("Overig")


class Gibit(models.TextChoices):
    GIBIT_2016 = "2016", "GIBIT 2016"
    GIBIT_2018 = "2018", "GIBIT 2018"
    GIBIT_2019 = "2019", "GIBIT 2019"
    GIBIT_2020 = "2020", "GIBIT 2020"


class Contract(models.Model):
    """A joint-procurement contract. It belongs to the association; a gemeente reaches it through its own
    participation (see :class:`Participation`)."""

    number = models.CharField(_("nummer"), max_length=20, unique=True)  # INK-2020-0001
    title = models.CharField(_("titel"), max_length=200)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    supplier = models.CharField(_("leverancier"), max_length=200)
    start_date = models.DateField(_("ingangsdatum"))
    term_years = models.PositiveSmallIntegerField(_("looptijd (jaren)"))
    extension_options = models.PositiveSmallIntegerField(
        _("verlengingsopties (jaren)"), default=0, help_text=_("Hoeveel jaar het contract verlengd mag worden.")
    )
    extensions_used = models.PositiveSmallIntegerField(_("verlengd (jaren)"), default=0)
    gibit_version = models.CharField(_("GIBIT-versie"), max_length=4, choices=Gibit.choices)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["start_date", "number"]
        constraints = [
            models.CheckConstraint(condition=Q(term_years__gte=1) & Q(term_years__lte=20), name="inkoop_term"),
            models.CheckConstraint(
                condition=Q(extensions_used__lte=F("extension_options")), name="inkoop_extensions_within_options"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def end_date(self) -> datetime.date:
        """The last day of the term including the extensions taken up."""
        years = self.term_years + self.extensions_used
        try:
            after = self.start_date.replace(year=self.start_date.year + years)
        except ValueError:  # 29 February
            after = self.start_date.replace(year=self.start_date.year + years, day=28) + datetime.timedelta(days=1)
        return after - datetime.timedelta(days=1)

    @property
    def years(self) -> range:
        """The calendar years the term touches: the years figures may be recorded for."""
        return range(self.start_date.year, self.end_date.year + 1)


class Participation(models.Model):
    """A gemeente's participation in a contract, from ``start_date`` to ``end_date`` (the last day; open when
    it lasts the whole term). ``carried_from`` names the merged gemeente it came from."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="participations")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="inkoop_participations")
    start_date = models.DateField(_("vanaf"))
    end_date = models.DateField(_("tot en met"), null=True, blank=True)
    carried_from = models.ForeignKey(
        Gemeente,
        verbose_name=_("overgenomen van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedManager(gemeente="gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - figures count across gemeenten; migrations and admin

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["contract", "gemeente__name"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["contract", "gemeente"], name="inkoop_participation_unique"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="inkoop_participation_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} in {self.contract.number}"

    def covers_year(self, year: int) -> bool:
        return self.start_date.year <= year and (self.end_date is None or self.end_date.year >= year)


class YearFigure(models.Model):
    """A participant's costs in one year: without the joint contract (baseline) and under it. The saving is
    their difference, computed where it is read."""

    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="year_figures")
    year = models.PositiveSmallIntegerField(_("jaar"))
    baseline_cost = models.DecimalField(_("basiskosten"), max_digits=14, decimal_places=2)
    contract_cost = models.DecimalField(_("contractkosten"), max_digits=14, decimal_places=2)

    objects = ScopedManager(gemeente="participation__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("jaarcijfer")
        verbose_name_plural = _("jaarcijfers")
        ordering = ["participation", "year"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["participation", "year"], name="inkoop_yearfigure_unique"),
            models.CheckConstraint(
                condition=Q(baseline_cost__gte=0) & Q(contract_cost__gte=0), name="inkoop_yearfigure_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation} {self.year}"

    @property
    def saving(self):
        return self.baseline_cost - self.contract_cost
