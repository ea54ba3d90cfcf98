from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView

from meent.connect import exports, forms, selectors, services
from meent.connect.models import Course, Event, Registration, Session, SessionChoice, Trainee
from meent.connect.throttling import RegistrationThrottle, refusal, retry_seconds
from meent.core.audit import log_read
from meent.core.exports import FORMATS, table_response
from meent.core.input import parse_id
from meent.core.registry import computing, figures
from meent.core.submissions import create_once
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.leden.models import Gemeente


def _format(request: HttpRequest) -> str | None:
    fmt = request.GET.get("formaat")
    return fmt if fmt in FORMATS else None


# Public pages -------------------------------------------------------------------------------------------------


class EventListView(RuleView, ListView):
    permission_required = "connect.view_event"
    template_name = "connect/event_list.html"
    paginate_by = 20

    def get_filter_form(self) -> forms.CatalogueFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = forms.CatalogueFilterForm(self.request.GET or None)
            self._filter_form.is_valid()
        return self._filter_form

    def get_queryset(self):
        form = self.get_filter_form()
        data = form.cleaned_data if form.is_bound else {}
        period = form.period()
        return selectors.catalogue(
            search=(data.get("q") or "").strip() or None,
            kind=data.get("soort") or None,
            format=data.get("vorm") or None,
            year=data.get("jaar"),
            upcoming=period == "komend",
            past=period == "afgelopen",
            registered_from=self.get_gemeente(),
        )

    def get_gemeente(self) -> Gemeente | None:
        """``?gemeente=CODE`` (from the gemeente's 360° page): the events its people registered for. Who registered
        from where is only told to those who may see that gemeente's page; for anyone else the filter is ignored."""
        if not hasattr(self, "_gemeente"):
            code = (self.request.GET.get("gemeente") or "")[:6]
            gemeente = Gemeente.objects.filter(code__iexact=code).first() if code else None
            allowed = gemeente is not None and self.request.user.has_perm("core.view_gemeente_360", gemeente)
            self._gemeente = gemeente if allowed else None
        return self._gemeente

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["gemeente"] = self.get_gemeente()
        context["filter_form"] = self.get_filter_form()
        context["period"] = self.get_filter_form().period()
        context["years"] = selectors.event_years()
        context["now"] = timezone.now()
        return context


class EventMixin:
    """Pages about one event, found by its number in the URL."""

    def get_event(self) -> Event:
        if not hasattr(self, "_event"):
            self._event = get_object_or_404(Event.objects.prefetch_related("commissioners"), pk=self.kwargs["pk"])
        return self._event

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["event"] = self.get_event()
        return context


class EventDetailView(RuleView, DetailView):
    permission_required = "connect.view_event"
    template_name = "connect/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.prefetch_related("commissioners", "sessions").select_related("edition__course")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event = self.object
        context["changes"] = event.changes.select_related("replacement")
        context["registration_open"] = event.registration_open()
        context["is_past"] = event.ends_at < timezone.now()
        if context["is_past"]:
            context["participant_count"] = event.registrations.filter(status__in=Registration.HOLDS_SEAT).count()
        context["is_organiser"] = self.request.user.has_perm("connect.manage_event", event)
        if context["is_organiser"]:
            counts = selectors.status_counts(event)
            context["count_rows"] = [(Registration.Status(s).label, n) for s, n in counts.items()]
        return context


class EventCalendarView(RuleView, EventMixin, TemplateView):
    permission_required = "connect.view_event"

    def get(self, request, *args, **kwargs) -> HttpResponse:
        return exports.icalendar_response(self.get_event())


class RegisterView(RuleView, EventMixin, FormView):
    permission_required = "connect.add_registration"
    template_name = "connect/register.html"
    form_class = forms.RegistrationForm

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.get_event()
        if self.request.user.is_authenticated and self.request.method != "POST":
            user = self.request.user
            kwargs["initial"] = {
                "name": user.get_full_name(),
                "email": user.email,
                "organisation_name": user.organisation.name if user.organisation_id else "",
            }
        return kwargs

    def post(self, request, *args, **kwargs) -> HttpResponse:
        throttle = RegistrationThrottle()
        if not throttle.allow_request(request, self):
            wait = throttle.wait()
            form = self.get_form()
            form.is_valid()  # keep what was typed, and show its own errors next to the refusal
            form.add_error(None, refusal(wait))
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(retry_seconds(wait))
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.register_or_remind(
                event=self.get_event(),
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                sessions=data.get("sessions"),
                account=self.request.user,
            )
        except services.RegistrationRefused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        # The same answer whether or not the address was already registered; the mail says which (#11 F12).
        messages.success(self.request, services.received_message(data["email"]))
        return redirect("connect:event-detail", self.get_event().pk)


