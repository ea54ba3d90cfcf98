"""Questions of partners abroad, the expert pool that answers them and the exchange between the two."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from meent.core.storage import private_storage
from meent.leden.models import Gemeente, Organisation, Person


class Topic(models.TextChoices):
    CRISISBEHEERSING = "crisisbeheersing", _("Crisisbeheersing")
    VEILIGHEIDSREGIO = "veiligheidsregio", _("Samenwerken in veiligheidsregio's")
    COMMUNICATIE = "communicatie", _("Communicatie met burgers")
    PSYCHOSOCIAAL = "psychosociaal", _("Psychosociale hulp")
    COVID = "covid", _("COVID-19-maatregelen")
    DIENSTVERLENING = "dienstverlening", _("Dienstverlening op afstand")


class Language(models.TextChoices):
    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")
    FR = "fr", _("Frans")


class Urgency(models.TextChoices):
    LAAG = "laag", _("Kan wachten")
    NORMAAL = "normaal", _("Normaal")
    HOOG = "hoog", _("Dringend")


class Status(models.TextChoices):
    UNVERIFIED = "onbevestigd", _("Wacht op bevestiging van het e-mailadres")
    OPEN = "open", _("Open")
    ASSIGNED = "toegewezen", _("Toegewezen")
    ANSWERED = "beantwoord", _("Beantwoord")
    CLOSED = "gesloten", _("Gesloten")


class Expert(models.Model):
    """A (former) administrator or official in the pool. ``account`` is the login the expert answers with."""

    person = models.OneToOneField(
        Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="crit_expert"
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="crit_expert",
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    former_role = models.CharField(_("(voormalige) functie"), max_length=200, blank=True)
    expertise = models.JSONField(_("expertise"), default=list, help_text=_("Onderwerpen waarop de expert antwoordt."))
    languages = models.JSONField(_("talen"), default=list)
    active = models.BooleanField(_("actief in de pool"), default=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return str(self.person)


class Availability(models.Model):
    """A window in which the expert can take questions (both days included)."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="availability")
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"))

    class Meta:
        verbose_name = _("beschikbaarheid")
        verbose_name_plural = _("beschikbaarheid")
        ordering = ["starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="crit_window")]

    def __str__(self) -> str:
        return f"{self.expert}: {self.starts_on} – {self.ends_on}"


class Question(models.Model):
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partnerorganisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crit_questions",
    )
    partner_name = models.CharField(_("organisatie"), max_length=200)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=200)
    contact_email = models.EmailField(_("e-mailadres"))
    subject = models.CharField(_("onderwerp in het kort"), max_length=200)
    text = models.TextField(_("vraag"))
    topic = models.CharField(_("thema"), max_length=20, choices=Topic.choices)
    country = CountryField(_("land"))
    language = models.CharField(_("taal"), max_length=2, choices=Language.choices)
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAAL)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNVERIFIED)
    created_at = models.DateTimeField(_("ingediend"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )  # staff who registered it on the partner's behalf; empty for the public form
    received_at = models.DateTimeField(_("ontvangen"), null=True, blank=True)  # e-mail confirmed: the clock starts
    first_answer_due = models.DateTimeField(_("eerste antwoord uiterlijk"), null=True, blank=True)
    first_answer_at = models.DateTimeField(_("eerste antwoord"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("tevredenheid"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    summary = models.TextField(_("geanonimiseerde samenvatting"), blank=True)
    summary_shared_at = models.DateTimeField(_("gedeeld met de klankbordgroep"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="crit_satisfaction_1_5",
            ),
            models.CheckConstraint(
                condition=Q(status="onbevestigd") | Q(received_at__isnull=False), name="crit_received_when_verified"
            ),
        ]

    def __str__(self) -> str:
        return f"CriT-{self.pk}: {self.subject}"

    @property
    def reference(self) -> str:
        return f"CriT-{self.pk}"


class Assignment(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(_("toegewezen"))

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        constraints = [models.UniqueConstraint(fields=["question", "expert"], name="crit_assignment_once")]

    def __str__(self) -> str:
        return f"{self.question.reference} → {self.expert}"


class Message(models.Model):
    """One entry of a question's threaded log: an expert's answer, a staff note or the partner's words."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner")
        EXPERT = "expert", _("Expert")
        STAFF = "medewerker", _("Medewerker International")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("van"), max_length=12, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, null=True, blank=True, related_name="messages")
    text = models.TextField(_("bericht"))
    created_at = models.DateTimeField(_("geplaatst"))

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="expert") | Q(expert__isnull=False), name="crit_expert_message")
        ]

    def __str__(self) -> str:
        return f"{self.question.reference}: {self.get_kind_display()}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"crit/{uuid.uuid4().hex}"  # a random name on disk; the original is kept in the database


class Attachment(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.original_name
