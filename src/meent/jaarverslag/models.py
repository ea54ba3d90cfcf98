"""The annual report: a report per year, its chapters and their content blocks, and its publications.

A publication freezes the report: it stores the text of every block and the value of every figure as computed at
that moment (with who published it and when), so later corrections to the records never change a published report
silently. The public page and the PDF read the latest publication; the editor works on the live chapters."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("jaarverslag")
        verbose_name_plural = _("jaarverslagen")

    def __str__(self) -> str:
        return self.title

    @property
    def latest_publication(self) -> "Publication | None":
        return self.publications.order_by("-version").first()


class Chapter(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="chapters")
    key = models.SlugField(_("sleutel"), max_length=50)  # the module's name, from the chapters registry
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "key"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="jaarverslag_chapter_unique_key")]
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")

    def __str__(self) -> str:
        return self.title


class Block(models.Model):
    class Kind(models.TextChoices):
        TEKST = "tekst", _("Tekst")
        CITAAT = "citaat", _("Citaat")
        INTERVIEW = "interview", _("Interview (Mensenwerk)")

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="blocks")
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.TEKST)
    body = models.TextField(_("tekst (Markdown)"))
    body_en = models.TextField(_("tekst in het Engels (Markdown)"), blank=True)
    speaker = models.CharField(_("naam spreker"), max_length=200, blank=True)
    speaker_role = models.CharField(_("functie spreker"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("blok")
        verbose_name_plural = _("blokken")

    def __str__(self) -> str:
        return f"{self.chapter} #{self.order}"


class Publication(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="publications")
    version = models.PositiveIntegerField(_("versie"))
    published_at = models.DateTimeField(_("gepubliceerd op"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gepubliceerd door"), null=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("toelichting op de wijziging"), blank=True)
    content = models.JSONField(_("inhoud"))  # the chapters and blocks as published

    class Meta:
        ordering = ["report", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["report", "version"], name="jaarverslag_publication_unique_version")
        ]
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    def __str__(self) -> str:
        return f"{self.report} v{self.version}"


class PublishedValue(models.Model):
    """One figure as computed when the report was published, with its label and definition of that moment."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="values")
    key = models.CharField(_("sleutel"), max_length=100)
    year = models.PositiveSmallIntegerField(_("jaar"))  # the report's year, or the year before (``|vorig_jaar``)
    unit = models.CharField(_("eenheid"), max_length=20)
    number = models.DecimalField(_("waarde"), max_digits=20, decimal_places=4, null=True)
    rows = models.JSONField(_("rijen"), null=True)
    label = models.JSONField(_("naam"))  # {"nl": …, "en": …}
    definition = models.JSONField(_("definitie"))
    order = models.IntegerField(default=0)

    class Meta:
        ordering = ["order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "key", "year"], name="jaarverslag_value_unique_key")
        ]
        verbose_name = _("gepubliceerde waarde")
        verbose_name_plural = _("gepubliceerde waarden")

    def __str__(self) -> str:
        return self.key
