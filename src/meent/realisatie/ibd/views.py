"""Pages of the incident desk. Each incident page finds its incident through the reader's visibility
(:func:`selectors.incident_for`), so a hidden incident and a missing one both answer 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import registry
from meent.core.audit import log_read
from meent.core.storage import private_download
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.realisatie.ibd import exports, figures, forms, selectors, services
from meent.realisatie.ibd.models import (
    TLP,
    Activation,
    Category,
    CorrelationExclusion,
    Expert,
    Incident,
    Severity,
    Status,
    Task,
    tlp_at_most,
)
from meent.realisatie.ibd.visibility import is_analyst


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _pk(value: str | None) -> int | None:
    """A database id from a form, or None for anything else ("²" passes ``isdigit`` but is no number)."""
    try:
        pk = int(value or "")
    except ValueError:
        return None
    return pk if 0 < pk < 2**63 else None


class IncidentMixin(RuleView):
    """Finds the incident by its number among those the reader may see; the rule is then checked on it."""

    incident: Incident

    def get_permission_object(self) -> Incident | None:
        if not self.request.user.is_authenticated:
            return None  # no rule passes on nothing: the visitor is sent to the login page (a mailed link)
        incident = selectors.incident_for(self.request.user, self.kwargs["number"])
        if incident is None:
            raise Http404(_("Dit incident bestaat niet of u heeft er geen toegang toe."))
        self.incident = incident
        return incident

    def back(self, anchor: str = "") -> HttpResponseRedirect:
        return redirect(reverse("ibd:incident-detail", args=[self.incident.number]) + anchor)


class IncidentListView(RuleView, TemplateView):
    """The incidents the reader may see; for a gemeente its own first. Nothing hidden is counted."""

    permission_required = "ibd.view_incident_list"
    template_name = "ibd/incident_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        scope = self.request.GET.get("toon", "eigen" if user.gemeente and not user.is_staff_member else "alle")
        qs = selectors.own_incidents(user) if scope == "eigen" else selectors.visible_incidents(user)
        if status := self.request.GET.get("status"):
            qs = qs.filter(status=status)
        if gemeente := (self.request.GET.get("gemeente") or "")[:6]:  # from a gemeente's 360° page
            qs = selectors.of_gemeente(qs, gemeente)
        page = Paginator(qs.order_by("-reported_at", "-pk"), 25).get_page(self.request.GET.get("page"))
        for incident in page:
            log_read(user, incident)
        context.update(
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            scope=scope,
            statuses=Status.choices,
            can_report=user.has_perm("ibd.report_incident"),
            is_analyst=is_analyst(user),
        )
        return context


class ReportView(RuleView, View):
    permission_required = "ibd.report_incident"
    template_name = "ibd/incident_report.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.ReportForm(gemeente=request.user.gemeente)
        return render(request, self.template_name, {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ReportForm(request.POST, request.FILES, gemeente=request.user.gemeente)
        if form.is_valid():
            try:
                incident = services.report_incident(reporter=request.user, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Uw melding is ontvangen als %(number)s. De IBD neemt contact op.") % {"number": incident.number},
                )
                return redirect("ibd:incident-detail", incident.number)
        return render(request, self.template_name, {"form": form}, status=400)


class QueueView(RuleView, TemplateView):
    permission_required = "ibd.view_queue"
    template_name = "ibd/queue.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, params = self.request.user, self.request.GET
        qs = selectors.queue(
            user,
            status=params.get("status") if params.get("status") in Status.values else None,
            severity=params.get("ernst") if params.get("ernst") in Severity.values else None,
            category=params.get("categorie") if params.get("categorie") in Category.values else None,
            assignee=user if params.get("behandelaar") == "ik" else None,
            unassigned=params.get("behandelaar") == "niemand",
            search=(params.get("q") or "").strip()[:100] or None,
        )
        page = Paginator(qs, 25).get_page(params.get("page"))
        rows = []
        for incident in page:
            log_read(user, incident)
            rows.append((incident, selectors.sla_state(incident)))
        context.update(
            page_obj=page,
            paginator=page.paginator,
            rows=rows,
            object_list=rows,
            my_tasks=selectors.open_tasks_of(user)[:20],
            today=timezone.localdate(),
            statuses=Status.choices,
            severities=Severity.choices,
            categories=Category.choices,
        )
        return context


class IncidentDetailView(IncidentMixin, TemplateView):
    permission_required = "ibd.view_incident"
    template_name = "ibd/incident_detail.html"
    bound_forms: dict = {}  # a failed submit replaces it with the one bound form

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, incident = self.request.user, self.incident
        entries = list(selectors.timeline(user, incident))
        attachments = list(selectors.attachments(user, incident))
        log_read(user, incident)
        for item in [*entries, *attachments]:
            log_read(user, item)
        analyst = is_analyst(user)
        context.update(
            incident=incident,
            entries=entries,
            attachments=attachments,
            recipients=incident.recipients.all() if user.has_perm("ibd.manage_recipients", incident) else [],
            deployments=selectors.deployments(user, incident),
            is_analyst=analyst,
            sla=selectors.sla_state(incident),
            can_add_entry=incident.is_open and user.has_perm("ibd.add_entry", incident),
            can_add_attachment=user.has_perm("ibd.add_attachment", incident),
            entry_form=forms.EntryForm(),
            recipients_form=forms.RecipientsForm(
                gemeente=incident.gemeente, initial={"recipients": list(incident.recipients.all())}
            )
            if user.has_perm("ibd.manage_recipients", incident)
            else None,
            attachment_form=forms.AttachmentForm(),
        )
        if analyst:
            observables = Paginator(selectors.observables(user, incident), OBSERVABLES_PER_PAGE).get_page(
                self.request.GET.get("observables")
            )
            for observable in observables:
                log_read(user, observable)
            context.update(
                observables=observables,
                suggestions=selectors.suggestions(user, incident),
                correlations=selectors.correlations(user, incident, items=list(observables.object_list)),
                tasks=selectors.tasks(user, incident),
                shares=selectors.shares(user, incident),
                import_form=forms.ImportForm(),
                triage_form=forms.TriageForm(
                    initial={
                        "severity": incident.severity,
                        "category": incident.category,
                        "assignee": incident.assignee,
                        "tlp": incident.tlp,
                    }
                ),
                task_form=forms.TaskForm(),
                observable_form=forms.ObservableForm(),
                transitions=[(s, Status(s).label) for s in services.TRANSITIONS[incident.status]],
            )
        context.update(self.bound_forms)
        return context


# Observables on the incident page, per page (an incident can have thousands).
OBSERVABLES_PER_PAGE = 50


# The incident page's forms by the name its template knows them by: a failed submit shows the page again with
# that one form bound.
PAGE_FORMS = {
    forms.EntryForm: "entry_form",
    forms.RecipientsForm: "recipients_form",
    forms.TriageForm: "triage_form",
    forms.TaskForm: "task_form",
    forms.ObservableForm: "observable_form",
    forms.AttachmentForm: "attachment_form",
    forms.ImportForm: "import_form",
}


class IncidentPostView(IncidentDetailView):
    """A form on the incident page. A failed submit shows the page again (400) with what was typed and the errors
    next to their fields; the error summary takes the focus."""

    http_method_names = ["post"]

    def fail(self, form) -> HttpResponse:
        self.bound_forms = {PAGE_FORMS[type(form)]: form}
        return self.render_to_response(self.get_context_data(), status=400)


class AddEntryView(IncidentPostView):
    permission_required = "ibd.add_entry"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.EntryForm(request.POST)
        if form.is_valid():
            try:
                services.add_entry(self.incident, author=request.user, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De tijdlijnregel is toegevoegd."))
                return self.back("#tijdlijn")
        return self.fail(form)


class RecipientsView(IncidentPostView):
    permission_required = "ibd.manage_recipients"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.RecipientsForm(request.POST, gemeente=self.incident.gemeente)
        if form.is_valid():
            try:
                services.set_recipients(self.incident, form.cleaned_data["recipients"])
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De ontvangers zijn bijgewerkt."))
                return self.back()
        return self.fail(form)


class TriageView(IncidentPostView):
    permission_required = "ibd.work_incident"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.TriageForm(request.POST)
        if form.is_valid():
            try:
                services.triage(self.incident, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De triage is opgeslagen."))
                return self.back()
        return self.fail(form)


class StatusView(IncidentMixin, View):
    """A status change asks for confirmation on its own page first."""

    permission_required = "ibd.work_incident"
    template_name = "ibd/incident_status.html"

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        current = self.incident.status
        form = forms.StatusForm(current=current, initial={"to": request.GET.get("naar")})
        return render(request, self.template_name, {"incident": self.incident, "form": form})

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.StatusForm(request.POST, current=self.incident.status)
        if form.is_valid():
            try:
                services.transition(
                    self.incident, by=request.user, to=form.cleaned_data["to"], summary=form.cleaned_data["summary"]
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De status is gewijzigd."))
                return self.back()
        return render(request, self.template_name, {"incident": self.incident, "form": form}, status=400)


class AddTaskView(IncidentPostView):
    permission_required = "ibd.work_incident"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.TaskForm(request.POST)
        if form.is_valid():
            try:
                services.add_task(self.incident, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De taak is toegevoegd."))
                return self.back("#taken")
        return self.fail(form)


class CompleteTaskView(IncidentPostView):
    permission_required = "ibd.work_incident"

    def post(self, request: HttpRequest, number: str, pk: int) -> HttpResponse:
        task = Task.unscoped.filter(incident=self.incident, pk=pk).first()
        if task is None:
            raise Http404
        services.complete_task(task)
        messages.success(request, _("De taak is gereed gemeld."))
        return self.back("#taken")


class AddObservableView(IncidentPostView):
    """Adds one observable, or accepts the suggestions the analyst ticked (``accepteer`` = "type|value")."""

    permission_required = "ibd.work_incident"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        accepted = request.POST.getlist("accepteer")
        if accepted:
            items = selectors.offered_suggestions(request.user, self.incident, accepted)
            tlp = request.POST.get("tlp") or self.incident.tlp
            try:
                count = services.add_observables(self.incident, items, by=request.user, tlp=tlp, source=_("suggestie"))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("%(n)d observable(s) toegevoegd.") % {"n": count})
            return self.back("#observables")
        form = forms.ObservableForm(request.POST)
        if form.is_valid():
            try:
                _obs, created = services.add_observable(
                    self.incident, by=request.user, source=_("handmatig"), **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error("value", error)
            else:
                if created:
                    messages.success(request, _("De observable is toegevoegd."))
                else:
                    messages.info(request, _("Deze observable stond er al."))
                return self.back("#observables")
        return self.fail(form)


class AddAttachmentView(IncidentPostView):
    permission_required = "ibd.add_attachment"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_attachment(
                    self.incident, upload=form.cleaned_data["file"], by=request.user, tlp=form.cleaned_data["tlp"]
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De bijlage is toegevoegd."))
                return self.back("#bijlagen")
        return self.fail(form)


class AttachmentDownloadView(IncidentMixin, View):
    """Evidence is served only here: the reader must see the incident and the attachment's own marking."""

    permission_required = "ibd.view_incident"

    def get(self, request: HttpRequest, number: str, pk: int) -> HttpResponse:
        attachment = selectors.attachment_for(request.user, self.incident, pk)
        if attachment is None:
            raise Http404
        log_read(request.user, attachment)
        return private_download(attachment)


