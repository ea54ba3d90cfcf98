from django import forms
from django.utils.translation import gettext_lazy as _

from meent.realisatie.inkoop.models import Category, Gibit

MAX_UPLOAD = 10 * 1024 * 1024


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand met jaarcijfers (CSV of XLSX)"),
        help_text=_(
            "Kolommen: contract, gemeente (CBS-code), jaar, basiskosten, contractkosten; eventueel vanaf en tot "
            "(de deelnameperiode van een nieuwe deelnemer). Bedragen als 12345.67 of 12.345,67."
        ),
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Het bestand is groter dan 10 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Kies een CSV- of XLSX-bestand."))
        return upload


class ContractForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    category = forms.ChoiceField(label=_("Categorie"), choices=Category.choices)
    supplier = forms.CharField(label=_("Leverancier"), max_length=200)
    start_date = forms.DateField(label=_("Ingangsdatum"), widget=forms.DateInput(attrs={"type": "date"}))
    term_years = forms.IntegerField(label=_("Looptijd (jaren)"), min_value=1, max_value=20, initial=6)
    extension_options = forms.IntegerField(label=_("Verlengingsopties (jaren)"), min_value=0, max_value=10, initial=0)
    gibit_version = forms.ChoiceField(label=_("Inkoopvoorwaarden"), choices=Gibit.choices, initial=Gibit.GIBIT_2020)
