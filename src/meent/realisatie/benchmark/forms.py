from django import forms
from django.utils.translation import gettext_lazy as _

from meent.realisatie.benchmark.models import Area, DataImport, PeerStatistic, Theme

MAX_UPLOAD = 50 * 1024 * 1024

PEER_CHOICES = [
    ("", _("geen peergroep")),
    (PeerStatistic.Group.GROOTTEKLASSE, _("zelfde grootteklasse (inwoners)")),
    (PeerStatistic.Group.PROVINCIE, _("zelfde provincie")),
    (PeerStatistic.Group.VEILIGHEIDSREGIO, _("zelfde veiligheidsregio")),
    (PeerStatistic.Group.NEDERLAND, _("alle gemeenten van Nederland")),
]


def gemeente_choices() -> list[tuple[str, str]]:
    return list(
        Area.objects.filter(kind=Area.Kind.GEMEENTE, is_current=True).order_by("name").values_list("code", "name")
    )


class ManyChoicesField(forms.MultipleChoiceField):
    """Checks the chosen values against a set: Django walks the whole list of choices for every chosen value, which
    for 50 of a thousand indicators took longer than the comparison itself."""

    def valid_value(self, value: str) -> bool:
        if getattr(self, "_valid_values", None) is None:
            self._valid_values = {str(key) for key, _ in self.choices}
        return str(value) in self._valid_values


class CompareForm(forms.Form):
    gemeenten = ManyChoicesField(
        label=_("Gemeenten"), help_text=_("Kies één of meer gemeenten (Ctrl of Cmd ingedrukt voor meer)."), choices=()
    )
    peergroep = forms.ChoiceField(label=_("Vergelijk de eerste gemeente ook met"), choices=PEER_CHOICES, required=False)
    thema = forms.ChoiceField(label=_("Thema"), choices=[("", _("alle thema's")), *Theme.choices], required=False)
    indicatoren = ManyChoicesField(label=_("Indicatoren"), choices=(), required=False)
    periode = forms.CharField(label=_("Periode"), required=False, max_length=12, help_text=_("Leeg: de laatste."))

    def __init__(self, *args, indicator_choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].choices = gemeente_choices()
        self.fields["indicatoren"].choices = indicator_choices


class PeerForm(forms.Form):
    peergroep = forms.ChoiceField(
        label=_("Peergroep"),
        choices=PEER_CHOICES[1:],
        required=False,
    )


class ImportForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort bestand"), choices=DataImport.Kind.choices)
    bestand = forms.FileField(label=_("Bestand"))
    tabel = forms.CharField(
        label=_("CBS-tabelcode"),
        required=False,
        max_length=20,
        help_text=_("Alleen voor CBS StatLine, bijv. 83765NED."),
    )
    thema = forms.ChoiceField(label=_("Thema van nieuwe CBS-indicatoren"), choices=Theme.choices, initial="overig")

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Het bestand is groter dan 50 MB."))
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if data.get("soort") == DataImport.Kind.CBS_CSV and not data.get("tabel"):
            self.add_error("tabel", _("Geef de CBS-tabelcode op voor een CBS-CSV-bestand."))
        return data
