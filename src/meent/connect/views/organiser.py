"""Organisers' pages: events and sessions, changes (reschedule, convert, cancel), participants, check-in,
attendance, evaluation results and the mail log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from meent.connect import exports, forms, selectors, services
from meent.connect.models import Event, Registration, Session
from meent.connect.views.public import EventMixin
from meent.core.audit import log_read
from meent.core.exports import FORMATS, table_response
from meent.core.input import parse_id
from meent.core.submissions import create_once
from meent.core.views import RuleView


def _format(request: HttpRequest) -> str | None:
    fmt = request.GET.get("formaat")
    return fmt if fmt in FORMATS else None


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

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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
    destructive: bool = False

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading, intro=self.intro, submit_label=self.submit_label, destructive=self.destructive
        )
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
    destructive = True

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

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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
            object_list=page.object_list,
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

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        log_read(request.user, self.get_event(), "presentielijst")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["search"] = search = self.request.GET.get("naam", "").strip()
        everyone = self.get_event().registrations.filter(status__in=Registration.HOLDS_SEAT)
        context["total"] = everyone.count()
        context["registrations"] = context["object_list"] = (
            selectors.named(everyone, search).prefetch_related(selectors.active_choices()).order_by("name")
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
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
