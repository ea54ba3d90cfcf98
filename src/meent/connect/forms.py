from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from meent.connect import services
from meent.connect.models import Cohort, Course, Edition, Evaluation, Event, Session, Trainee, Trainer
from meent.core import forms as safe
from meent.core.refusals import ImportRefused
from meent.core.submissions import SubmissionKeyField
from meent.leden.models import Organisation

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local", "class": "utrecht-textbox"}, format="%Y-%m-%dT%H:%M"
)
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *Event.Kind.choices])
    vorm = forms.ChoiceField(label=_("Vorm"), required=False, choices=[("", _("Alle vormen")), *Event.Format.choices])
    jaar = forms.IntegerField(label=_("Jaar"), required=False, min_value=2000, max_value=2100)
    periode = forms.ChoiceField(
        label=_("Periode"),
        required=False,
        choices=[("komend", _("Komende evenementen")), ("afgelopen", _("Afgelopen evenementen")), ("alle", _("Alle"))],
    )

    def period(self) -> str:
        """Upcoming events unless asked otherwise; a chosen year shows the whole year."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return data.get("periode") or ("alle" if data.get("jaar") else "komend")


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, help_text=_("U ontvangt een mail om uw aanmelding te bevestigen.")
    )
    organisation_name = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    sessions = safe.ModelMultipleChoiceField(
        label=_("Sessies"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
        help_text=_("Kies de sessies die u wilt volgen; sessies op hetzelfde moment kunt u niet allebei kiezen."),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = event.sessions.order_by("starts_at", "title")
        if sessions.exists():
            self.fields["sessions"].queryset = sessions
            self.fields["sessions"].label_from_instance = self._session_label
        else:
            del self.fields["sessions"]

    @staticmethod
    def _session_label(session: Session) -> str:
        when = formats.time_format(timezone.localtime(session.starts_at), "H:i") if session.starts_at else ""
        if session.ends_at:
            when += "–" + formats.time_format(timezone.localtime(session.ends_at), "H:i")
        title = f"{session.title} ({when})" if when else session.title
        if session.capacity is None:
            return title
        if not session.has_room:
            return _("%(title)s — vol, u komt op de wachtlijst van deze sessie") % {"title": title}
        return _("%(title)s — nog %(n)d plaatsen") % {"title": title, "n": session.seats_left}

    def clean_sessions(self):
        sessions = list(self.cleaned_data.get("sessions") or [])
        try:
            services.check_session_choice(sessions)
        except services.RegistrationRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        return sessions


class EventForm(forms.ModelForm):
    stream_url = forms.URLField(
        label=_("Streamlink"),
        required=False,
        assume_scheme="https",
        help_text=_("Alleen zichtbaar voor bevestigde deelnemers (digitaal, hybride)."),
    )
    submission = SubmissionKeyField()
    commissioners = safe.ModelMultipleChoiceField(
        label=_("Opdrachtgevers"),
        queryset=Organisation.objects.exclude(kind=Organisation.Kind.GEMEENTE).order_by("name"),
        required=False,
    )

    class Meta:
        model = Event
        fields = [*services.EVENT_FIELDS, "commissioners"]
        field_classes = dict.fromkeys(
            ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"), safe.DateTimeField
        )
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "registration_opens_at": DATETIME_WIDGET,
            "registration_closes_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            self.fields[name].input_formats = DATETIME_FORMATS
        # Required by the event's form (checked in clean): the label says so instead of "optioneel".
        self.fields["stream_url"].required_when = _("bij een digitaal of hybride evenement")
        self.fields["venue"].required_when = _("bij een fysiek of hybride evenement")
        if self.instance.pk:
            # Moving and converting go through their own pages, which keep the history and tell registrants.
            for name in ("starts_at", "ends_at", "format", "submission"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        fmt = data.get("format", self.instance.format if self.instance.pk else None)
        if fmt in (Event.Format.DIGITAAL, Event.Format.HYBRIDE) and not data.get("stream_url"):
            self.add_error("stream_url", _("Een digitaal of hybride evenement heeft een streamlink nodig."))
        if fmt in (Event.Format.FYSIEK, Event.Format.HYBRIDE) and not data.get("venue"):
            self.add_error("venue", _("Een fysiek of hybride evenement heeft een locatie nodig."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Het einde ligt vóór het begin."))
        if self.instance.pk and data.get("capacity") is not None and data["capacity"] < self.instance.seats_taken:
            self.add_error(
                "capacity",
                _("De capaciteit kan niet lager dan het aantal bezette plaatsen (%(n)d).")
                % {"n": self.instance.seats_taken},
            )
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["title", "starts_at", "ends_at", "capacity"]
        field_classes = {"starts_at": safe.DateTimeField, "ends_at": safe.DateTimeField}
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = DATETIME_FORMATS
        self.fields["ends_at"].input_formats = DATETIME_FORMATS
        self.fields["ends_at"].help_text = _("Sessies die elkaar overlappen kan een deelnemer niet allebei kiezen.")
        self.fields["capacity"].help_text = _("Leeg: alleen de capaciteit van het evenement geldt.")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if ends and not starts:
            self.add_error("starts_at", _("Geef ook het begin op."))
        elif starts and ends and ends <= starts:
            self.add_error("ends_at", _("Het einde ligt niet na het begin."))
        return data


class RescheduleForm(forms.Form):
    starts_at = safe.DateTimeField(label=_("Nieuw begin"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS)
    ends_at = safe.DateTimeField(label=_("Nieuw einde"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS)
    reason = forms.CharField(label=_("Reden"), max_length=300, help_text=_("Bijvoorbeeld: corona."))

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("Het einde ligt vóór het begin."))
        return data


class CancelEventForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=300)
    replacement = forms.ModelChoiceField(
        label=_("Vervangend evenement"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("Geen vervanging"),
        help_text=_("Deelnemers krijgen een uitnodiging om zich hiervoor aan te melden."),
    )
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat het evenement definitief wordt geannuleerd en dat alle deelnemers een mail krijgen."),
        required=True,
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = (
            Event.objects.exclude(pk=event.pk).exclude(status=Event.Status.GEANNULEERD).order_by("starts_at")
        )


class ConvertForm(forms.Form):
    new_format = forms.ChoiceField(label=_("Nieuwe vorm"), choices=Event.Format.choices)
    stream_url = forms.URLField(label=_("Streamlink"), required=False, assume_scheme="https")
    venue = forms.CharField(label=_("Locatie"), max_length=200, required=False)
    reason = forms.CharField(label=_("Reden"), max_length=300, help_text=_("Bijvoorbeeld: corona."))


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV)"),
        help_text=_("Eén deelnemer per regel, met een kolom 'e-mailadres'. Gescheiden door komma of puntkomma."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError(_("Het bestand is geen leesbare tekst (CSV)."))


GRADES = [(i, str(i)) for i in range(1, 11)]


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["overall", "content", "speakers", "organisation", "comment"]
        labels = {
            "overall": _("Welk cijfer geeft u het evenement als geheel?"),
            "content": _("Inhoud"),
            "speakers": _("Sprekers"),
            "organisation": _("Organisatie en logistiek"),
            "comment": _("Wat wilt u ons nog meegeven?"),
        }
        widgets = {
            "overall": forms.Select(choices=[("", "—"), *GRADES]),
            "content": forms.Select(choices=[("", "—"), *GRADES]),
            "speakers": forms.Select(choices=[("", "—"), *GRADES]),
            "organisation": forms.Select(choices=[("", "—"), *GRADES]),
            "comment": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("overall", "content", "speakers", "organisation"):
            self.fields[name].help_text = _("1 = zeer slecht, 10 = uitstekend")


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "description", "days"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class TrainerForm(forms.ModelForm):
    class Meta:
        model = Trainer
        fields = ["name", "email", "expertise"]


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]


class EditionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort editie"), choices=Edition.Kind.choices)
    client = forms.ModelChoiceField(
        label=_("Opdrachtgever (maatwerk)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Alleen bij maatwerk: de gemeente of organisatie die de training afneemt."),
    )
    capacity = forms.IntegerField(label=_("Capaciteit"), min_value=1, max_value=10000)
    venue = forms.CharField(label=_("Locatie"), max_length=200, required=False)
    stream_url = forms.URLField(label=_("Streamlink"), required=False, assume_scheme="https")
    trainers = safe.ModelMultipleChoiceField(label=_("Docenten"), queryset=Trainer.objects.all(), required=False)
    days = forms.CharField(
        label=_("Trainingsdagen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén dag per regel: datum en vorm, bijvoorbeeld '12-10-2026 fysiek' of '13-10-2026 online'."),
    )

    def clean_days(self):
        try:
            return services.parse_day_plans(self.cleaned_data["days"])
        except ImportRefused as exc:
            raise exc.as_validation_error() from exc

    def clean(self):
        data = super().clean()
        if data.get("kind") == Edition.Kind.MAATWERK and not data.get("client"):
            self.add_error("client", _("Een maatwerkeditie heeft een opdrachtgever."))
        if data.get("kind") == Edition.Kind.OPEN and data.get("client"):
            self.add_error("client", _("Een open editie heeft geen opdrachtgever."))
        formats = {d.format for d in data.get("days") or []}
        if Event.Format.DIGITAAL in formats and not data.get("stream_url"):
            self.add_error("stream_url", _("Online trainingsdagen hebben een streamlink nodig."))
        if Event.Format.FYSIEK in formats and not data.get("venue"):
            self.add_error("venue", _("Fysieke trainingsdagen hebben een locatie nodig."))
        return data


class TraineeForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.all(), required=False)
    new_cohort = forms.CharField(
        label=_("Of een nieuw cohort"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld: Traineeship 2026-II."),
    )
    start_date = forms.DateField(label=_("In dienst"), widget=DATE_WIDGET, input_formats=DATE_FORMATS)
    end_date = forms.DateField(label=_("Uit dienst"), widget=DATE_WIDGET, input_formats=DATE_FORMATS, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Trainee.objects.filter(email=email).exists():
            raise forms.ValidationError(_("Er is al een trainee met dit e-mailadres."))
        return email

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("Het einde ligt vóór het begin."))
        if not data.get("cohort") and not (data.get("new_cohort") or "").strip():
            self.add_error("cohort", _("Kies een cohort of geef een nieuw cohort op."))
        return data


class AssignmentForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Opdrachtgever"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_("De gemeente of andere overheid waar de trainee de opdracht doet."),
    )
    title = forms.CharField(label=_("Opdracht"), max_length=200)
    start_date = forms.DateField(label=_("Begin"), widget=DATE_WIDGET, input_formats=DATE_FORMATS)
    end_date = forms.DateField(label=_("Einde"), widget=DATE_WIDGET, input_formats=DATE_FORMATS, required=False)

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("Het einde ligt vóór het begin."))
        return data
