import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meent.core.roles import Role
from meent.leden.models import Gemeente
from meent.realisatie.ibd.models import (
    PAP,
    TLP,
    TRANSITIONS,
    Category,
    Expert,
    Impact,
    ObservableType,
    RequestType,
    Severity,
    Share,
    Status,
    TimelineEntry,
)

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST_YEAR = 1990  # as services.EARLIEST_YEAR; the form answers first, next to the field


class DateTimeField(forms.DateTimeField):
    """A time in this era: a year-1 date is a typing error, and would break the local-time arithmetic."""

    widget = DATETIME

    def to_python(self, value):
        message = _("Vul een tijdstip na %(year)d in.") % {"year": EARLIEST_YEAR}
        try:
            result = super().to_python(value)
        except OverflowError:  # the edges of the calendar cannot be put in a time zone
            raise forms.ValidationError(message) from None
        if result is not None and not EARLIEST_YEAR <= result.year <= 9998:
            raise forms.ValidationError(message)
        return result


def submission_key() -> str:
    return uuid.uuid4().hex


def analysts():
    return get_user_model().objects.filter(groups__name=Role.IBD_ANALIST.value, is_active=True).order_by("last_name")


def recipient_choices(gemeente: Gemeente):
    """Who a reporter can name: the security officers of their own gemeente and the IBD analysts."""
    return (
        get_user_model()
        .objects.filter(
            Q(organisation__gemeente=gemeente, groups__name=Role.GEMEENTE_ISO.value)
            | Q(groups__name=Role.IBD_ANALIST.value),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "username")
    )


class AccountChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        role = _("IBD") if obj.has_role(Role.IBD_ANALIST) else str(obj.organisation or "")
        return f"{obj.get_full_name() or obj.username} ({role})"


class AnalystChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class ReportForm(forms.Form):
    title = forms.CharField(label=_("Korte omschrijving"), max_length=200)
    description = forms.CharField(
        label=_("Wat is er gebeurd?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Beschrijf wat u zag, welke systemen geraakt zijn en wat u al heeft gedaan."),
    )
    detected_at = DateTimeField(label=_("Wanneer ontdekt?"))
    category = forms.ChoiceField(label=_("Categorie"), choices=Category.choices)
    request_type = forms.ChoiceField(label=_("Wat vraagt u van de IBD?"), choices=RequestType.choices)
    impact = forms.ChoiceField(label=_("Impact"), choices=Impact.choices)
    tlp = forms.ChoiceField(label=_("Vertrouwelijkheid (TLP)"), choices=TLP.choices, initial=TLP.AMBER)
    pap = forms.ChoiceField(label=_("Toegestaan gebruik (PAP)"), choices=PAP.choices, initial=PAP.AMBER)
    recipients = AccountChoiceField(
        label=_("Genoemde ontvangers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nodig bij TLP:AMBER+STRICT en TLP:RED. U staat er zelf altijd bij."),
    )
    attachment = forms.FileField(label=_("Bijlage (bewijs)"), required=False)
    # One key per rendered form: submitting it twice reports one incident.
    submission_key = forms.CharField(widget=forms.HiddenInput, initial=submission_key, max_length=100, required=False)

    def __init__(self, *args, gemeente: Gemeente, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = recipient_choices(gemeente)

    def clean_detected_at(self):
        value = self.cleaned_data["detected_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("Het tijdstip van ontdekken kan niet in de toekomst liggen."))
        return value


class EntryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[c for c in TimelineEntry.Kind.choices if c[0] != TimelineEntry.Kind.STATUS]
    )
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 4}))
    tlp = forms.ChoiceField(label=_("TLP van deze regel"), choices=TLP.choices, initial=TLP.AMBER)
    pap = forms.ChoiceField(label=_("PAP van deze regel"), choices=PAP.choices, initial=PAP.AMBER)
    occurred_at = DateTimeField(label=_("Tijdstip"), required=False, help_text=_("Leeg: nu."))


