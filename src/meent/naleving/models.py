import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from meent.leden.models import Gemeente, Membership, Person, Province, Veiligheidsregio


class Campaign(models.Model):
    class TargetKind(models.TextChoices):
        DIVISION = "indeling", _("Alle gemeenten van de indeling")
        PROVINCE = "provincie", _("De gemeenten van een provincie")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("De gemeenten van een veiligheidsregio")
        LIST = "lijst", _("Een gekozen lijst gemeenten")

    title = models.CharField(_("titel"), max_length=200)
    question = models.TextField(_("vraag"), help_text=_("De vraag aan elke gemeente, zoals in de e-mail."))
    target_kind = models.CharField(_("doelgroep"), max_length=20, choices=TargetKind.choices)
    division_year = models.PositiveSmallIntegerField(_("indeling van jaar"))
    province = models.ForeignKey(
        Province, verbose_name=_("provincie"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        verbose_name=_("veiligheidsregio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_role = models.CharField(
        _("ontvangers (rol in het register)"),
        max_length=20,
        choices=Membership.Role.choices,
        default=Membership.Role.CONTACTPERSOON,
    )
    fallback_email = models.EmailField(
        _("terugvaladres"), help_text=_("Voor gemeenten zonder iemand met die rol of een contactpersoon.")
    )
    answer_role = models.CharField(
        _("rol van wie antwoordt"),
        max_length=20,
        choices=Membership.Role.choices,
        blank=True,
        help_text=_("Leeg: het antwoord wordt geen rol in het register."),
    )
    answer_role_label = models.CharField(_("naam van de rol"), max_length=100, blank=True)
    deadline = models.DateTimeField(_("uiterste antwoordmoment"))
    grace_days = models.PositiveSmallIntegerField(_("uitloop (dagen)"), default=2)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(target_kind="provincie") | Q(province__isnull=False),
                name="campaign_province_given",
                violation_error_message=_("Kies de provincie."),
            ),
            models.CheckConstraint(
                condition=~Q(target_kind="veiligheidsregio") | Q(veiligheidsregio__isnull=False),
                name="campaign_region_given",
                violation_error_message=_("Kies de veiligheidsregio."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def links_expire_at(self) -> datetime.datetime:
        return self.deadline + datetime.timedelta(days=self.grace_days)


class Field(models.Model):
    """One typed field of the campaign's question. A field linked to a roadmap ``step`` asks the gemeente's
    progress on it: its choices are the progress statuses, and each answer records that progress."""

    class Kind(models.TextChoices):
        TEXT = "tekst", _("Tekst")
        EMAIL = "email", _("E-mailadres")
        PHONE = "telefoon", _("Telefoonnummer (Nederlands)")
        CHOICE = "keuze", _("Keuze")
        DATE = "datum", _("Datum")
        NUMBER = "getal", _("Getal")

    class Purpose(models.TextChoices):
        """What the field means for the registry role an answer gives."""

        NONE = "", _("Geen")
        NAME = "naam", _("Naam van de persoon")
        EMAIL = "email", _("E-mailadres van de persoon")
        PHONE = "telefoon", _("Telefoon van de persoon")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="fields")
    key = models.SlugField(_("sleutel"), max_length=40)
    label = models.CharField(_("label"), max_length=200)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("verplicht"), default=True)
    choices = models.TextField(_("keuzes"), blank=True, help_text=_("Eén keuze per regel."))
    min_value = models.IntegerField(_("minimum"), null=True, blank=True)
    max_value = models.IntegerField(_("maximum"), null=True, blank=True)
    purpose = models.CharField(_("betekenis"), max_length=10, choices=Purpose.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    step = models.ForeignKey(
        "Step",
        verbose_name=_("stap van een routekaart"),
        on_delete=models.PROTECT,  # a campaign's question never changes after sending
        null=True,
        blank=True,
        related_name="fields",
        help_text=_("Het antwoord wordt de voortgang van de gemeente op deze stap."),
    )

    class Meta:
        verbose_name = _("veld")
        verbose_name_plural = _("velden")
        ordering = ["campaign", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "key"], name="field_unique_key"),
            models.UniqueConstraint(
                fields=["campaign", "step"], condition=Q(step__isnull=False), name="field_unique_step"
            ),
            models.CheckConstraint(condition=Q(step__isnull=True) | Q(kind="keuze"), name="field_step_is_choice"),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=models.F("min_value")),
                name="field_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Target(models.Model):
    """A gemeente the campaign asks; its progress (opened the link, first answer, reminders)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("link geopend"), null=True, blank=True)
    first_answer_at = models.DateTimeField(_("eerste antwoord"), null=True, blank=True)
    last_answer_at = models.DateTimeField(_("laatste antwoord"), null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(_("herinneringen"), default=0)
    last_reminded_at = models.DateTimeField(_("laatste herinnering"), null=True, blank=True)

    objects = ScopedManager(gemeente="gemeente")
    unscoped = models.Manager()  # noqa: DJ012 - a second manager, for the campaign's own pages and tasks

    class Meta:
        verbose_name = _("doelgemeente")
        verbose_name_plural = _("doelgemeenten")
        ordering = ["campaign", "gemeente__name"]
        base_manager_name = "unscoped"
        constraints = [models.UniqueConstraint(fields=["campaign", "gemeente"], name="target_unique_gemeente")]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.gemeente}"


class Delivery(models.Model):
    """One mail to one recipient: the per-recipient log."""

    class Kind(models.TextChoices):
        INVITATION = "uitnodiging", _("Uitnodiging")
        REMINDER = "herinnering", _("Herinnering")

    class Status(models.TextChoices):
        QUEUED = "wachtrij", _("In de wachtrij")
        SENT = "verzonden", _("Verzonden")
        BOUNCED = "onbestelbaar", _("Onbestelbaar")
        FAILED = "mislukt", _("Mislukt")

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    email = models.EmailField(_("e-mailadres"))
    is_fallback = models.BooleanField(_("terugvaladres"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    error = models.CharField(_("fout"), max_length=300, blank=True)
    queued_at = models.DateTimeField(_("klaargezet"))
    sent_at = models.DateTimeField(_("verzonden"), null=True, blank=True)

    objects = ScopedManager(gemeente="target__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        ordering = ["target", "queued_at", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.email}"


class Answer(models.Model):
    """One version of a gemeente's answer. Versions are never changed; the highest version is the answer."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="answers")
    version = models.PositiveIntegerField(_("versie"))
    data = models.JSONField(_("antwoord"))
    submitted_at = models.DateTimeField(_("ingediend"))
    membership = models.ForeignKey(
        Membership, verbose_name=_("rol in het register"), on_delete=models.SET_NULL, null=True, blank=True
    )

    objects = ScopedManager(gemeente="target__gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["target", "version"]
        base_manager_name = "unscoped"
        constraints = [models.UniqueConstraint(fields=["target", "version"], name="answer_unique_version")]

    def __str__(self) -> str:
        return f"{self.target} v{self.version}"


class Roadmap(models.Model):
    """A *routekaart*: ordered steps that help gemeenten tackle a problem (care fraud), with progress per gemeente."""

    title = models.CharField(_("titel"), max_length=200, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    division_year = models.PositiveSmallIntegerField(_("indeling van jaar"))

    class Meta:
        verbose_name = _("routekaart")
        verbose_name_plural = _("routekaarten")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("stap"))
    title = models.CharField(_("titel"), max_length=200)
    guidance = models.TextField(_("handreiking"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("Eén adres per regel."))

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["roadmap", "number"]
        constraints = [models.UniqueConstraint(fields=["roadmap", "number"], name="step_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class Progress(models.Model):
    """A gemeente's progress on one step; ``date`` is when it reached its status (for the trend per quarter)."""

    class Status(models.TextChoices):
        NOT_STARTED = "niet_gestart", _("Niet gestart")
        BUSY = "bezig", _("Bezig")
        DONE = "gereed", _("Gereed")

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="progress")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    date = models.DateField(_("datum"))
    note = models.CharField(_("notitie"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(gemeente="gemeente")
    unscoped = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        ordering = ["step", "gemeente__name"]
        base_manager_name = "unscoped"
        constraints = [models.UniqueConstraint(fields=["step", "gemeente"], name="progress_unique_gemeente")]

    def __str__(self) -> str:
        return f"{self.gemeente} — {self.step}: {self.get_status_display()}"


class GlobalGoalsMember(models.Model):
    """A gemeente that joined the *Global Goals gemeenten* (municipalities committed to the UN Sustainable
    Development Goals) on ``joined``. Recorded for the gemeente that joined; after a herindeling its successor
    counts as a member from that original date (see :func:`.selectors.global_goals_members`)."""

    gemeente = models.OneToOneField(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    joined = models.DateField(_("aangesloten op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Global Goals-gemeente")
        verbose_name_plural = _("Global Goals-gemeenten")
        ordering = ["joined", "gemeente__name"]

    def __str__(self) -> str:
        return f"{self.gemeente} ({self.joined:%Y})"


class Programme(models.Model):
    """A *programma* Naleving coordinates with gemeenten, such as "Bescherming arbeidsmigranten" (protecting labour
    migrants), with a *klankbordgroep* (sounding board) of administrators from several gemeenten."""

    title = models.CharField(_("titel"), max_length=200, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    start = models.DateField(_("start"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["-start", "title"]

    def __str__(self) -> str:
        return self.title


class BoardMember(models.Model):
    """A seat on a programme's sounding board: a person of the registry, for a gemeente, in a function (wethouder,
    burgemeester). The person also holds the registry role *bestuurder* at that gemeente (``membership``)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="board")
    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    function = models.CharField(_("functie"), max_length=100)
    membership = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    since = models.DateField(_("lid sinds"))

    class Meta:
        verbose_name = _("lid van de klankbordgroep")
        verbose_name_plural = _("leden van de klankbordgroep")
        ordering = ["gemeente__name", "person__last_name"]
        constraints = [models.UniqueConstraint(fields=["programme", "person"], name="board_member_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} ({self.function}, {self.gemeente})"


class Meeting(models.Model):
    """A meeting of the sounding board, with its agenda and, afterwards, the minutes (*verslag*)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("datum"))
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("verslag"), blank=True)
    document_url = models.URLField(_("document"), blank=True, help_text=_("Optioneel: een link naar de stukken."))

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["programme", "date"]

    def __str__(self) -> str:
        return f"{self.programme} — {self.date:%d-%m-%Y}"


class Decision(models.Model):
    """A *besluit* of a meeting, on the programme's decision list with its status."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_uitvoering", _("In uitvoering")
        DONE = "afgerond", _("Afgerond")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("besluit"), max_length=500)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.OPEN)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["meeting__date", "pk"]

    def __str__(self) -> str:
        return self.text
