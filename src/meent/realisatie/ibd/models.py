import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from meent.core.storage import private_storage
from meent.leden.models import Gemeente, Person


class TLP(models.TextChoices):
    """Traffic Light Protocol 2.0, from least to most restricted (the order matters: see ``TLP_ORDER``)."""

    CLEAR = "CLEAR", _("TLP:CLEAR — iedereen die is aangemeld")
    GREEN = "GREEN", _("TLP:GREEN — de gemeenschap (alle gemeenten)")
    AMBER = "AMBER", _("TLP:AMBER — de meldende gemeente en de IBD")
    AMBER_STRICT = "AMBER+STRICT", _("TLP:AMBER+STRICT — genoemde personen van de meldende gemeente en de IBD")
    RED = "RED", _("TLP:RED — alleen genoemde ontvangers")


TLP_ORDER = [TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT, TLP.RED]


def tlp_at_most(tlp: str) -> list[str]:
    """The markings no stricter than ``tlp``."""
    return [str(t) for t in TLP_ORDER[: TLP_ORDER.index(TLP(tlp)) + 1]]


class PAP(models.TextChoices):
    CLEAR = "CLEAR", _("PAP:CLEAR — vrij te gebruiken")
    GREEN = "GREEN", _("PAP:GREEN — actief gebruik binnen de gemeenschap")
    AMBER = "AMBER", _("PAP:AMBER — alleen passief gebruik, niet detecteerbaar")
    RED = "RED", _("PAP:RED — alleen op eigen netwerk, geen actie buiten de eigen organisatie")


class Severity(models.TextChoices):
    LAAG = "laag", _("Laag")
    MIDDEL = "middel", _("Middel")
    HOOG = "hoog", _("Hoog")
    KRITIEK = "kritiek", _("Kritiek")


class Impact(models.TextChoices):
    BEPERKT = "beperkt", _("Beperkt: één medewerker of systeem")
    AANZIENLIJK = "aanzienlijk", _("Aanzienlijk: een afdeling of proces")
    ERNSTIG = "ernstig", _("Ernstig: dienstverlening aan inwoners geraakt")
    ZEER_ERNSTIG = "zeer_ernstig", _("Zeer ernstig: de hele organisatie of gegevens van veel inwoners")


class Category(models.TextChoices):
    PHISHING = "phishing", _("Phishing")
    RANSOMWARE = "ransomware", _("Ransomware")
    DATALEK = "datalek", _("Datalek")
    DDOS = "ddos", _("DDoS-aanval")
    ACCOUNT = "account", _("Overgenomen account")
    KWETSBAARHEID = "kwetsbaarheid", _("Kwetsbaarheid")
    APPARAAT = "apparaat", _("Verloren of gestolen apparaat")
    OVERIG = "overig", _("Overig")


class RequestType(models.TextChoices):
    HULPVRAAG = "hulpvraag", _("Hulpvraag")
    COORDINATIEVRAAG = "coordinatievraag", _("Coördinatievraag")
    ONDERSTEUNINGSVRAAG = "ondersteuningsvraag", _("Ondersteuningsvraag")
    MELDING = "melding", _("Melding zonder vraag")


class Status(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    OPGESCHAALD = "opgeschaald", _("Opgeschaald")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


# The workflow: nieuw → in behandeling → (opgeschaald) → afgesloten. Escalation can be undone; closing is final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NIEUW: (Status.IN_BEHANDELING,),
    Status.IN_BEHANDELING: (Status.OPGESCHAALD, Status.AFGESLOTEN),
    Status.OPGESCHAALD: (Status.IN_BEHANDELING, Status.AFGESLOTEN),
    Status.AFGESLOTEN: (),
}


