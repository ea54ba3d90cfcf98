from django import forms
from django.utils.translation import gettext_lazy as _


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    purpose = forms.CharField(label=_("Doel"), widget=forms.Textarea(attrs={"rows": 4}))
    beneficiaries = forms.CharField(
        label=_("Begunstigden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Beschrijf wie het geld krijgt zonder iemand bij naam te noemen."),
    )
    target = forms.DecimalField(label=_("Streefbedrag (€)"), min_value=1, max_digits=12, decimal_places=2)
    starts_on = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Sluit na"), widget=forms.DateInput(attrs={"type": "date"}))


class PledgeForm(forms.Form):
    amount = forms.DecimalField(label=_("Bedrag (€)"), min_value=1, max_digits=10, decimal_places=2)
    anonymous = forms.BooleanField(label=_("Anoniem geven"), required=False)
    display_name = forms.CharField(
        label=_("Naam bij de gift"),
        max_length=200,
        required=False,
        help_text=_("Leeg: uw eigen naam. Bij anoniem geven wordt geen naam getoond."),
    )
    message = forms.CharField(
        label=_("Bericht"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
