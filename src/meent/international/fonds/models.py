"""Funds, calls, applicants, applications and their money. The screening state machine is declared once, on
:class:`Application` (django-fsm): the services call its transitions, the API lists the available ones."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from meent.core.storage import private_storage
from meent.leden.models import Organisation

MONEY = {"max_digits": 14, "decimal_places": 2}


class Currency(models.TextChoices):
    EUR = "EUR", _("euro")
    USD = "USD", _("Amerikaanse dollar")


class Area(models.Model):
    """An area abroad a call may cover: a region, or a municipality (woreda) within one. A small reference list per
    country; ``is_demo`` marks invented names, so no one mistakes the demo list for the real gazetteer."""

    class Kind(models.TextChoices):
        REGIO = "regio", _("regio")
        GEMEENTE = "gemeente", _("gemeente (woreda)")

    country = models.CharField(_("land"), max_length=2, help_text=_("ISO 3166-1 alpha-2, zoals ET."))
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    region = models.ForeignKey(
        "self", verbose_name=_("regio"), on_delete=models.PROTECT, null=True, blank=True, related_name="municipalities"
    )
    is_demo = models.BooleanField(_("demonaam"), default=False)

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["country", "code"]
        constraints = [models.UniqueConstraint(fields=["country", "code"], name="fonds_area_unique_code")]

    def __str__(self) -> str:
        return f"{self.name} ({_('demonaam')})" if self.is_demo else self.name


class Fund(models.Model):
    """A donor's fund. ``committed`` (granted) and ``paid`` are counters the services move under the fund's row lock;
    the check constraints make the database refuse any grant above the budget."""

    name = models.CharField(_("naam"), max_length=200)
    donor = models.ForeignKey(Organisation, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(_("valuta"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    budget = models.DecimalField(_("budget"), **MONEY)
    committed = models.DecimalField(_("toegekend"), default=Decimal(0), editable=False, **MONEY)
    paid = models.DecimalField(_("uitbetaald"), default=Decimal(0), editable=False, **MONEY)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))

    class Meta:
        verbose_name = _("fonds")
        verbose_name_plural = _("fondsen")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gt=0), name="fonds_fund_budget_positive"),
            models.CheckConstraint(
                condition=Q(committed__gte=0, committed__lte=F("budget")), name="fonds_fund_committed_within_budget"
            ),
            models.CheckConstraint(condition=Q(paid__gte=0, paid__lte=F("committed")), name="fonds_fund_paid_within"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="fonds_fund_period"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.committed


class Call(models.Model):
    """A call for proposals (oproep) of a fund."""

    fund = models.ForeignKey(Fund, verbose_name=_("fonds"), on_delete=models.PROTECT, related_name="calls")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    areas = models.ManyToManyField(Area, verbose_name=_("gebieden"), related_name="calls")
    maximum_amount = models.DecimalField(_("maximumbedrag per aanvraag"), **MONEY)
    deadline = models.DateTimeField(_("sluitingstijd"))
    required_reviews = models.PositiveSmallIntegerField(
        _("vereist aantal beoordelingen"), default=2, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("oproep")
        verbose_name_plural = _("oproepen")
        ordering = ["-deadline", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(maximum_amount__gt=0), name="fonds_call_maximum_positive"),
            models.CheckConstraint(condition=Q(required_reviews__gte=1), name="fonds_call_reviews_required"),
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterium"), max_length=200)
    weight = models.PositiveSmallIntegerField(_("gewicht"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ["call", "pk"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=1), name="fonds_criterion_weight_positive")]

    def __str__(self) -> str:
        return self.name


class Applicant(models.Model):
    """An applicant organisation (an NGO): its registry entry and what the fund asks of it. Its people log in with
    accounts of their own (:class:`ApplicantAccount`), never staff accounts."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="grant_applicant"
    )
    registration_number = models.CharField(_("registratienummer"), max_length=60, blank=True)
    email = models.EmailField(_("e-mailadres"))
    verified_at = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    # The language the NGO registered in: its mail is sent in it.
    language = models.CharField(_("taal"), max_length=5, choices=settings.LANGUAGES, default="en")

    class Meta:
        verbose_name = _("aanvrager")
        verbose_name_plural = _("aanvragers")
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return self.organisation.name


class ApplicantAccount(models.Model):
    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_applicant")
    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="accounts")

    class Meta:
        verbose_name = _("account van een aanvrager")
        verbose_name_plural = _("accounts van aanvragers")

    def __str__(self) -> str:
        return f"{self.account} ({self.applicant})"


