"""Connect's public pages: the catalogue, an event, registering, and a participant's own pages reached by
the personal link (registration, confirmation, cancelling, the evaluation)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from meent.connect import exports, forms, selectors, services
from meent.connect.models import Event, Registration, SessionChoice
from meent.connect.throttling import RegistrationThrottle, refusal, retry_seconds
from meent.core.views import RuleView
from meent.leden.models import Gemeente

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

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        registration = services.confirm_registration(self.get_registration().confirm_token)
        messages.success(request, _("Dank u. Uw e-mailadres is bevestigd."))
        return redirect("connect:registration-detail", registration.token)


class RegistrationCancelView(RegistrationTokenMixin, RuleView, TemplateView):
    template_name = "connect/registration_cancel.html"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return redirect("connect:registration-detail", self.get_registration().token)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def dispatch(self, request: HttpRequest, *args, **kwargs):
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