class NetworkView(IncidentMixin, View):
    """Call in the response network and record who goes where, when, and for how many hours."""

    permission_required = "ibd.work_incident"
    template_name = "ibd/network.html"

    def context(self, **extra) -> dict:
        activation = Activation.objects.filter(incident=self.incident).first()
        return {
            "incident": self.incident,
            "activation": activation,
            "deployments": selectors.deployments(self.request.user, self.incident),
            "activation_form": forms.ActivationForm(),
            "deployment_form": forms.DeploymentForm(gemeente=self.incident.gemeente),
            **extra,
        }

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        return render(request, self.template_name, self.context())

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        activation = Activation.objects.filter(incident=self.incident).first()
        if "deployment" in request.POST and activation is not None:
            return self.record_hours(request, activation)
        if activation is None:
            form = forms.ActivationForm(request.POST)
            if form.is_valid():
                try:
                    services.activate_network(self.incident, by=request.user, reason=form.cleaned_data["reason"])
                except ValidationError as error:
                    _apply_errors(form, error)
                else:
                    messages.success(request, _("Het responsnetwerk is ingeroepen."))
                    return redirect("ibd:incident-network", self.incident.number)
            return render(request, self.template_name, self.context(activation_form=form), status=400)
        form = forms.DeploymentForm(request.POST, gemeente=self.incident.gemeente)
        if form.is_valid():
            try:
                services.deploy_expert(activation, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De inzet is vastgelegd."))
                return redirect("ibd:incident-network", self.incident.number)
        return render(request, self.template_name, self.context(deployment_form=form), status=400)

    def record_hours(self, request: HttpRequest, activation: Activation) -> HttpResponse:
        form = forms.HoursForm(request.POST)
        pk = _pk(form.data.get("deployment"))
        deployment = activation.deployments.filter(pk=pk).first() if pk is not None else None
        if deployment is None:
            raise Http404
        if form.is_valid():
            services.record_hours(deployment, form.cleaned_data["hours"])
            messages.success(request, _("De uren zijn vastgelegd."))
        else:
            messages.error(request, _("Vul een geldig aantal uren in (0 of meer)."))
        return redirect("ibd:incident-network", self.incident.number)


class ExpertListView(RuleView, View):
    permission_required = "ibd.manage_experts"
    template_name = "ibd/expert_list.html"

    def context(self, form=None) -> dict:
        search = (self.request.GET.get("q") or "").strip()[:100] or None
        experts = selectors.experts(search=search)
        return {"experts": experts, "object_list": experts, "form": form or forms.ExpertForm()}

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, self.context())

    def post(self, request: HttpRequest) -> HttpResponse:
        if "beschikbaar" in request.POST:
            pk = _pk(request.POST.get("expert"))
            expert = Expert.objects.filter(pk=pk).first() if pk is not None else None
            if expert is None:
                raise Http404
            services.set_availability(expert, request.POST["beschikbaar"] == "ja")
            messages.success(request, _("De beschikbaarheid van %(name)s is bijgewerkt.") % {"name": expert.person})
            return redirect("ibd:expert-list")
        form = forms.ExpertForm(request.POST)
        if form.is_valid():
            try:
                services.add_expert(**form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("De expert is aan de pool toegevoegd."))
                return redirect("ibd:expert-list")
        return render(request, self.template_name, self.context(form), status=400)