class Incident(models.Model):
    number = models.CharField(_("nummer"), max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("jaar"), editable=False)
    sequence = models.PositiveIntegerField(_("volgnummer"), editable=False)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="ibd_incidents"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.PROTECT,
        related_name="ibd_reported_incidents",
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("wat is er gebeurd"))
    detected_at = models.DateTimeField(_("ontdekt op"))
    reported_at = models.DateTimeField(_("gemeld op"))
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    request_type = models.CharField(_("soort vraag"), max_length=20, choices=RequestType.choices)
    impact = models.CharField(_("impact"), max_length=20, choices=Impact.choices)
    severity = models.CharField(_("ernst"), max_length=10, choices=Severity.choices)
    tlp = models.CharField(_("TLP"), max_length=12, choices=TLP.choices, default=TLP.AMBER)
    pap = models.CharField(_("PAP"), max_length=5, choices=PAP.choices, default=PAP.AMBER)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("genoemde ontvangers"),
        blank=True,
        related_name="ibd_named_incidents",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIEUW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ibd_assigned_incidents",
    )
    first_response_at = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closing_summary = models.TextField(_("samenvatting bij afsluiten"), blank=True)
    response_due = models.DateTimeField(_("eerste reactie uiterlijk"))
    closure_due = models.DateTimeField(_("afsluiten uiterlijk"))
    # The one-time key of the form submission or API call that made it: a repeat returns this incident.
    submission_key = models.CharField(max_length=100, blank=True, default="", editable=False)

    objects = ScopedManager(gemeente="gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - visibility selectors and services, never views directly

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidenten")
        ordering = ["-reported_at"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="ibd_incident_unique_sequence"),
            models.CheckConstraint(
                condition=~Q(status="afgesloten") | (Q(closed_at__isnull=False) & ~Q(closing_summary="")),
                name="ibd_incident_closed_has_summary",
            ),
            models.CheckConstraint(condition=Q(tlp__in=[t.value for t in TLP]), name="ibd_incident_tlp_valid"),
            models.UniqueConstraint(
                fields=["reporter", "submission_key"],
                condition=~Q(submission_key=""),
                name="ibd_incident_submission_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "response_due"]), models.Index(fields=["year", "category"])]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status != Status.AFGESLOTEN


class TimelineEntry(models.Model):
    class Kind(models.TextChoices):
        NOTITIE = "notitie", _("Notitie")
        ACTIE = "actie", _("Actie")
        CONTACT = "contact", _("Contact")
        STATUS = "status", _("Statuswijziging")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="timeline")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.PROTECT)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.NOTITIE)
    text = models.TextField(_("tekst"))
    occurred_at = models.DateTimeField(_("tijdstip"))
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    tlp = models.CharField(_("TLP"), max_length=12, choices=TLP.choices, default=TLP.AMBER)
    pap = models.CharField(_("PAP"), max_length=5, choices=PAP.choices, default=PAP.AMBER)

    objects = ScopedManager(gemeente="incident__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("tijdlijnregel")
        verbose_name_plural = _("tijdlijnregels")
        ordering = ["occurred_at", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.incident_id}: {self.get_kind_display()} {self.occurred_at:%Y-%m-%d %H:%M}"


class Task(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("taak"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitvoerder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ibd_tasks",
    )
    due_date = models.DateField(_("uiterlijk"))
    done_at = models.DateTimeField(_("gereed op"), null=True, blank=True)

    objects = ScopedManager(gemeente="incident__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["done_at", "due_date", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        # Also the audit trail's description of the record, so it names no content.
        return f"{self.incident_id}: {_('taak')} {self.pk}"


class ObservableType(models.TextChoices):
    IP = "ip", _("IP-adres")
    DOMAIN = "domain", _("Domeinnaam")
    URL = "url", _("URL")
    EMAIL = "email", _("E-mailadres")
    HASH = "hash", _("Bestandshash")
    CVE = "cve", _("CVE")


class Observable(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="observables")
    type = models.CharField(_("soort"), max_length=10, choices=ObservableType.choices)
    value = models.CharField(_("waarde"), max_length=2000, help_text=_("Genormaliseerd."))
    tlp = models.CharField(_("TLP"), max_length=12, choices=TLP.choices, default=TLP.AMBER)
    pap = models.CharField(_("PAP"), max_length=5, choices=PAP.choices, default=PAP.AMBER)
    source = models.CharField(_("bron"), max_length=100, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    objects = ScopedManager(gemeente="incident__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("observable")
        verbose_name_plural = _("observables")
        ordering = ["type", "value"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["incident", "type", "value"], name="ibd_observable_unique"),
            models.CheckConstraint(condition=Q(tlp__in=[t.value for t in TLP]), name="ibd_observable_tlp_valid"),
        ]
        indexes = [models.Index(fields=["type", "value"])]

    def __str__(self) -> str:
        # Also the audit trail's description of the record, so it names no value.
        return f"{self.incident_id}: {self.get_type_display()} {self.pk}"


class CorrelationExclusion(models.Model):
    """A value too common to correlate on (a mail provider's domain, a public resolver)."""

    type = models.CharField(_("soort"), max_length=10, choices=ObservableType.choices)
    value = models.CharField(_("waarde"), max_length=2000)
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("uitzondering voor correlatie")
        verbose_name_plural = _("uitzonderingen voor correlatie")
        constraints = [models.UniqueConstraint(fields=["type", "value"], name="ibd_exclusion_unique")]

    def __str__(self) -> str:
        return f"{self.type}: {self.value}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is random: the original name is kept in the database, never trusted on disk.
    return f"ibd/{instance.incident.year}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    tlp = models.CharField(_("TLP"), max_length=12, choices=TLP.choices, default=TLP.AMBER)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    objects = ScopedManager(gemeente="incident__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["uploaded_at", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        # Also the audit trail's description of the record, so it names no file.
        return f"{self.incident_id}: {_('bijlage')} {self.pk}"


class Expert(models.Model):
    """A person of a gemeente in the response-network pool."""

    person = models.OneToOneField(
        Person, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="ibd_expert"
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    expertise = models.CharField(
        _("expertise"),
        max_length=300,
        help_text=_("Trefwoorden, gescheiden door komma's, zoals forensisch, ransomware."),
    )
    available = models.BooleanField(_("beschikbaar"), default=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return f"{self.person} ({self.gemeente})"

    @property
    def tags(self) -> list[str]:
        return [t.strip() for t in self.expertise.split(",") if t.strip()]


class Activation(models.Model):
    """The response network called in for an incident."""

    incident = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="activation")
    activated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    activated_at = models.DateTimeField(_("ingeroepen op"))
    reason = models.TextField(_("aanleiding"))

    class Meta:
        verbose_name = _("inzet responsnetwerk")
        verbose_name_plural = _("inzetten responsnetwerk")
        ordering = ["-activated_at"]

    def __str__(self) -> str:
        return f"{self.incident}"


class Deployment(models.Model):
    activation = models.ForeignKey(Activation, on_delete=models.CASCADE, related_name="deployments")
    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="deployments")
    location = models.CharField(_("locatie"), max_length=200)
    starts_at = models.DateTimeField(_("van"))
    ends_at = models.DateTimeField(_("tot"))
    hours = models.DecimalField(_("uren"), max_digits=5, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("inzet van een expert")
        verbose_name_plural = _("inzet van experts")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="ibd_deployment_period"),
            models.CheckConstraint(condition=Q(hours__gte=0), name="ibd_deployment_hours"),
            models.UniqueConstraint(fields=["activation", "expert"], name="ibd_deployment_unique_expert"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} — {self.location}"


class Advisory(models.Model):
    number = models.CharField(_("nummer"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("advies"))
    severity = models.CharField(_("ernst"), max_length=10, choices=Severity.choices)
    affected_products = models.TextField(_("getroffen producten"), help_text=_("Eén product per regel."))
    tlp = models.CharField(_("TLP"), max_length=12, choices=TLP.choices, default=TLP.GREEN)
    audience = models.ManyToManyField(
        Gemeente,
        verbose_name=_("beperkte groep gemeenten"),
        blank=True,
        related_name="+",
        help_text=_("Verplicht bij TLP:AMBER en strenger; leeg bij CLEAR en GREEN (alle gemeenten)."),
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("genoemde ontvangers"),
        blank=True,
        related_name="ibd_named_advisories",
        help_text=_("Bij TLP:RED: alleen deze accounts van de gekozen gemeenten lezen het advies."),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("beveiligingsadvies")
        verbose_name_plural = _("beveiligingsadviezen")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def products(self) -> list[str]:
        return [p.strip() for p in self.affected_products.splitlines() if p.strip()]


class Acknowledgement(models.Model):
    advisory = models.ForeignKey(Advisory, on_delete=models.CASCADE, related_name="acknowledgements")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("bevestigd op"))

    class Meta:
        verbose_name = _("bevestiging")
        verbose_name_plural = _("bevestigingen")
        constraints = [models.UniqueConstraint(fields=["advisory", "gemeente"], name="ibd_ack_once_per_gemeente")]

    def __str__(self) -> str:
        return f"{self.advisory} — {self.gemeente}"


class Share(models.Model):
    """What was shared with a party outside the platform (the NCSC), when, by whom, in which format."""

    class Format(models.TextChoices):
        STIX = "stix", _("STIX 2.1-bundel")
        MISP = "misp", _("MISP-event (JSON)")
        PDF = "pdf", _("PDF-samenvatting")
        CSV = "csv", _("CSV-bestand (spreadsheet)")

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="shares")
    recipient = models.CharField(_("gedeeld met"), max_length=200)
    format = models.CharField(_("formaat"), max_length=10, choices=Format.choices)
    max_tlp = models.CharField(_("hoogste TLP"), max_length=12, choices=TLP.choices)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True)
    entries = models.PositiveIntegerField(_("tijdlijnregels"), default=0)
    observables = models.PositiveIntegerField(_("observables"), default=0)

    class Meta:
        verbose_name = _("gedeeld met externe partij")
        verbose_name_plural = _("gedeeld met externe partijen")
        ordering = ["-shared_at"]

    def __str__(self) -> str:
        return f"{self.incident} → {self.recipient}"
