from django import forms
from django.utils.translation import gettext_lazy as _

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
