"""Forms of Risicobeheer: input only; every rule is checked by the service the view calls."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meent.risicobeheer.models import Claim, PoolMember, Risk, Scenario, Theme

SCORES = [(n, str(n)) for n in range(1, 6)]
# ISO dates: a browser date input shows no other format, so a stored date comes back into the form.
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ScenarioForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea)
    assumptions = forms.CharField(label=_("Aannames"), widget=forms.Textarea, required=False)
    theme = forms.ChoiceField(label=_("Thema"), choices=Theme.choices)
    visibility = forms.ChoiceField(label=_("Zichtbaar voor"), choices=Scenario.Visibility.choices)
    tags = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=300,
        help_text=_("Gescheiden door komma's, zoals: corona, financiën."),
    )

    def clean_tags(self) -> list[str]:
        return [tag for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


class NewScenarioForm(ScenarioForm):
    variants = forms.CharField(
        label=_("Varianten"),
        required=False,
        max_length=300,
        help_text=_("Gescheiden door komma's, zoals: Mild, Midden, Zwaar."),
    )
    variables = forms.CharField(
        label=_("Variabelen"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Eén per regel: naam; eenheid; een waarde per variant, in de volgorde van de varianten."),
    )

    def clean_variants(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["variants"].split(",") if name.strip()]

    def clean(self):
        cleaned = super().clean()
        variants = cleaned.get("variants") or []
        variables = []
        for number, line in enumerate((cleaned.get("variables") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            if len(parts) != 2 + len(variants) or not parts[0]:
                self.add_error(
                    "variables",
                    _("Regel %(n)s: geef een naam, een eenheid en %(count)s waarde(n).")
                    % {"n": number, "count": len(variants)},
                )
                continue
            variables.append(
                {"name": parts[0], "unit": parts[1], "values": dict(zip(variants, parts[2:], strict=True))}
            )
        cleaned["variables"] = variables
        return cleaned


class RiskForm(forms.Form):
    title = forms.CharField(label=_("Risico"), max_length=200)
    theme = forms.ChoiceField(label=_("Thema"), choices=Theme.choices)
    cause = forms.CharField(label=_("Oorzaak"), widget=forms.Textarea)
    effect = forms.CharField(label=_("Gevolg"), widget=forms.Textarea)
    owner = forms.CharField(label=_("Eigenaar"), max_length=200)
    gross_likelihood = forms.TypedChoiceField(label=_("Kans bruto (1–5)"), choices=SCORES, coerce=int)
    gross_impact = forms.TypedChoiceField(label=_("Impact bruto (1–5)"), choices=SCORES, coerce=int)
    net_likelihood = forms.TypedChoiceField(label=_("Kans netto, na maatregelen (1–5)"), choices=SCORES, coerce=int)
    net_impact = forms.TypedChoiceField(label=_("Impact netto, na maatregelen (1–5)"), choices=SCORES, coerce=int)
    review_on = forms.DateField(label=_("Herbeoordelen op"), widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=Risk.Status.choices)


class MeasureForm(forms.Form):
    description = forms.CharField(label=_("Maatregel"), max_length=300)
    owner = forms.CharField(label=_("Eigenaar"), max_length=200)
    due_on = forms.DateField(label=_("Gereed op"), widget=DATE)


class RiskFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Thema"), choices=[("", _("Alle thema's")), *Theme.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Alle")), *Risk.Status.choices], required=False)
    min_score = forms.TypedChoiceField(
        label=_("Netto score ten minste"),
        choices=[(0, _("Alle")), (5, "5"), (10, "10"), (15, "15"), (20, "20")],
        coerce=int,
        required=False,
        empty_value=0,
    )
    text = forms.CharField(label=_("Zoeken"), max_length=100, required=False)


MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class PoolYearForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    base = forms.DecimalField(label=_("Basisbijdrage per deelnemer (€)"), **MONEY)
    share_total = forms.DecimalField(label=_("Te verdelen naar inwoners (€)"), **MONEY)
    premium = forms.DecimalField(label=_("Herverzekeringspremie (€)"), **MONEY)


class OverrideForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Aangepast bedrag (€)"), required=False, help_text=_("Leeg: het berekende bedrag."), **MONEY
    )
    reason = forms.CharField(label=_("Reden"), max_length=300, required=False)


class ClaimForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Veiligheidsregio"), queryset=PoolMember.objects.select_related("veiligheidsregio")
    )
    incident_on = forms.DateField(label=_("Datum ongeval"), widget=DATE)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea)
    reserve = forms.DecimalField(label=_("Reserve (€)"), **MONEY)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("Bedrag (€)"), **MONEY)
    paid_on = forms.DateField(label=_("Betaald op"), widget=DATE)


class CloseClaimForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Afsluiten als"), choices=[c for c in Claim.Status.choices if c[0] != Claim.Status.OPEN]
    )
