from django.db import models
from django.utils.translation import gettext_lazy as _


class YearlyCounter(models.Model):
    """The last number handed out per series (``IBD`` incidents, ``ADV`` advisories, …) and year; its row is
    locked with SELECT … FOR UPDATE while a new number is taken (see :mod:`meent.core.numbering`)."""

    series = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nummerteller")
        verbose_name_plural = _("nummertellers")
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="core_yearlycounter_unique")]

    def __str__(self) -> str:
        return f"{self.series}-{self.year}: {self.last_number}"
