"""Forms of the campaigns. The answer form is built from the campaign's typed fields; the service validates every
answer with the same form, so a link, the API and the demo all meet the same rules."""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from meent.core.submissions import SubmissionKeyField
from meent.leden.models import Gemeente
from meent.naleving.models import Campaign, Decision, Field, Progress, Roadmap


def _form_field(field: Field) -> forms.Field:
    common = {"label": field.label, "required": field.required}
    if field.step_id is not None:  # the gemeente's progress on a roadmap step, with the step's guidance
        choices = [("", "—"), *Progress.Status.choices]
        return forms.ChoiceField(choices=choices, help_text=field.step.guidance, **common)
    match field.kind:
        case Field.Kind.EMAIL:
            return forms.EmailField(max_length=254, **common)
        case Field.Kind.PHONE:
            return PhoneNumberField(region="NL", **common)
        case Field.Kind.CHOICE:
            return forms.ChoiceField(choices=[("", "—")] + [(c, c) for c in field.choice_list], **common)
        case Field.Kind.DATE:
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
        case Field.Kind.NUMBER:
            return forms.IntegerField(min_value=field.min_value, max_value=field.max_value, **common)
    return forms.CharField(max_length=500, **common)


def answer_form_class(campaign: Campaign) -> type[forms.Form]:
    attrs = {f.key: _form_field(f) for f in campaign.fields.select_related("step")}
    return type("AnswerForm", (forms.Form,), attrs)


def as_json(cleaned: dict) -> dict:
    """Cleaned values as JSON: dates in ISO, phone numbers in E.164."""
    result = {}
    for key, value in cleaned.items():
        if value is None or value == "":
            result[key] = ""
        elif hasattr(value, "as_e164"):
            result[key] = value.as_e164
        elif hasattr(value, "isoformat"):
            result[key] = value.isoformat()
        else:
            result[key] = value
    return result


class CampaignForm(forms.ModelForm):
    submission_key = SubmissionKeyField()
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Gemeenten (bij een gekozen lijst)"),
        queryset=Gemeente.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Campaign
        fields = [
            "title",
            "question",
            "target_kind",
            "division_year",
            "province",
            "veiligheidsregio",
            "recipient_role",
            "fallback_email",
            "answer_role",
            "answer_role_label",
            "deadline",
            "grace_days",
        ]
        widgets = {"deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from meent.leden.selectors import current_year

        self.fields["gemeenten"].queryset = Gemeente.objects.municipalities().order_by("name")
        self.fields["division_year"].initial = current_year()


class FieldForm(forms.ModelForm):
    class Meta:
        model = Field
        fields = ["key", "label", "kind", "required", "choices", "min_value", "max_value", "purpose", "order"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}


class RoadmapFieldsForm(forms.Form):
    """Ask a roadmap's steps in a campaign: the roadmaps of the campaign's division."""

    roadmap = forms.ModelChoiceField(label=_("Routekaart"), queryset=Roadmap.objects.none())

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roadmap"].queryset = Roadmap.objects.filter(division_year=campaign.division_year)


class ConfirmForm(forms.Form):
    """A POST that only confirms (send, remind)."""


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Progress.Status.choices)
    date = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Notitie"), required=False, max_length=500)


class GlobalGoalsForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Gemeente.objects.municipalities().order_by("name"), to_field_name="code"
    )
    joined = forms.DateField(label=_("Aangesloten op"), widget=forms.DateInput(attrs={"type": "date"}))


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    start = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class BoardMemberForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.filter(valid_until__isnull=True).order_by("name"),
        to_field_name="code",
    )
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Bestaat de persoon al in het register, dan wordt die gebruikt.")
    )
    function = forms.CharField(
        label=_("Functie"), max_length=100, help_text=_("Bijvoorbeeld wethouder of burgemeester.")
    )
    since = forms.DateField(label=_("Lid sinds"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 4}))
    minutes = forms.CharField(label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    document_url = forms.URLField(label=_("Document (link)"), required=False, assume_scheme="https")


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Besluit"), max_length=500)
    status = forms.ChoiceField(label=_("Status"), choices=Decision.Status.choices)
