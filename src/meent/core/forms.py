"""Form fields that turn hostile values into field errors instead of crashes; every module's forms use these."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from meent.core.input import parse_id

# A moment outside these years is a typing error, and year 1 in local time lies before the first moment the
# database (and Python, in UTC) can hold.
MIN_YEAR, MAX_YEAR = 1900, 2999


def check_year(value: datetime.date | None) -> None:
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise forms.ValidationError(
            _("Kies een datum tussen %(min)d en %(max)d.") % {"min": MIN_YEAR, "max": MAX_YEAR}, code="year_range"
        )


class DateTimeField(forms.DateTimeField):
    default_validators = [check_year]


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses a number the database cannot hold as an unknown choice (Django would send it to the database)."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        field = self.queryset.model._meta.get_field(key) if key != "pk" else self.queryset.model._meta.pk
        if field.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField"):
            for item in value:
                if parse_id(str(item)) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                    )
        return super()._check_values(value)


class DisableSecondFactorForm(forms.Form):
    password = forms.CharField(
        label=_("Huidig wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.RegexField(
        label=_("Huidige code uit uw authenticator-app"),
        regex=r"^\s*[0-9]{6,8}\s*$",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
