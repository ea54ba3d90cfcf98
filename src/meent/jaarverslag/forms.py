from django import forms
from django.utils.translation import gettext_lazy as _

from meent.jaarverslag.models import Block


class BlockForm(forms.ModelForm):
    class Meta:
        model = Block
        fields = ["kind", "body", "body_en", "speaker", "speaker_role", "order"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 12}),
            "body_en": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "body": _(
                'Markdown. Cijfers: {{ sleutel }}, {{ kaart sleutel "tekst" }}, {{ grafiek sleutel }}, '
                "{{ tabel sleutel }}; filters |label, |definitie, |vorig_jaar en |afgerond."
            ),
            "speaker": _("Bij een citaat of interview."),
        }


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting op de wijziging"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nodig bij een nieuwe versie van een gepubliceerd jaarverslag."),
    )


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