class Status(models.TextChoices):
    CONCEPT = "concept", _("concept")
    ONTVANGEN = "ontvangen", _("ontvangen")
    ONTVANKELIJK = "ontvankelijk", _("ontvankelijk")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet ontvankelijk")
    SCREENING = "screening", _("screening")
    TRAINING = "training", _("training")
    BEOORDEELD = "beoordeeld", _("beoordeeld")
    TOEGEKEND = "toegekend", _("toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    CONTRACT = "contract", _("contract")
    UITBETALINGEN = "uitbetalingen", _("uitbetalingen")
    EINDRAPPORTAGE = "eindrapportage", _("eindrapportage")
    AFGESLOTEN = "afgesloten", _("afgesloten")


# The states after the grant decision: the application holds money of the fund.
GRANTED = (Status.TOEGEKEND, Status.CONTRACT, Status.UITBETALINGEN, Status.EINDRAPPORTAGE, Status.AFGESLOTEN)
# The states after the training: the NGO has been trained.
TRAINED = (Status.BEOORDEELD, Status.AFGEWEZEN, *GRANTED)


class Application(models.Model):
    """An NGO's application to a call. ``status`` moves only through the transitions below; the services check
    who may make them and what each needs (reviews, a motivation, the fund's budget)."""

    number = models.CharField(_("nummer"), max_length=20, unique=True, null=True, blank=True)
    call = models.ForeignKey(Call, verbose_name=_("oproep"), on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("aanvrager"), on_delete=models.PROTECT, related_name="applications"
    )
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, protected=False)
    title = models.CharField(_("titel van het project"), max_length=200)
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200)
    registration_number = models.CharField(_("registratienummer"), max_length=60)
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    areas = models.ManyToManyField(Area, verbose_name=_("gebieden en gemeenten"), related_name="applications")
    activities = models.TextField(_("geplande activiteiten"))
    amount_requested = models.DecimalField(_("gevraagd bedrag"), **MONEY)
    amount_granted = models.DecimalField(_("toegekend bedrag"), null=True, blank=True, **MONEY)
    tranches_total = models.DecimalField(_("som van de tranches"), default=Decimal(0), editable=False, **MONEY)
    decision_motivation = models.TextField(_("motivering van het besluit"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_requested__gt=0), name="fonds_application_amount_positive"),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True, tranches_total=0)
                | Q(amount_granted__gt=0, tranches_total__gte=0, tranches_total__lte=F("amount_granted")),
                name="fonds_application_tranches_within_grant",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"{_('concept')}: {self.title}"

    # The screening state machine: every allowed move, in one place. ----------------------------------------
    @transition(field=status, source=Status.CONCEPT, target=Status.ONTVANGEN)
    def submit(self) -> None:
        pass

    @transition(field=status, source=Status.ONTVANGEN, target=Status.ONTVANKELIJK)
    def admit(self) -> None:
        pass

    @transition(field=status, source=Status.ONTVANGEN, target=Status.NIET_ONTVANKELIJK)
    def declare_inadmissible(self) -> None:
        pass

    @transition(field=status, source=Status.ONTVANKELIJK, target=Status.SCREENING)
    def start_screening(self) -> None:
        pass

    @transition(field=status, source=Status.SCREENING, target=Status.TRAINING)
    def start_training(self) -> None:
        pass

    @transition(field=status, source=Status.TRAINING, target=Status.BEOORDEELD)
    def complete_review(self) -> None:
        pass

    @transition(field=status, source=Status.BEOORDEELD, target=Status.TOEGEKEND)
    def grant(self) -> None:
        pass

    @transition(field=status, source=Status.BEOORDEELD, target=Status.AFGEWEZEN)
    def reject(self) -> None:
        pass

    @transition(field=status, source=Status.TOEGEKEND, target=Status.CONTRACT)
    def sign_contract(self) -> None:
        pass

    @transition(field=status, source=Status.CONTRACT, target=Status.UITBETALINGEN)
    def start_payments(self) -> None:
        pass

    @transition(field=status, source=Status.UITBETALINGEN, target=Status.EINDRAPPORTAGE)
    def request_final_report(self) -> None:
        pass

    @transition(field=status, source=Status.EINDRAPPORTAGE, target=Status.AFGESLOTEN)
    def close(self) -> None:
        pass


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("omschrijving"), max_length=200)
    amount = models.DecimalField(_("bedrag"), **MONEY)

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        ordering = ["application", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="fonds_budget_line_positive")]

    def __str__(self) -> str:
        return self.description


def document_path(instance: "Document", filename: str) -> str:
    # A random stored name: the original name is kept in the database, never trusted on disk.
    return f"fonds/{uuid.uuid4().hex}"


class Document(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class StatusChange(models.Model):
    """The application's history as the applicant sees it: which status, when, and the motivation given."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="status_changes")
    source = models.CharField(_("van"), max_length=20, choices=Status.choices)
    target = models.CharField(_("naar"), max_length=20, choices=Status.choices)
    motivation = models.TextField(_("motivering"), blank=True)
    at = models.DateTimeField(_("op"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_target_display()}"


class ReviewerAssignment(models.Model):
    """A reviewer (staff or external: any account) asked to review one application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beoordelaarstoewijzing")
        verbose_name_plural = _("beoordelaarstoewijzingen")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="fonds_assignment_once_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.reviewer}"


class Review(models.Model):
    assignment = models.OneToOneField(ReviewerAssignment, on_delete=models.CASCADE, related_name="review")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    motivation = models.TextField(_("motivering"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="fonds_score_once_per_criterion"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="fonds_score_one_to_five"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Tranche(models.Model):
    """A planned payment of a grant. ``requires_report``: paid only once the previous tranche's report is
    approved."""

    class State(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        BETAALD = "betaald", _("betaald")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="tranches")
    planned_on = models.DateField(_("geplande datum"))
    amount = models.DecimalField(_("bedrag"), **MONEY)
    requires_report = models.BooleanField(_("voorwaarde: goedgekeurd verslag van de vorige tranche"), default=False)
    state = models.CharField(_("stand"), max_length=10, choices=State.choices, default=State.GEPLAND)
    paid_on = models.DateField(_("betaald op"), null=True, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["application", "planned_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fonds_tranche_amount_positive"),
            models.CheckConstraint(
                condition=Q(state="gepland", paid_on__isnull=True) | Q(state="betaald", paid_on__isnull=False),
                name="fonds_tranche_paid_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.planned_on}"


class TrancheReport(models.Model):
    class State(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
        AFGEKEURD = "afgekeurd", _("afgekeurd")

    tranche = models.OneToOneField(Tranche, on_delete=models.CASCADE, related_name="report")
    text = models.TextField(_("verslag"))
    state = models.CharField(_("stand"), max_length=12, choices=State.choices, default=State.INGEDIEND)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tranchverslag")
        verbose_name_plural = _("tranchverslagen")

    def __str__(self) -> str:
        return str(self.tranche)
