from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    title = models.CharField(_("titel"), max_length=200, unique=True)
    purpose = models.TextField(_("doel"))
    beneficiaries = models.TextField(
        _("begunstigden"), help_text=_("Beschrijf wie het geld krijgt zonder iemand bij naam te noemen.")
    )
    target = models.DecimalField(
        _("streefbedrag (€)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("1"))]
    )
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("sluit na"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("inzameling")
        verbose_name_plural = _("inzamelingen")
        ordering = ["-ends_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="inzameling_target_positive"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="inzameling_period"),
        ]

    def __str__(self) -> str:
        return self.title


class Pledge(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="pledges")
    donor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("bedrag (€)"), max_digits=10, decimal_places=2)
    anonymous = models.BooleanField(_("anoniem geven"), default=False)
    display_name = models.CharField(_("naam bij de gift"), max_length=200, blank=True)
    message = models.CharField(_("bericht"), max_length=500, blank=True)
    pledged_at = models.DateTimeField(_("toegezegd"))
    confirmed_at = models.DateTimeField(_("ontvangst bevestigd"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["-pledged_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="inzameling_amount_positive"),
            models.CheckConstraint(
                condition=Q(anonymous=True) | ~Q(display_name=""), name="inzameling_named_or_anonymous"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True) | Q(confirmed_by__isnull=False), name="inzameling_confirmed_by"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: € {self.amount}"

    @property
    def public_name(self) -> str:
        return str(_("Anoniem")) if self.anonymous else self.display_name