class PersonalLinkMixin:
    """Pages whose address is a secret: the address goes to no other site as a referrer. ``same-origin``, not
    ``no-referrer``: with the latter Chromium sends ``Origin: null`` on the page's POSTs and the CSRF check
    refuses every form on it."""

    def dispatch(self, request, *args, **kwargs) -> HttpResponse:
        response = super().dispatch(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        return response


class RegistrationTokenMixin(PersonalLinkMixin):
    """The personal pages: whoever holds the secret link is the registrant."""

    permission_required = "connect.view_own_registration"

    def get_registration(self) -> Registration:
        if not hasattr(self, "_registration"):
            self._registration = get_object_or_404(
                Registration.objects.select_related("event"), token=self.kwargs["token"]
            )
        return self._registration

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["registration"] = registration = self.get_registration()
        context["event"] = registration.event
        context["session_choices"] = registration.session_choices.select_related("session").order_by(
            "session__starts_at", "session__title"
        )
        return context


class RegistrationDetailView(RegistrationTokenMixin, RuleView, TemplateView):
    template_name = "connect/registration_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        registration = context["registration"]
        event = registration.event
        context["show_stream"] = (
            registration.is_confirmed and registration.holds_seat and not event.is_cancelled and event.has_stream
        )
        context["can_cancel"] = services.can_cancel(registration)
        context["can_evaluate"] = services.can_evaluate(registration)
        context["waiting_position"] = (
            list(selectors.waiting_list(event).values_list("pk", flat=True)).index(registration.pk) + 1
            if registration.status == Registration.Status.WACHTLIJST
            else None
        )
        context["replacement"] = (
            event.changes.filter(replacement__isnull=False).select_related("replacement").last()
            if event.is_cancelled
            else None
        )
        return context


class MyRegistrationsView(RuleView, ListView):
    """Registrations made while signed in: an account is optional, but with one they are all in one place."""

    permission_required = "connect.view_my_registrations"
    template_name = "connect/my_registrations.html"

    def get_queryset(self):
        choices = SessionChoice.objects.exclude(status=SessionChoice.Status.GEANNULEERD).select_related("session")
        return (
            Registration.objects.filter(account=self.request.user)
            .select_related("event")
            .prefetch_related(Prefetch("session_choices", queryset=choices, to_attr="active_choices"))
            .order_by("-event__starts_at")
        )


class RegistrationConfirmView(PersonalLinkMixin, RuleView, TemplateView):
    permission_required = "connect.view_own_registration"
    template_name = "connect/registration_confirm.html"

    def get_registration(self) -> Registration:
        return get_object_or_404(Registration.objects.select_related("event"), confirm_token=self.kwargs["token"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["registration"] = self.get_registration()
        return context

    def post(self, request, *args, **kwargs) -> HttpResponse:
        registration = services.confirm_registration(self.get_registration().confirm_token)
        messages.success(request, _("Dank u. Uw e-mailadres is bevestigd."))
        return redirect("connect:registration-detail", registration.token)


class RegistrationCancelView(RegistrationTokenMixin, RuleView, TemplateView):
    template_name = "connect/registration_cancel.html"

    def post(self, request, *args, **kwargs) -> HttpResponse:
        registration = self.get_registration()
        try:
            services.cancel_registration(registration.token)
        except services.ChangeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("U bent afgemeld. U ontvangt een bevestiging per mail."))
        return redirect("connect:registration-detail", registration.token)


class SessionChoiceCancelView(RegistrationTokenMixin, RuleView, TemplateView):
    """Drop one session and keep the event seat; the place goes to the first on the session's waiting list. The
    button sits on the personal page, so a plain visit goes there."""

    def get(self, request, *args, **kwargs) -> HttpResponse:
        return redirect("connect:registration-detail", self.get_registration().token)

    def post(self, request, *args, **kwargs) -> HttpResponse:
        registration = self.get_registration()
        choice = get_object_or_404(registration.session_choices.select_related("session"), session_id=kwargs["session"])
        try:
            services.cancel_session_choice(registration.token, choice.session_id)
        except services.ChangeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("U bent afgemeld voor de sessie %(session)s.") % {"session": choice.session.title}
            )
        return redirect("connect:registration-detail", registration.token)


class EvaluationFormView(RegistrationTokenMixin, RuleView, FormView):
    template_name = "connect/evaluation_form.html"
    form_class = forms.EvaluationForm

    def dispatch(self, request, *args, **kwargs):
        registration = self.get_registration()
        if not services.can_evaluate(registration):
            messages.info(request, _("Voor deze aanmelding kunt u (nog) geen evaluatie invullen."))
            return redirect("connect:registration-detail", registration.token)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.submit_evaluation(
                self.get_registration(),
                overall=data["overall"],
                content=data["content"],
                speakers=data["speakers"],
                organisation=data["organisation"],
                comment=data["comment"],
            )
        except services.ChangeRefused as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, _("Dank voor uw beoordeling."))
        return redirect("connect:registration-detail", self.get_registration().token)


