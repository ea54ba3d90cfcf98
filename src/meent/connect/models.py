import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meent.leden.models import Organisation


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(models.Model):
    class Kind(models.TextChoices):
        CONGRES = "congres", _("Congres")
        WEBINAR = "webinar", _("Webinar")
        WEBINARREEKS = "webinarreeks", _("Webinarreeks")
        TRAININGSDAG = "trainingsdag", _("Trainingsdag")
        CURSUS = "cursus", _("Meerdaagse cursus")
        OEFENING = "oefening", _("Oefening")

    class Format(models.TextChoices):
        FYSIEK = "fysiek", _("Fysiek")
        DIGITAAL = "digitaal", _("Digitaal")
        HYBRIDE = "hybride", _("Hybride")

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    TRAINING_KINDS = (Kind.TRAININGSDAG, Kind.CURSUS)

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("vorm"), max_length=10, choices=Format.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.GEPLAND)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    venue = models.CharField(_("locatie"), max_length=200, blank=True, help_text=_("Adres of zaal (fysiek, hybride)."))
    stream_url = models.URLField(
        _("streamlink"), blank=True, help_text=_("Alleen zichtbaar voor bevestigde deelnemers (digitaal, hybride).")
    )
    commissioners = models.ManyToManyField(
        Organisation, verbose_name=_("opdrachtgevers"), blank=True, related_name="commissioned_events"
    )
    capacity = models.PositiveIntegerField(_("capaciteit"), validators=[MinValueValidator(1)])
    # Seats held by registrations with status aangemeld or aanwezig; moved only by conditional UPDATEs (services).
    seats_taken = models.PositiveIntegerField(_("bezette plaatsen"), default=0, editable=False)
    registration_opens_at = models.DateTimeField(_("aanmelden vanaf"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("aanmelden tot"), null=True, blank=True, help_text=_("Leeg: tot het begin van het evenement.")
    )
    evaluation_invited_at = models.DateTimeField(_("evaluatie verstuurd"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")
        ordering = ["starts_at", "title"]
        permissions = [("manage_event", _("Evenementen beheren"))]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
            models.CheckConstraint(condition=Q(seats_taken__lte=F("capacity")), name="event_never_overbooked"),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["kind", "format"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.GEANNULEERD

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def has_stream(self) -> bool:
        return self.format in (self.Format.DIGITAAL, self.Format.HYBRIDE) and bool(self.stream_url)

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        closes = self.registration_closes_at or self.starts_at
        opens = self.registration_opens_at
        return not self.is_cancelled and (opens is None or opens <= now) and now < closes


class Session(models.Model):
    """A programme part with its own capacity; ``capacity`` empty means only the event's capacity applies."""

    event = models.ForeignKey(Event, verbose_name=_("evenement"), on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint"), null=True, blank=True)
    ends_at = models.DateTimeField(_("eindigt"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capaciteit"), null=True, blank=True)
    # Session choices with status aangemeld; moved only by conditional UPDATEs (services).
    seats_taken = models.PositiveIntegerField(_("bezette plaatsen"), default=0, editable=False)

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["starts_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")), name="session_never_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=False, ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def overlaps(self, other: "Session") -> bool:
        """Two sessions one person cannot attend both of: they start together, or their periods intersect. A
        session without a start time (the exhibition floor open all day) overlaps nothing."""
        if self.starts_at is None or other.starts_at is None:
            return False
        if self.starts_at == other.starts_at:
            return True
        self_end, other_end = self.ends_at or self.starts_at, other.ends_at or other.starts_at
        return self.starts_at < other_end and other.starts_at < self_end

    @property
    def has_room(self) -> bool:
        return self.capacity is None or self.seats_taken < self.capacity

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)


class Registration(models.Model):
    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        WACHTLIJST = "wachtlijst", _("Wachtlijst")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")
        AANWEZIG = "aanwezig", _("Aanwezig")

    HOLDS_SEAT = (Status.AANGEMELD, Status.AANWEZIG)
    CONFIRMATION_DAYS = 3  # an address not confirmed within this many days gives its seat up

    event = models.ForeignKey(
        Event, verbose_name=_("evenement"), on_delete=models.CASCADE, related_name="registrations"
    )
    sessions = models.ManyToManyField(
        Session, verbose_name=_("sessies"), through="SessionChoice", blank=True, related_name="registrations"
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    token = models.CharField(_("persoonlijke code"), max_length=64, unique=True, default=new_token, editable=False)
    confirm_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("e-mailadres bevestigd"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    promoted_at = models.DateTimeField(_("van wachtlijst af"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], condition=~Q(status="geannuleerd"), name="registration_one_active_per_email"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.HOLDS_SEAT

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class SessionChoice(models.Model):
    """A registration's choice of one session, with its own place: in the session (*aangemeld*), on the session's
    waiting list (*wachtlijst*, also while the registration itself waits for an event seat) or *geannuleerd*. A
    full session never costs the registrant the event seat."""

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        WACHTLIJST = "wachtlijst", _("Wachtlijst")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    registration = models.ForeignKey(
        Registration, verbose_name=_("aanmelding"), on_delete=models.CASCADE, related_name="session_choices"
    )
    session = models.ForeignKey(Session, verbose_name=_("sessie"), on_delete=models.PROTECT, related_name="choices")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("gekozen op"), default=timezone.now)
    promoted_at = models.DateTimeField(_("van wachtlijst af"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("sessiekeuze")
        verbose_name_plural = _("sessiekeuzes")
        ordering = ["session__starts_at", "session__title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="sessionchoice_once_per_registration"),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.registration.name} — {self.session}"


class EventChange(models.Model):
    """One step in an event's history: a move to another date, a cancellation, or a change of format."""

    class Kind(models.TextChoices):
        VERPLAATST = "verplaatst", _("Verplaatst")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")
        OMGEZET = "omgezet", _("Vorm gewijzigd")

    event = models.ForeignKey(Event, verbose_name=_("evenement"), on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    old_starts_at = models.DateTimeField(_("oude datum"), null=True, blank=True)
    new_starts_at = models.DateTimeField(_("nieuwe datum"), null=True, blank=True)
    old_format = models.CharField(_("oude vorm"), max_length=10, choices=Event.Format.choices, blank=True)
    new_format = models.CharField(_("nieuwe vorm"), max_length=10, choices=Event.Format.choices, blank=True)
    reason = models.CharField(_("reden"), max_length=300)
    replacement = models.ForeignKey(
        Event,
        verbose_name=_("vervangend evenement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="verplaatst") | (Q(old_starts_at__isnull=False) & Q(new_starts_at__isnull=False)),
                name="eventchange_move_has_dates",
            ),
            models.CheckConstraint(
                condition=~Q(kind="omgezet") | (~Q(old_format="") & ~Q(new_format="")),
                name="eventchange_conversion_has_formats",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_kind_display()}"


class SentMail(models.Model):
    """What was mailed to whom, written after the mail framework accepted the message."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sent_mails", null=True, blank=True)
    registration = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, related_name="sent_mails", null=True, blank=True
    )
    kind = models.CharField(_("soort"), max_length=30)
    recipient = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=300)
    sent_at = models.DateTimeField(_("verstuurd"), default=timezone.now)

    class Meta:
        verbose_name = _("verstuurde e-mail")
        verbose_name_plural = _("verstuurde e-mails")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"


def grade_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(10)])


class Evaluation(models.Model):
    registration = models.OneToOneField(
        Registration, verbose_name=_("aanmelding"), on_delete=models.CASCADE, related_name="evaluation"
    )
    overall = grade_field(_("algemeen cijfer"))
    content = grade_field(_("inhoud"))
    speakers = grade_field(_("sprekers"))
    organisation = grade_field(_("organisatie"))
    comment = models.TextField(_("toelichting"), blank=True)
    submitted_at = models.DateTimeField(_("ingevuld op"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall__range=(1, 10))
                & Q(content__range=(1, 10))
                & Q(speakers__range=(1, 10))
                & Q(organisation__range=(1, 10)),
                name="evaluation_grades_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration}: {self.overall}"


# Academie -------------------------------------------------------------------------------------------------------


class Trainer(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("docent")
        verbose_name_plural = _("docenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Course(models.Model):
    title = models.CharField(_("titel"), max_length=200, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    days = models.PositiveSmallIntegerField(_("aantal dagen"), default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Edition(models.Model):
    """One run of a course. Its registrations, capacity, moves and evaluations are those of its event."""

    class Kind(models.TextChoices):
        OPEN = "open", _("Open")
        MAATWERK = "maatwerk", _("Maatwerk (incompany)")

    course = models.ForeignKey(Course, verbose_name=_("leergang"), on_delete=models.CASCADE, related_name="editions")
    kind = models.CharField(_("soort editie"), max_length=10, choices=Kind.choices)
    client = models.ForeignKey(
        Organisation,
        verbose_name=_("opdrachtgever"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="academie_editions",
    )
    event = models.OneToOneField(Event, verbose_name=_("evenement"), on_delete=models.CASCADE, related_name="edition")
    trainers = models.ManyToManyField(Trainer, verbose_name=_("docenten"), blank=True, related_name="editions")

    class Meta:
        verbose_name = _("editie")
        verbose_name_plural = _("edities")
        ordering = ["event__starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="maatwerk", client__isnull=False) | Q(kind="open", client__isnull=True),
                name="edition_client_iff_maatwerk",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.event.starts_at:%d-%m-%Y})"


class TrainingDay(models.Model):
    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("datum"))
    format = models.CharField(
        _("vorm"),
        max_length=10,
        choices=[(Event.Format.FYSIEK, _("Fysiek")), (Event.Format.DIGITAAL, _("Online"))],
    )

    class Meta:
        verbose_name = _("trainingsdag")
        verbose_name_plural = _("trainingsdagen")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "date"], name="trainingday_unique_date"),
            models.CheckConstraint(condition=Q(format__in=["fysiek", "digitaal"]), name="trainingday_format"),
        ]

    def __str__(self) -> str:
        return f"{self.edition.course}: {self.date:%d-%m-%Y}"


# Trainees -------------------------------------------------------------------------------------------------------


class Cohort(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    start_date = models.DateField(_("startdatum"))

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorten")
        ordering = ["start_date"]

    def __str__(self) -> str:
        return self.name


class Trainee(models.Model):
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), unique=True)
    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="trainees")

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Employment(models.Model):
    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="employments")
    start_date = models.DateField(_("in dienst"))
    end_date = models.DateField(
        _("uit dienst"), null=True, blank=True, help_text=_("Laatste werkdag; leeg: nog in dienst.")
    )

    class Meta:
        verbose_name = _("dienstverband")
        verbose_name_plural = _("dienstverbanden")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="employment_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee}: {self.start_date}–{self.end_date or ''}"


class Assignment(models.Model):
    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("opdrachtgever"), on_delete=models.PROTECT, related_name="trainee_assignments"
    )
    title = models.CharField(_("opdracht"), max_length=200)
    start_date = models.DateField(_("begin"))
    end_date = models.DateField(_("einde"), null=True, blank=True)

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="assignment_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"
