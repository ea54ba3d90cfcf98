from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meent.leden.models import Gemeente, Province, Veiligheidsregio


class Theme(models.TextChoices):
    BEVOLKING = "bevolking", _("Bevolking")
    FINANCIEN = "financien", _("Financiën")
    WERK_INKOMEN = "werk-inkomen", _("Werk en inkomen")
    ZORG_JEUGD = "zorg-jeugd", _("Zorg en jeugd")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    WONEN = "wonen", _("Wonen")
    MOBILITEIT = "mobiliteit", _("Mobiliteit")
    CORONA = "corona", _("Corona")
    OVERIG = "overig", _("Overig")


class Source(models.Model):
    """Where observations come from. Re-importing a source replaces all of its observations."""

    key = models.CharField(_("sleutel"), max_length=100, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    url = models.URLField(_("adres"), blank=True, max_length=500)
    licence = models.CharField(_("licentie"), max_length=100, blank=True)
    synthetic = models.BooleanField(_("synthetisch"), default=False, help_text=_("Gegenereerde, geen echte cijfers."))

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    unit = models.CharField(_("eenheid"), max_length=50, blank=True)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices, default=Theme.OVERIG)
    source = models.CharField(_("bron"), max_length=200, blank=True)
    description = models.TextField(_("toelichting"), blank=True)
    higher_is_better = models.BooleanField(
        _("hoger is beter"), null=True, blank=True, help_text=_("Leeg: geen oordeel (bijvoorbeeld inwonertal).")
    )
    additive = models.BooleanField(
        _("optelbaar"),
        default=True,
        help_text=_("Aantallen tellen op bij samenvoeging; verhoudingscijfers worden naar inwoners gewogen."),
    )
    cumulative = models.BooleanField(_("cumulatief"), default=False)
    decimals = models.PositiveSmallIntegerField(_("decimalen"), default=0)
    synthetic = models.BooleanField(_("synthetisch"), default=False, help_text=_("Gegenereerde, geen echte cijfers."))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["theme", "name"]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        PROVINCIE = "provincie", _("Provincie")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("Veiligheidsregio")
        NEDERLAND = "nederland", _("Nederland")

    NEDERLAND_CODE = "NL00"

    code = models.CharField(_("code"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, null=True, blank=True, related_name="area")
    province = models.OneToOneField(Province, on_delete=models.CASCADE, null=True, blank=True, related_name="area")
    veiligheidsregio = models.OneToOneField(
        Veiligheidsregio, on_delete=models.CASCADE, null=True, blank=True, related_name="area"
    )
    is_current = models.BooleanField(_("huidige indeling"), default=True)
    inhabitants = models.PositiveIntegerField(
        _("inwoners"), null=True, blank=True, help_text=_("Op 1 januari 2020, omgerekend naar dit gebied.")
    )
    size_class = models.PositiveSmallIntegerField(_("grootteklasse"), null=True, blank=True)
    # Peer groups of a gemeente on today's division, denormalised so the compare view needs no joins.
    province_code = models.CharField(max_length=4, blank=True)
    veiligheidsregio_code = models.CharField(max_length=4, blank=True)

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="gemeente") & Q(gemeente__isnull=False))
                | (Q(kind="provincie") & Q(province__isnull=False))
                | (Q(kind="veiligheidsregio") & Q(veiligheidsregio__isnull=False))
                | (Q(kind="nederland") & Q(gemeente__isnull=True)),
                name="area_kind_matches_link",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Period(models.Model):
    class Kind(models.TextChoices):
        JAAR = "jaar", _("Jaar")
        KWARTAAL = "kwartaal", _("Kwartaal")
        MAAND = "maand", _("Maand")
        WEEK = "week", _("Week")
        DAG = "dag", _("Dag")

    code = models.CharField(
        _("code"), max_length=12, unique=True, help_text=_("2020, 2020-Q3, 2020-03, 2020-W37, 2020-09-15")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"), help_text=_("Laatste dag van de periode."))

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("perioden")
        ordering = ["start", "kind"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_end_after_start")]
        indexes = [models.Index(fields=["kind", "start"], name="period_kind_start")]

    def __str__(self) -> str:
        return self.code


class Observation(models.Model):
    # The foreign keys are not declared in the database (``db_constraint=False``): PostgreSQL checks a declared key
    # row by row, and for this table's bulk loads those checks cost as much as the load itself (see the app's
    # docstring). The importer resolves every key in its own transaction and locks the indicators and the source
    # it writes for; deletes go through the ORM, which cascades, and lock first (``services.delete_under_lock``).
    # No separate indexes on indicator and area, and none on period: observation_unique starts with the indicator,
    # observation_profile with the area, and periods are never deleted while observed. On PostgreSQL the table is
    # partitioned by source (migration 0003, :mod:`~meent.realisatie.benchmark.storage`), which is why the source
    # needs no index of its own and is part of the unique key; the importer refuses a figure another source
    # already gives.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", db_index=False, db_constraint=False
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="observations", db_index=False, db_constraint=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="observations", db_index=False, db_constraint=False
    )
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="observations", db_index=False, db_constraint=False
    )
    value = models.FloatField(_("waarde"))
    in_source_division = models.BooleanField(_("zoals de bron het gaf"), default=True)
    in_current_division = models.BooleanField(_("op de huidige indeling"), default=True)
    estimated = models.BooleanField(_("geschat"), default=False)
    # Position among today's gemeenten for this indicator and period, counted from the highest and from the lowest
    # value (ties share a place); written on import so a profile needs no ranking query per indicator.
    rank_high = models.PositiveSmallIntegerField(null=True, blank=True)
    rank_low = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(in_source_division=True) | Q(in_current_division=True), name="observation_in_a_division"
            ),
            models.CheckConstraint(
                condition=Q(estimated=False) | Q(in_source_division=False), name="observation_source_not_estimated"
            ),
            # At most one figure per indicator, period and gebied on today's division, and one beside it as the
            # source gave it (a row with both flags is both). One index, not a partial one per flag: less load work.
            # The source comes last: a partitioned table's unique key must hold its partition key, and reads never
            # ask for it. Across sources the importer keeps the rule (``services.refuse_figures_of_other_sources``).
            models.UniqueConstraint(
                fields=["indicator", "period", "area", "in_current_division", "source"], name="observation_unique"
            ),
        ]
        indexes = [
            # The flags ride along so that "which indicators has this gemeente" is answered from the index alone.
            models.Index(
                fields=["area", "indicator", "period"],
                name="observation_profile",
                include=["in_current_division", "in_source_division"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period_id}: {self.value}"


class PeerStatistic(models.Model):
    """A peer group's figures for one indicator and period on today's division, refreshed on every import."""

    class Group(models.TextChoices):
        NEDERLAND = "nederland", _("Nederland")
        PROVINCIE = "provincie", _("Provincie")
        GROOTTEKLASSE = "grootteklasse", _("Grootteklasse")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("Veiligheidsregio")

    # Written in bulk with the observations, so kept the same way: keys not declared (a declared key is checked
    # row by row at commit, 0.6 s per 46,000 rows), deletes through the ORM, and no index of their own (the unique
    # key starts with the indicator; periods are deleted rarely, never while observed).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="peer_statistics", db_index=False, db_constraint=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="peer_statistics", db_index=False, db_constraint=False
    )
    group = models.CharField(max_length=20, choices=Group.choices)
    group_key = models.CharField(max_length=10, help_text=_("Provinciecode, VR-code, klassenummer of NL00."))
    count = models.PositiveIntegerField()
    total = models.FloatField()
    mean = models.FloatField()
    weighted_mean = models.FloatField(null=True, blank=True)
    median = models.FloatField()
    p25 = models.FloatField()
    p75 = models.FloatField()
    minimum = models.FloatField()
    maximum = models.FloatField()
    inhabitants = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("peergroepcijfer")
        verbose_name_plural = _("peergroepcijfers")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "group", "group_key", "period"], name="peerstatistic_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.group}:{self.group_key} {self.period_id}"


class DataImport(models.Model):
    class Kind(models.TextChoices):
        GENERIEK = "generiek", _("Generiek lang CSV-bestand")
        RIVM = "rivm", _("RIVM COVID-19 per gemeente (cumulatief)")
        RIOOLWATER = "rioolwater", _("RIVM rioolwatermetingen")
        NICE = "nice", _("NICE IC-opnames")
        CBS_JSON = "cbs-json", _("CBS StatLine OData v3 (JSON)")
        CBS_CSV = "cbs-csv", _("CBS StatLine (CSV)")

    class Status(models.TextChoices):
        BEZIG = "bezig", _("Bezig")
        GESLAAGD = "geslaagd", _("Geslaagd")
        GEWEIGERD = "geweigerd", _("Geweigerd")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports")
    filename = models.CharField(_("bestand"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BEZIG)
    started_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("regels gelezen"), default=0)
    rows_skipped = models.PositiveIntegerField(_("regels overgeslagen"), default=0)
    observations_written = models.PositiveIntegerField(_("waarnemingen opgeslagen"), default=0)
    skipped_reasons = models.JSONField(_("redenen van overslaan"), default=dict, blank=True)
    message = models.TextField(_("melding"), blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename} ({self.get_status_display()})"
