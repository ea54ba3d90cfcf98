from django import forms
from django.utils.translation import gettext_lazy as _


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
