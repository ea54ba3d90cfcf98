from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from meent.international.crit.models import Expert, Language, Topic, Urgency
from meent.leden.models import Account, Gemeente, Organisation, Person


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class _QuestionFields(forms.Form):
    contact_name = forms.CharField(label=_("Uw naam"), max_length=200)
    contact_email = forms.EmailField(label=_("Uw e-mailadres"))
    subject = forms.CharField(label=_("Onderwerp in het kort"), max_length=200)
    text = forms.CharField(label=_("Uw vraag"), widget=forms.Textarea(attrs={"rows": 6}))
    topic = forms.ChoiceField(label=_("Thema"), choices=Topic.choices)
    country = LazyTypedChoiceField(label=_("Land"), choices=countries)
    language = forms.ChoiceField(label=_("In welke taal wilt u antwoord?"), choices=Language.choices)
    urgency = forms.ChoiceField(label=_("Urgentie"), choices=Urgency.choices, initial=Urgency.NORMAAL)
    attachments = MultipleFileField(
        label=_("Bijlagen"),
        required=False,
        help_text=_("Hoogstens 3 bestanden van elk hoogstens 5 MB: PDF, DOCX, XLSX, PNG of JPG."),
    )


class QuestionForm(_QuestionFields):
    partner_name = forms.CharField(label=_("Uw organisatie"), max_length=200)
    field_order = ["partner_name", "contact_name", "contact_email"]


class StaffQuestionForm(_QuestionFields):
    partner = forms.ModelChoiceField(
        label=_("Partnerorganisatie"), queryset=Organisation.objects.exclude(country="NL").order_by("name")
    )
    field_order = ["partner", "contact_name", "contact_email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].label = _("Naam contactpersoon")
        self.fields["contact_email"].label = _("E-mailadres contactpersoon")
        self.fields["text"].label = _("Vraag")
        self.fields["language"].label = _("Taal van het antwoord")


class AssignForm(forms.Form):
    experts = forms.ModelMultipleChoiceField(
        label=_("Experts"), queryset=Expert.objects.filter(active=True), widget=forms.CheckboxSelectMultiple
    )


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 5}))


class SummaryForm(forms.Form):
    text = forms.CharField(
        label=_("Samenvatting"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Namen en e-mailadressen worden bij het delen nogmaals weggehaald."),
    )


class RateForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Hoe tevreden bent u? (1 = zeer ontevreden, 5 = zeer tevreden)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )


class ExpertForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Persoon"), queryset=Person.objects.filter(crit_expert__isnull=True))
    account = forms.ModelChoiceField(
        label=_("Account waarmee de expert antwoordt"),
        queryset=Account.objects.filter(is_active=True, crit_expert__isnull=True).order_by("username"),
        required=False,
    )
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.all(), required=False)
    former_role = forms.CharField(label=_("(Voormalige) functie"), max_length=200, required=False)
    expertise = forms.MultipleChoiceField(
        label=_("Expertise"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    starts_on = forms.DateField(
        label=_("Beschikbaar vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Beschikbaar tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class AvailabilityForm(forms.Form):
    starts_on = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))