# Organiser pages ----------------------------------------------------------------------------------------------


class OrganiserMixin(EventMixin):
    permission_required = "connect.manage_event"


class EventCreateView(RuleView, FormView):
    permission_required = "connect.manage_event"
    template_name = "connect/event_form.html"
    form_class = forms.EventForm

    def form_valid(self, form) -> HttpResponse:
        data = dict(form.cleaned_data)
        commissioners = list(data.pop("commissioners"))
        key = data.pop("submission")
        pk, created = create_once(
            "connect.event", key, lambda: services.create_event(commissioners=commissioners, **data).pk
        )
        if pk is None:  # the first of a double submission is still being saved
            messages.info(self.request, _("Dit evenement wordt al aangemaakt."))
            return redirect("connect:event-list")
        if created:
            messages.success(self.request, _("Het evenement is aangemaakt."))
        return redirect("connect:event-detail", pk)


class EventUpdateView(OrganiserMixin, RuleView, FormView):
    template_name = "connect/event_form.html"
    form_class = forms.EventForm

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_event()
        return kwargs

    def form_valid(self, form) -> HttpResponse:
        data = dict(form.cleaned_data)
        commissioners = list(data.pop("commissioners"))
        event = Event.objects.get(pk=self.get_event().pk)
        try:
            services.update_event(event, commissioners=commissioners, **data)
        except services.ChangeRefused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("De wijzigingen zijn opgeslagen."))
        return redirect("connect:event-detail", event.pk)