class TriageForm(forms.Form):
    severity = forms.ChoiceField(label=_("Ernst"), choices=Severity.choices)
    category = forms.ChoiceField(label=_("Categorie"), choices=Category.choices)
    assignee = AnalystChoiceField(label=_("Behandelaar"), queryset=get_user_model().objects.none(), required=False)
    tlp = forms.ChoiceField(label=_("TLP van het incident"), choices=TLP.choices)
    tlp_reason = forms.CharField(
        label=_("Reden voor een lagere TLP"),
        help_text=_("Alleen nodig als u de TLP verlaagt: het incident wordt dan ruimer gedeeld."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    tlp_lowering_confirmed = forms.BooleanField(
        label=_("Ik bevestig dat dit incident met de lagere TLP ruimer gedeeld mag worden"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = analysts()
        for name in ("tlp_reason", "tlp_lowering_confirmed"):
            self.fields[name].required_when = _("bij een lagere TLP")


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    summary = forms.CharField(
        label=_("Samenvatting bij afsluiten"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    confirm = forms.BooleanField(label=_("Ik bevestig deze statuswijziging"), required=True)

    def __init__(self, *args, current: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, Status(s).label) for s in TRANSITIONS[current]]


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Taak"), max_length=200)
    due_date = forms.DateField(label=_("Uiterlijk"), widget=DATE)
    assignee = AnalystChoiceField(label=_("Uitvoerder"), queryset=get_user_model().objects.none(), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = analysts()


class ObservableForm(forms.Form):
    type = forms.ChoiceField(label=_("Soort"), choices=ObservableType.choices)
    value = forms.CharField(label=_("Waarde"), max_length=2000)
    tlp = forms.ChoiceField(label=_("TLP"), choices=TLP.choices, initial=TLP.AMBER)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, PNG, JPG, ZIP, TXT, LOG, CSV, JSON of EML; hoogstens 10 MB.")
    )
    tlp = forms.ChoiceField(label=_("TLP"), choices=TLP.choices, initial=TLP.AMBER)


class ActivationForm(forms.Form):
    reason = forms.CharField(label=_("Aanleiding"), widget=forms.Textarea(attrs={"rows": 3}))


class DeploymentForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=Expert.objects.none())
    location = forms.CharField(label=_("Locatie"), max_length=200)
    starts_at = DateTimeField(label=_("Van"))
    ends_at = DateTimeField(label=_("Tot"))
    hours = forms.DecimalField(label=_("Uren"), min_value=0, max_digits=5, decimal_places=1, initial=0)

    def __init__(self, *args, gemeente: Gemeente, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = (
            Expert.objects.filter(available=True).exclude(gemeente=gemeente).select_related("person", "gemeente")
        )


class ExpertForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.filter(valid_until__isnull=True))
    expertise = forms.CharField(
        label=_("Expertise"), max_length=300, help_text=_("Trefwoorden, gescheiden door komma's.")
    )
    available = forms.BooleanField(label=_("Beschikbaar"), required=False, initial=True)


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Formaat"), choices=Share.Format.choices)
    max_tlp = forms.ChoiceField(
        label=_("Hoogste TLP in de export"),
        choices=TLP.choices,
        initial=TLP.AMBER,
        help_text=_("Regels en observables met een strengere markering blijven buiten de export."),
    )
    recipient = forms.CharField(label=_("Gedeeld met"), max_length=200, initial="NCSC")


class ImportForm(forms.Form):
    file = forms.FileField(label=_("MISP-event of STIX-bundel (JSON)"))
    tlp = forms.ChoiceField(label=_("TLP van de geïmporteerde observables"), choices=TLP.choices, initial=TLP.AMBER)


class AdvisoryForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    body = forms.CharField(label=_("Advies"), widget=forms.Textarea(attrs={"rows": 8}))
    severity = forms.ChoiceField(label=_("Ernst"), choices=Severity.choices)
    affected_products = forms.CharField(
        label=_("Getroffen producten"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Eén product per regel.")
    )
    tlp = forms.ChoiceField(label=_("TLP"), choices=TLP.choices, initial=TLP.GREEN)
    audience = forms.ModelMultipleChoiceField(
        label=_("Beperkte groep gemeenten"),
        queryset=Gemeente.objects.filter(valid_until__isnull=True).order_by("name"),
        required=False,
        help_text=_("Alleen bij TLP:AMBER en strenger."),
    )
    recipients = AccountChoiceField(
        label=_("Genoemde ontvangers"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Verplicht bij TLP:RED: alleen deze accounts van de gekozen gemeenten lezen het advies."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, organisation__gemeente__isnull=False)
            .select_related("organisation")
            .order_by("organisation__name", "last_name", "username")
        )


class ExclusionForm(forms.Form):
    type = forms.ChoiceField(label=_("Soort"), choices=ObservableType.choices)
    value = forms.CharField(label=_("Waarde"), max_length=2000)
    reason = forms.CharField(label=_("Reden"), max_length=200, required=False)


class RecipientsForm(forms.Form):
    recipients = AccountChoiceField(
        label=_("Genoemde ontvangers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De melder en de behandelaar blijven altijd ontvanger."),
    )

    def __init__(self, *args, gemeente: Gemeente, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = recipient_choices(gemeente)


class HoursForm(forms.Form):
    deployment = forms.IntegerField(widget=forms.HiddenInput)
    hours = forms.DecimalField(label=_("Uren"), min_value=0, max_digits=5, decimal_places=1)
