"""Pages of the grant fund: International staff's overview and screening, the reviewers' form, and the public and
applicant pages (calls, registration, the application form) in Dutch, English and French. Views stay thin: they
parse, call a service, and show its refusal on the form."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import registry
from meent.core.audit import log_read
from meent.core.refusals import Refused
from meent.core.storage import private_download
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.international.fonds import forms, selectors, services
from meent.international.fonds.models import Application, Call, Fund, Status, Tranche


def _pk(value) -> int | None:
    try:
        pk = int(value or "")
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**63 else None


class FundListView(RuleView, TemplateView):
    permission_required = "fonds.view_funds"
    template_name = "fonds/fund_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["object_list"] = Fund.objects.select_related("donor")
        return context


class FundDetailView(RuleView, TemplateView):
    permission_required = "fonds.view_funds"
    template_name = "fonds/fund_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        fund = Fund.objects.filter(pk=self.kwargs["pk"]).select_related("donor").first()
        if fund is None:
            raise Http404
        years = list(range(fund.starts_on.year, fund.ends_on.year + 1))
        year = year_parameter(self.request, choices=years)
        context.update(
            fund=fund,
            calls=fund.calls.all(),
            status_counts=selectors.status_counts(Fund.objects.filter(pk=fund.pk)),
            year=year,
            years=years,
            figures=registry.figures.values("fonds", year),
        )
        return context


class ApplicationListView(RuleView, TemplateView):
    """Staff: all submitted applications (filter by status); an applicant: its own; a reviewer: those assigned."""

    permission_required = "fonds.read_applications"
    template_name = "fonds/application_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        qs = selectors.visible_applications(self.request.user)
        status = self.request.GET.get("status", "")
        if status in Status.values:
            qs = qs.filter(status=status)
        context["page_obj"] = Paginator(qs, 50).get_page(self.request.GET.get("page"))
        context["object_list"] = context["page_obj"].object_list
        context["statuses"] = Status.choices
        context["status"] = status
        context["is_staff"] = selectors.is_fund_staff(self.request.user)
        context["open_calls"] = selectors.open_calls() if selectors.applicant_of(self.request.user) else []
        return context


class ApplicationMixin(RuleView):
    """Finds the application among those the reader may see (404 otherwise); the rule is checked on it."""

    application: Application

    def get_permission_object(self) -> Application | None:
        if not self.request.user.is_authenticated:
            return None
        application = selectors.application_for(self.request.user, self.kwargs["pk"])
        if application is None:
            raise Http404(_("Deze aanvraag bestaat niet of u heeft er geen toegang toe."))
        self.application = application
        return application

    def back(self) -> HttpResponse:
        return redirect("fonds:application-detail", self.application.pk)


class ApplicationDetailView(ApplicationMixin, TemplateView):
    permission_required = "fonds.view_application"
    template_name = "fonds/application_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, application = self.request.user, self.application
        log_read(user, application)
        is_manager = user.has_perm("fonds.manage_application", application)
        choices = [(name, Status(name).label) for name in services.available_transitions(application)]
        context.update(
            application=application,
            changes=application.status_changes.all(),
            documents=application.documents.all(),
            tranches=application.tranches.select_related("report"),
            budget_lines=application.budget_lines.all(),
            areas=application.areas.all(),
            is_own=user.has_perm("fonds.edit_application", application),
            can_review=user.has_perm("fonds.review_application", application)
            and not application.assignments.filter(reviewer=user, review__isnull=False).exists(),
            is_manager=is_manager,
            transition_form=forms.TransitionForm(choices=choices) if is_manager and choices else None,
            assign_form=forms.AssignForm() if is_manager and application.status in services.REVIEWABLE else None,
            tranche_form=forms.TrancheForm() if is_manager and application.status in services.PAYABLE else None,
            report_form=forms.ReportForm(),
        )
        if user.has_perm("fonds.view_scores", application):
            context["reviews"] = selectors.reviews_of(application)
            context["assignments"] = application.assignments.select_related("reviewer")
        return context


class TransitionView(ApplicationMixin, View):
    permission_required = "fonds.manage_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        choices = [(name, name) for name in services.TRANSITIONS]
        form = forms.TransitionForm(request.POST, choices=choices)
        if not form.is_valid():
            messages.error(request, _("Kies een geldige nieuwe status."))
            return self.back()
        try:
            services.transition(
                self.application,
                form.cleaned_data["naar"],
                by=request.user,
                motivation=form.cleaned_data["motivering"],
                amount=form.cleaned_data["bedrag"],
            )
        except Refused as refusal:
            for error in refusal.errors:
                messages.error(request, error)
        else:
            messages.success(request, _("De status is gewijzigd; de aanvrager krijgt bericht."))
        return self.back()


class AssignView(ApplicationMixin, View):
    permission_required = "fonds.manage_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.AssignForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return self.back()
        try:
            services.assign_reviewer(self.application, reviewer=form.cleaned_data["beoordelaar"], by=request.user)
        except Refused as refusal:
            for error in refusal.errors:
                messages.error(request, error)
        else:
            messages.success(request, _("De beoordelaar is toegewezen."))
        return self.back()


class ReviewView(ApplicationMixin, View):
    permission_required = "fonds.review_application"
    template_name = "fonds/review_form.html"

    def _render(self, form) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"form": form, "application": self.application, "submit_label": _("Beoordeling indienen")},
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(forms.ReviewForm(criteria=self.application.call.criteria.all()))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.ReviewForm(request.POST, criteria=self.application.call.criteria.all())
        if form.is_valid():
            try:
                services.submit_review(self.application, by=request.user, scores=form.scores())
            except Refused as refusal:
                refusal.add_to(form)
            else:
                messages.success(request, _("Uw beoordeling is opgeslagen."))
                return self.back()
        return self._render(form)


class TrancheAddView(ApplicationMixin, View):
    permission_required = "fonds.manage_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.TrancheForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Vul een geldige datum en een bedrag in."))
            return self.back()
        try:
            services.add_tranche(self.application, by=request.user, **form.cleaned_data)
        except Refused as refusal:
            for error in refusal.errors:
                messages.error(request, error)
        else:
            messages.success(request, _("De tranche is gepland."))
        return self.back()


class TrancheMixin(RuleView):
    tranche: Tranche

    def get_permission_object(self) -> Application | None:
        if not self.request.user.is_authenticated:
            return None
        tranche = selectors.tranche_for(self.request.user, self.kwargs["pk"])
        if tranche is None:
            raise Http404
        self.tranche = tranche
        return tranche.application

    def back(self) -> HttpResponse:
        return redirect("fonds:application-detail", self.tranche.application_id)

    def run(self, action) -> HttpResponse:
        try:
            action()
        except Refused as refusal:
            for error in refusal.errors:
                messages.error(self.request, error)
        else:
            messages.success(self.request, _("Opgeslagen."))
        return self.back()


class TranchePayView(TrancheMixin, View):
    permission_required = "fonds.manage_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.run(lambda: services.pay_tranche(self.tranche, by=request.user))


class ReportSubmitView(TrancheMixin, View):
    permission_required = "fonds.edit_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        text = request.POST.get("text", "")
        return self.run(lambda: services.submit_report(self.tranche, by=request.user, text=text))


class ReportDecideView(TrancheMixin, View):
    permission_required = "fonds.manage_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = getattr(self.tranche, "report", None)
        if report is None:
            raise Http404
        approve = request.POST.get("besluit") == "goedkeuren"
        return self.run(lambda: services.decide_report(report, by=request.user, approve=approve))


class DocumentDownloadView(RuleView, View):
    """Documents are served only here, to readers of their application."""

    permission_required = "fonds.read_applications"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = selectors.document_for(request.user, pk)
        if document is None:
            raise Http404
        log_read(request.user, document)
        return private_download(document)


# Public and applicant pages (nl/en/fr) -----------------------------------------------------------------------


class CallListView(RuleView, TemplateView):
    permission_required = "fonds.view_calls"
    template_name = "fonds/call_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["calls"] = context["object_list"] = selectors.open_calls().prefetch_related("criteria")
        context["is_applicant"] = selectors.applicant_of(self.request.user) is not None
        return context


class RegisterView(RuleView, View):
    permission_required = "fonds.register"
    template_name = "fonds/register.html"

    def _render(self, form, done: bool = False) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form, "done": done, "submit_label": _("Registreren")})

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(forms.RegisterForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.RegisterForm(request.POST)
        if form.is_valid():
            try:
                services.register_applicant(**form.cleaned_data, language=get_language() or "en")
            except Refused as refusal:
                refusal.add_to(form)
            else:
                return self._render(None, done=True)
        return self._render(form)


class RegisterConfirmView(RuleView, View):
    permission_required = "fonds.register"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            services.confirm_registration(token)
        except Refused as refusal:
            return render(request, "fonds/register_confirm.html", {"error": refusal.errors[0]}, status=400)
        return render(request, "fonds/register_confirm.html", {"error": None})


class ApplicationFormView(RuleView, View):
    """The application form: a new draft for a call, or an existing draft. "Concept opslaan" keeps it, "Indienen"
    saves and submits it (refused after the deadline, with the reason on the form)."""

    permission_required = "fonds.apply"
    template_name = "fonds/application_form.html"
    application: Application | None = None

    def _load(self) -> Call:
        if "application" in self.kwargs:
            application = selectors.application_for(self.request.user, self.kwargs["application"])
            if application is None or not self.request.user.has_perm("fonds.edit_application", application):
                raise Http404
            self.application = application
            return application.call
        call = Call.objects.filter(pk=self.kwargs["call"]).first()
        if call is None:
            raise Http404
        return call

    def _render(self, form, call: Call) -> HttpResponse:
        documents = self.application.documents.all() if self.application else []
        context = {"form": form, "call": call, "application": self.application, "documents": documents}
        return render(self.request, self.template_name, context)

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        call = self._load()
        initial = (
            forms.ApplicationForm.initial_for(self.application)
            if self.application
            else {
                "organisation_name": selectors.applicant_of(request.user).organisation.name,
                "registration_number": selectors.applicant_of(request.user).registration_number,
            }
        )
        return self._render(forms.ApplicationForm(call=call, initial=initial), call)

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        call = self._load()
        form = forms.ApplicationForm(request.POST, request.FILES, call=call)
        if form.is_valid():
            data = form.cleaned_data
            try:
                application = services.save_draft(
                    by=request.user,
                    call=call,
                    application=self.application,
                    title=data["title"],
                    organisation_name=data["organisation_name"],
                    registration_number=data["registration_number"],
                    contact_name=data["contact_name"],
                    activities=data["activities"],
                    amount_requested=data["amount_requested"],
                    areas=list(data["areas"]),
                    budget_lines=form.budget_lines(),
                )
                self.application = application
                if data.get("document"):
                    services.add_document(application, upload=data["document"], by=request.user)
                if request.POST.get("actie") == "indienen":
                    services.submit(application, by=request.user)
                    done = _("Uw aanvraag %(number)s is ingediend.") % {"number": application.number}
                    messages.success(request, done)
                    return redirect("fonds:application-detail", application.pk)
            except Refused as refusal:
                refusal.add_to(form)
            else:
                messages.success(request, _("Uw concept is opgeslagen."))
                return redirect(reverse("fonds:application-edit", args=[application.pk]))
        return self._render(form, call)