class SessionCreateView(OrganiserMixin, RuleView, FormView):
    template_name = "connect/session_form.html"
    form_class = forms.SessionForm

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.add_session(
                event=self.get_event(),
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                capacity=data["capacity"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De sessie is toegevoegd."))
        return redirect("connect:event-detail", self.get_event().pk)


class SessionMixin(OrganiserMixin):
    def get_session(self) -> Session:
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(self.get_event().sessions, pk=self.kwargs["session"])
        return self._session

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["session"] = self.get_session()
        return context


class SessionUpdateView(SessionMixin, RuleView, FormView):
    template_name = "connect/session_form.html"
    form_class = forms.SessionForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.get_session()}

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.update_session(
                self.get_session(),
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                capacity=data["capacity"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De sessie is gewijzigd."))
        return redirect("connect:event-detail", self.get_event().pk)


class SessionDeleteView(SessionMixin, RuleView, TemplateView):
    template_name = "connect/session_delete.html"

    def post(self, request, *args, **kwargs) -> HttpResponse:
        session = self.get_session()
        told = services.delete_session(session)
        messages.success(
            request,
            _("De sessie %(session)s is verwijderd; %(n)d deelnemers krijgen bericht.")
            % {"session": session.title, "n": told},
        )
        return redirect("connect:event-detail", self.get_event().pk)


class EventChangeView(OrganiserMixin, RuleView, FormView):
    """Shared by moving, converting and cancelling: each is refused in Dutch when the event's state forbids it."""

    template_name = "connect/event_change.html"
    heading: str = ""
    intro: str = ""
    submit_label: str = ""

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(heading=self.heading, intro=self.intro, submit_label=self.submit_label)
        return context

    def apply(self, event: Event, data: dict) -> None:
        raise NotImplementedError

    def form_valid(self, form) -> HttpResponse:
        event = self.get_event()
        try:
            self.apply(event, form.cleaned_data)
        except services.ChangeRefused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Opgeslagen. De deelnemers krijgen bericht per mail."))
        return redirect("connect:event-detail", event.pk)


class RescheduleView(EventChangeView):
    form_class = forms.RescheduleForm
    heading = gettext_lazy("Evenement verplaatsen")
    intro = gettext_lazy("Aanmeldingen blijven staan. De oude en nieuwe datum en de reden komen in de historie.")
    submit_label = gettext_lazy("Verplaatsen")

    def get_initial(self) -> dict:
        event = self.get_event()
        return {"starts_at": timezone.localtime(event.starts_at), "ends_at": timezone.localtime(event.ends_at)}

    def apply(self, event: Event, data: dict) -> None:
        services.reschedule_event(
            event, starts_at=data["starts_at"], ends_at=data["ends_at"], reason=data["reason"], by=self.request.user
        )


class ConvertView(EventChangeView):
    form_class = forms.ConvertForm
    heading = gettext_lazy("Vorm wijzigen")
    intro = gettext_lazy("Bijvoorbeeld een fysiek congres dat digitaal doorgaat. Aanmeldingen blijven staan.")
    submit_label = gettext_lazy("Vorm wijzigen")

    def apply(self, event: Event, data: dict) -> None:
        services.convert_event(
            event,
            new_format=data["new_format"],
            reason=data["reason"],
            stream_url=data["stream_url"],
            venue=data["venue"],
            by=self.request.user,
        )


class CancelEventView(EventChangeView):
    form_class = forms.CancelEventForm
    heading = gettext_lazy("Evenement definitief annuleren")
    intro = gettext_lazy(
        "Dit kan niet ongedaan worden gemaakt. Alle aangemelde deelnemers en de wachtlijst krijgen een mail, "
        "met een uitnodiging voor het vervangende evenement als u dat kiest."
    )
    submit_label = gettext_lazy("Definitief annuleren")

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.get_event()
        return kwargs

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["counts"] = selectors.status_counts(self.get_event())
        return context

    def apply(self, event: Event, data: dict) -> None:
        services.cancel_event(event, reason=data["reason"], replacement=data["replacement"], by=self.request.user)


class ParticipantListView(OrganiserMixin, RuleView, TemplateView):
    template_name = "connect/participants.html"
    permission_required = "connect.view_registration"
    paginate_by = 100  # a big congress has thousands; the download has them all
    HEADER = [
        gettext_lazy("naam"),
        gettext_lazy("e-mailadres"),
        gettext_lazy("organisatie"),
        gettext_lazy("sessies"),
        gettext_lazy("status"),
        gettext_lazy("bevestigd"),
        gettext_lazy("aangemeld op"),
    ]

    def get(self, request, *args, **kwargs) -> HttpResponse:
        event = self.get_event()
        fmt = _format(request)
        # Personal data, on screen or as a download that leaves the system: keep a trace.
        log_read(request.user, event, f"deelnemerslijst ({fmt})" if fmt else "deelnemerslijst")
        if fmt:
            rows = exports.participant_rows(selectors.participants(event))
            return table_response(
                fmt, f"deelnemers-{event.pk}", str(_("Deelnemers")), [str(h) for h in self.HEADER], rows
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event = self.get_event()
        status = self.request.GET.get("status")
        search = self.request.GET.get("naam", "").strip()
        registrations = selectors.named(selectors.participants(event), search)
        if status in Registration.Status.values:
            registrations = registrations.filter(status=status)
        page = Paginator(registrations, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            registrations=page.object_list,
            page_obj=page,
            counts=selectors.status_counts(event),
            statuses=Registration.Status.choices,
            current_status=status,
            search=search,
            sessions=selectors.session_counts(event),
        )
        return context


class CheckInView(OrganiserMixin, RuleView, TemplateView):
    """The check-in list: printable, and on screen each row has a button to mark (or unmark) attendance."""

    template_name = "connect/checkin.html"
    permission_required = "connect.view_registration"

    def get(self, request, *args, **kwargs) -> HttpResponse:
        log_read(request.user, self.get_event(), "presentielijst")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["search"] = search = self.request.GET.get("naam", "").strip()
        everyone = self.get_event().registrations.filter(status__in=Registration.HOLDS_SEAT)
        context["total"] = everyone.count()
        context["registrations"] = (
            selectors.named(everyone, search).prefetch_related(selectors.active_choices()).order_by("name")
        )
        return context

    def post(self, request, *args, **kwargs) -> HttpResponse:
        number = parse_id(request.POST.get("registration"))
        if number is None:
            messages.error(request, _("Kies een deelnemer uit de lijst."))
            return redirect("connect:checkin", self.get_event().pk)
        registration = get_object_or_404(Registration, pk=number, event=self.get_event())
        try:
            services.set_attendance(registration, attended=request.POST.get("attended") == "1")
        except services.ChangeRefused as exc:
            messages.error(request, str(exc))
        url = reverse("connect:checkin", args=[self.get_event().pk])
        if search := request.POST.get("naam", "").strip():  # back to the same search
            url += "?" + urlencode({"naam": search})
        return HttpResponseRedirect(f"{url}#r{registration.pk}")


class AttendanceImportView(OrganiserMixin, RuleView, FormView):
    template_name = "connect/attendance_import.html"
    form_class = forms.AttendanceImportForm

    def form_valid(self, form) -> HttpResponse:
        try:
            count = services.import_attendance(self.get_event(), form.cleaned_data["file"])
        except services.ImportRefused as exc:
            return self.render_to_response(self.get_context_data(form=form, import_errors=exc.errors))
        messages.success(self.request, _("%(n)d deelnemers zijn als aanwezig geregistreerd.") % {"n": count})
        return redirect("connect:participants", self.get_event().pk)


class EvaluationResultsView(OrganiserMixin, RuleView, TemplateView):
    template_name = "connect/evaluation_results.html"
    permission_required = "connect.view_evaluation"
    HEADER = [
        gettext_lazy("algemeen"),
        gettext_lazy("inhoud"),
        gettext_lazy("sprekers"),
        gettext_lazy("organisatie"),
        gettext_lazy("toelichting"),
        gettext_lazy("ingevuld op"),
    ]

    def get(self, request, *args, **kwargs) -> HttpResponse:
        event = self.get_event()
        fmt = _format(request)
        log_read(request.user, event, f"evaluaties ({fmt})" if fmt else "evaluaties")
        if fmt:
            rows = exports.evaluation_rows(selectors.evaluations(event))
            return table_response(
                fmt, f"evaluaties-{event.pk}", str(_("Evaluaties")), [str(h) for h in self.HEADER], rows
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event = self.get_event()
        context["results"] = selectors.results(event)
        context["comments"] = selectors.evaluations(event).exclude(comment="").values_list("comment", flat=True)
        context["can_invite"] = services.can_invite_evaluations(event)
        return context


class EvaluationInviteView(OrganiserMixin, RuleView, TemplateView):
    template_name = "connect/evaluation_invite.html"

    def post(self, request, *args, **kwargs) -> HttpResponse:
        try:
            services.invite_evaluations(self.get_event())
        except services.ChangeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("De uitnodigingen voor de evaluatie worden verstuurd."))
        return redirect("connect:evaluation-results", self.get_event().pk)


class MailLogView(OrganiserMixin, RuleView, ListView):
    template_name = "connect/mail_log.html"
    permission_required = "connect.view_registration"
    paginate_by = 50

    def get_queryset(self):
        return self.get_event().sent_mails.order_by("-sent_at", "-pk")


# Academie, trainees and figures -------------------------------------------------------------------------------


class CourseListView(RuleView, ListView):
    permission_required = "connect.view_course"
    template_name = "connect/course_list.html"

    def get_queryset(self):
        return selectors.courses()


class CourseDetailView(RuleView, DetailView):
    permission_required = "connect.view_course"
    template_name = "connect/course_detail.html"
    context_object_name = "course"
    model = Course

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["editions"] = selectors.editions_with_satisfaction(self.object)
        context["is_organiser"] = self.request.user.has_perm("connect.view_evaluation")
        return context


class CourseCreateView(RuleView, FormView):
    permission_required = "connect.add_course"
    template_name = "connect/simple_form.html"
    form_class = forms.CourseForm
    extra_context = {"heading": gettext_lazy("Nieuwe leergang")}

    def form_valid(self, form) -> HttpResponse:
        course = services.create_course(**form.cleaned_data)
        messages.success(self.request, _("De leergang is toegevoegd."))
        return redirect("connect:course-detail", course.pk)


class TrainerCreateView(RuleView, FormView):
    permission_required = "connect.add_trainer"
    template_name = "connect/simple_form.html"
    form_class = forms.TrainerForm
    extra_context = {"heading": gettext_lazy("Nieuwe docent")}

    def form_valid(self, form) -> HttpResponse:
        trainer = services.add_trainer(**form.cleaned_data)
        messages.success(self.request, _("%(name)s is toegevoegd.") % {"name": trainer})
        return redirect("connect:course-list")


class EditionCreateView(RuleView, FormView):
    permission_required = "connect.add_edition"
    template_name = "connect/simple_form.html"
    form_class = forms.EditionForm

    def get_course(self) -> Course:
        return get_object_or_404(Course, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Nieuwe editie van %(course)s") % {"course": self.get_course().title}
        return context

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            edition = services.create_edition(
                course=self.get_course(),
                kind=data["kind"],
                client=data["client"],
                capacity=data["capacity"],
                venue=data["venue"],
                stream_url=data["stream_url"],
                trainers=list(data["trainers"]),
                days=data["days"],
            )
        except services.ChangeRefused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("De editie is gepland; deelnemers kunnen zich aanmelden."))
        return redirect("connect:event-detail", edition.event.pk)


class TraineeCreateView(RuleView, FormView):
    permission_required = "connect.add_trainee"
    template_name = "connect/simple_form.html"
    form_class = forms.TraineeForm
    extra_context = {"heading": gettext_lazy("Nieuwe trainee")}

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        trainee = services.add_trainee(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            cohort=data["cohort"] or data["new_cohort"],
            start_date=data["start_date"],
            end_date=data["end_date"],
        )
        messages.success(self.request, _("%(name)s is toegevoegd.") % {"name": trainee})
        return redirect(reverse("connect:trainee-overview") + f"?jaar={data['start_date'].year}")


class AssignmentCreateView(RuleView, FormView):
    permission_required = "connect.add_assignment"
    template_name = "connect/simple_form.html"
    form_class = forms.AssignmentForm

    def get_trainee(self) -> Trainee:
        return get_object_or_404(Trainee, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Nieuwe opdracht voor %(name)s") % {"name": self.get_trainee()}
        return context

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        services.add_assignment(trainee=self.get_trainee(), **data)
        messages.success(self.request, _("De opdracht is toegevoegd."))
        return redirect(reverse("connect:trainee-overview") + f"?jaar={data['start_date'].year}")


class TraineeOverviewView(RuleView, TemplateView):
    permission_required = "connect.view_trainee"
    template_name = "connect/trainee_overview.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        year = year_parameter(self.request)
        context["year"] = year
        context["average"] = selectors.average_trainees(year)
        context["average_before"] = selectors.average_trainees(year - 1)
        context["assignments"] = selectors.assignments_in_year(year)
        context["assignments_before"] = selectors.assignments_in_year(year - 1)
        context["growth"] = selectors.assignments_growth(year)
        context["trainees"] = selectors.trainees_in_year(year)
        return context


class FiguresView(RuleView, TemplateView):
    permission_required = "connect.view_figures"
    template_name = "connect/figures.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        with computing():
            years = figures.years("connect")
            year = year_parameter(self.request, default=years[-1] if years else None)
            values = figures.values("connect", year)
            trainees_year_before = figures["connect.trainees_gemiddeld"].value(year - 1)
        table = selectors.events_by_kind_and_format(year)
        context.update(
            year=year,
            years=years[::-1],
            figures=values,
            trainees_year_before=trainees_year_before,
            formats=Event.Format.choices,
            kind_rows=[
                (label, [table[kind][fmt] for fmt in Event.Format.values]) for kind, label in Event.Kind.choices
            ],
            grades=selectors.grades_per_event(year),
        )
        return context
