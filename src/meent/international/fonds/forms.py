"""Forms of the grant fund. They only parse input; every rule is checked by :mod:`.services`."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from meent.international.fonds.models import Application, Area, Call
from meent.leden.models import Account

BUDGET_LINES = 5


class RegisterForm(forms.Form):
    organisation_name = forms.CharField(label=_("Naam van de organisatie"), max_length=200)
    country = forms.ChoiceField(label=_("Land"), choices=list(countries))
    registration_number = forms.CharField(label=_("Registratienummer"), max_length=60)
    email = forms.EmailField(label=_("E-mailadres"), help_text=_("U krijgt een link om dit adres te bevestigen."))
    username = forms.SlugField(label=_("Gebruikersnaam"), max_length=60)
    password = forms.CharField(label=_("Wachtwoord"), widget=forms.PasswordInput, strip=False)


class ApplicationForm(forms.Form):
    title = forms.CharField(label=_("Titel van het project"), max_length=200)
    organisation_name = forms.CharField(label=_("Naam van de organisatie"), max_length=200)
    registration_number = forms.CharField(label=_("Registratienummer"), max_length=60)
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=120)
    areas = forms.ModelMultipleChoiceField(
        label=_("Gebieden en gemeenten"), queryset=Area.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    activities = forms.CharField(label=_("Geplande activiteiten"), widget=forms.Textarea(attrs={"rows": 5}))
    amount_requested = forms.DecimalField(label=_("Gevraagd bedrag"), max_digits=14, decimal_places=2, min_value=0)
    document = forms.FileField(
        label=_("Document toevoegen"),
        required=False,
        help_text=_("PDF, DOCX of XLSX, hoogstens 10 MB. Na het indienen kunnen geen documenten meer bij."),
    )

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["areas"].queryset = call.areas.all()
        for n in range(1, BUDGET_LINES + 1):
            required = n == 1
            self.fields[f"line_{n}_description"] = forms.CharField(
                label=_("Begrotingsregel %(n)d: omschrijving") % {"n": n}, max_length=200, required=required
            )
            self.fields[f"line_{n}_amount"] = forms.DecimalField(
                label=_("Begrotingsregel %(n)d: bedrag") % {"n": n},
                max_digits=14,
                decimal_places=2,
                min_value=0,
                required=required,
            )
        # The document field last, after the budget.
        self.fields["document"] = self.fields.pop("document")

    @classmethod
    def initial_for(cls, application: Application) -> dict:
        initial = {
            name: getattr(application, name)
            for name in ("title", "organisation_name", "registration_number", "contact_name", "activities")
        }
        initial["amount_requested"] = application.amount_requested
        initial["areas"] = list(application.areas.all())
        for n, line in enumerate(application.budget_lines.all()[:BUDGET_LINES], start=1):
            initial[f"line_{n}_description"] = line.description
            initial[f"line_{n}_amount"] = line.amount
        return initial

    def clean(self):
        data = super().clean()
        for n in range(1, BUDGET_LINES + 1):
            if bool(data.get(f"line_{n}_description")) != (data.get(f"line_{n}_amount") is not None):
                self.add_error(f"line_{n}_amount", _("Vul bij een begrotingsregel zowel omschrijving als bedrag in."))
        return data

    def budget_lines(self) -> list[tuple]:
        data = self.cleaned_data
        return [
            (data[f"line_{n}_description"], data[f"line_{n}_amount"])
            for n in range(1, BUDGET_LINES + 1)
            if data.get(f"line_{n}_description")
        ]


class TransitionForm(forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"))
    motivering = forms.CharField(label=_("Motivering"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    bedrag = forms.DecimalField(
        label=_("Toe te kennen bedrag"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("Alleen bij toekennen; leeg: het gevraagde bedrag."),
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = choices


class AssignForm(forms.Form):
    beoordelaar = forms.CharField(label=_("Gebruikersnaam van de beoordelaar"), max_length=150)

    def clean_beoordelaar(self) -> Account:
        account = Account.objects.filter(username=self.cleaned_data["beoordelaar"], is_active=True).first()
        if account is None:
            raise forms.ValidationError(_("Er is geen actief account met deze gebruikersnaam."))
        return account


class ReviewForm(forms.Form):
    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(c)s (gewicht %(w)d): score") % {"c": criterion.name, "w": criterion.weight},
                choices=[(n, str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"motivation_{criterion.pk}"] = forms.CharField(
                label=_("%(c)s: motivering") % {"c": criterion.name}, widget=forms.Textarea(attrs={"rows": 3})
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {c.pk: (data[f"score_{c.pk}"], data[f"motivation_{c.pk}"]) for c in self.criteria}


class TrancheForm(forms.Form):
    planned_on = forms.DateField(label=_("Geplande datum"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Bedrag"), max_digits=14, decimal_places=2)
    requires_report = forms.BooleanField(label=_("Alleen na goedkeuring van het vorige verslag"), required=False)


class ReportForm(forms.Form):
    text = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 5}))