class ExportView(IncidentMixin, View):
    """Share an incident (or the part within a TLP) with the NCSC; every export is recorded."""

    permission_required = "ibd.export_incident"
    template_name = "ibd/export.html"

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        return render(request, self.template_name, {"incident": self.incident, "form": forms.ExportForm()})

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.ExportForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"incident": self.incident, "form": form}, status=400)
        data = form.cleaned_data
        try:
            export = services.export_incident(
                self.incident,
                by=request.user,
                format=data["format"],
                max_tlp=data["max_tlp"],
                recipient=data["recipient"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
            return render(request, self.template_name, {"incident": self.incident, "form": form}, status=400)
        log_read(request.user, self.incident)
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class ImportObservablesView(IncidentPostView):
    permission_required = "ibd.work_incident"

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                items = exports.parse_import(form.cleaned_data["file"].read())
                count = services.add_observables(
                    self.incident, items, by=request.user, tlp=form.cleaned_data["tlp"], source=_("import")
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(
                    request,
                    _("%(n)d observable(s) gelezen, waarvan %(new)d nieuw.") % {"n": len(items), "new": count},
                )
                return self.back("#observables")
        return self.fail(form)


class AdvisoryListView(RuleView, TemplateView):
    permission_required = "ibd.view_advisory_list"
    template_name = "ibd/advisory_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["page_obj"] = page = Paginator(selectors.advisories(self.request.user), 25).get_page(
            self.request.GET.get("page")
        )
        context["object_list"] = page.object_list
        return context


class AdvisoryCreateView(RuleView, View):
    permission_required = "ibd.publish_advisory"
    template_name = "ibd/advisory_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.AdvisoryForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.AdvisoryForm(request.POST)
        if form.is_valid():
            try:
                advisory = services.publish_advisory(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Het advies %(number)s is gepubliceerd.") % {"number": advisory.number})
                return redirect("ibd:advisory-detail", advisory.number)
        return render(request, self.template_name, {"form": form}, status=400)


class AdvisoryMixin(RuleView):
    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None
        advisory = selectors.advisory_for(self.request.user, self.kwargs["number"])
        if advisory is None:
            raise Http404(_("Dit advies bestaat niet of is niet voor u."))
        self.advisory = advisory
        return advisory


class AdvisoryDetailView(AdvisoryMixin, TemplateView):
    permission_required = "ibd.view_advisory"
    template_name = "ibd/advisory_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, advisory = self.request.user, self.advisory
        if advisory.tlp not in tlp_at_most(TLP.GREEN):  # a confidential advisory: its reads are audited
            log_read(user, advisory)
        context.update(
            advisory=advisory,
            can_acknowledge=user.has_perm("ibd.acknowledge_advisory", advisory),
            acknowledged=selectors.has_acknowledged(user, advisory),
            missing=selectors.not_acknowledged(advisory) if user.has_perm("ibd.view_acknowledgements") else None,
            counts=selectors.acknowledgement_counts(advisory) if user.has_perm("ibd.view_acknowledgements") else None,
        )
        return context


class AcknowledgeView(AdvisoryMixin, View):
    permission_required = "ibd.acknowledge_advisory"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        services.acknowledge(self.advisory, account=request.user)
        messages.success(request, _("Bedankt, de ontvangst is bevestigd."))
        return redirect("ibd:advisory-detail", self.advisory.number)


MIN_YEAR, MAX_YEAR = 1990, 9998


class FiguresView(RuleView, TemplateView):
    """Anonymous figures for the annual report: counts only, never an incident's content."""

    permission_required = "ibd.view_figures"
    template_name = "ibd/figures.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        with registry.computing():
            years = registry.figures.years("ibd")
            year = year_parameter(self.request, default=years[-1] if years else None)
            context.update(
                year=year, years=years, figures=registry.figures.values("ibd", year), months=figures.month_table(year)
            )
        return context


class ExclusionListView(RuleView, View):
    """The values analysts do not want to correlate on (a webmail domain, a public resolver)."""

    permission_required = "ibd.manage_exclusions"
    template_name = "ibd/exclusion_list.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        exclusions = CorrelationExclusion.objects.order_by("type", "value")
        context = {"exclusions": exclusions, "object_list": exclusions, "form": form}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(forms.ExclusionForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ExclusionForm(request.POST)
        if form.is_valid():
            try:
                services.add_exclusion(**form.cleaned_data)
            except ValidationError as error:
                form.add_error("value", error)
            else:
                messages.success(request, _("De uitzondering is toegevoegd."))
                return redirect("ibd:exclusion-list")
        return self.render(form, status=400)


class ExclusionDeleteView(RuleView, View):
    permission_required = "ibd.manage_exclusions"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not services.delete_exclusion(pk):
            raise Http404
        messages.success(request, _("De uitzondering is verwijderd."))
        return redirect("ibd:exclusion-list")
