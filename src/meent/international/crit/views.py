"""Pages of the helpdesk. Question pages find the question among those the reader may see (404 otherwise)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import registry
from meent.core.refusals import Refused
from meent.core.storage import private_download
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.international.crit import forms, selectors, services
from meent.international.crit.models import Expert, Question, Status


class QuestionMixin(RuleView):
    question: Question

    def get_permission_object(self) -> Question | None:
        if not self.request.user.is_authenticated:
            return None  # sent to the login page
        question = selectors.question_for(self.request.user, self.kwargs["pk"])
        if question is None:
            raise Http404(_("Deze vraag bestaat niet of u heeft er geen toegang toe."))
        self.question = question
        return question

    def back(self) -> HttpResponse:
        return redirect("crit:question-detail", self.question.pk)


class AskView(RuleView, View):
    """The public form (nl/en/fr): the question counts once the asker confirmed the address."""

    permission_required = "crit.ask"
    template_name = "crit/ask.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = {"language": (request.LANGUAGE_CODE or "nl")[:2]}
        return render(request, self.template_name, {"form": forms.QuestionForm(initial=initial)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.QuestionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.submit_question(**form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                return render(request, "crit/ask_sent.html", {"email": form.cleaned_data["contact_email"]})
        return render(request, self.template_name, {"form": form}, status=400)


class VerifyView(RuleView, View):
    """The mailed link: a page with one button, so a mail scanner opening the link confirms nothing."""

    permission_required = "crit.ask"
    template_name = "crit/verify.html"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            services._question_from(token, services.VERIFY_SALT, services.VERIFY_DAYS)
        except Refused as refused:
            return render(request, self.template_name, {"error": refused.errors[0]}, status=400)
        return render(request, self.template_name, {})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            question = services.verify_question(token)
        except Refused as refused:
            return render(request, self.template_name, {"error": refused.errors[0]}, status=400)
        return render(request, self.template_name, {"verified": question})


class RateView(RuleView, View):
    permission_required = "crit.ask"
    template_name = "crit/rate.html"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.RateForm()})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = forms.RateForm(request.POST)
        if form.is_valid():
            try:
                services.rate(token, score=form.cleaned_data["score"])
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                return render(request, self.template_name, {"thanks": True})
        return render(request, self.template_name, {"form": form}, status=400)


class QuestionListView(RuleView, TemplateView):
    permission_required = "crit.view_questions"
    template_name = "crit/question_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        qs = selectors.visible_questions(self.request.user)
        status = self.request.GET.get("status")
        if status in Status.values:
            qs = qs.filter(status=status)
        page = Paginator(qs, 25).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            statuses=Status.choices,
            status=status,
            is_staff=selectors.is_staff(self.request.user),
            now=timezone.now(),
        )
        return context


class RegisterView(RuleView, View):
    permission_required = "crit.manage"
    template_name = "crit/register.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.StaffQuestionForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.StaffQuestionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                question = services.register_question(by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("De vraag is geregistreerd als %(ref)s.") % {"ref": question.reference})
                return redirect("crit:question-detail", question.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class QuestionDetailView(QuestionMixin, TemplateView):
    permission_required = "crit.view_question"
    template_name = "crit/question_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        question, user = self.question, self.request.user
        is_staff = selectors.is_staff(user)
        context.update(
            question=question,
            is_staff=is_staff,
            log=question.messages.select_related("expert__person", "author"),
            assignments=question.assignments.select_related("expert__person"),
            attachments=question.attachments.all(),
            ranked=selectors.ranked_experts(question) if is_staff else [],
            is_open=question.status in selectors.OPEN_STATUSES,
            message_form=forms.MessageForm(),
            late=question.first_answer_due and (question.first_answer_at or timezone.now()) > question.first_answer_due,
        )
        return context


class _QuestionAction(QuestionMixin, View):
    """A POST on one question that calls one service and returns to the question."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            self.act(request)
        except Refused as refused:
            for error in refused.errors:
                messages.error(request, error)
        return self.back()


class AssignView(_QuestionAction):
    permission_required = "crit.manage"

    def act(self, request: HttpRequest) -> None:
        form = forms.AssignForm(request.POST)
        if not form.is_valid():
            raise Refused(_("Kies een of meer experts."))
        services.assign(self.question, experts=form.cleaned_data["experts"], by=request.user)
        messages.success(request, _("De vraag is toegewezen."))


class MessageView(_QuestionAction):
    permission_required = "crit.answer"

    def act(self, request: HttpRequest) -> None:
        text = request.POST.get("text", "")
        if request.POST.get("from_partner") and request.user.has_perm("crit.manage"):
            services.record_partner_message(self.question, text=text)  # the partner's reply by mail, into the log
        else:
            services.post_message(self.question, by=request.user, text=text)
        messages.success(request, _("Het bericht is geplaatst."))


class CloseView(_QuestionAction):
    permission_required = "crit.manage"

    def act(self, request: HttpRequest) -> None:
        services.close(self.question, by=request.user)
        messages.success(request, _("De vraag is gesloten; de partner krijgt een vraag om een cijfer."))


class SummaryView(QuestionMixin, View):
    """Staff share the exchange with the sounding board; the proposal already has the names stripped."""

    permission_required = "crit.manage"
    template_name = "crit/summary.html"

    def _proposal(self) -> str:
        parts = [self.question.subject, self.question.text]
        parts += [m.text for m in self.question.messages.all()]
        return services.strip_names(self.question, "\n\n".join(parts))

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        text = self.question.summary or self._proposal()
        return render(
            request, self.template_name, {"form": forms.SummaryForm(initial={"text": text}), "question": self.question}
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.SummaryForm(request.POST)
        if form.is_valid():
            try:
                services.share_summary(self.question, by=request.user, text=form.cleaned_data["text"])
            except Refused as refused:
                refused.add_to(form, "text")
            else:
                messages.success(request, _("De samenvatting is gedeeld met de klankbordgroep."))
                return self.back()
        return render(request, self.template_name, {"form": form, "question": self.question}, status=400)


class AttachmentView(QuestionMixin, View):
    permission_required = "crit.view_question"

    def get(self, request: HttpRequest, pk: int, attachment: int) -> FileResponse:
        item = get_object_or_404(self.question.attachments, pk=attachment)
        return private_download(item)


class PoolView(RuleView, TemplateView):
    permission_required = "crit.manage"
    template_name = "crit/pool.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.pool(), 50).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page, object_list=page.object_list, paginator=page.paginator, today=timezone.localdate()
        )
        return context


class ExpertCreateView(RuleView, View):
    permission_required = "crit.manage"
    template_name = "crit/expert_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.ExpertForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ExpertForm(request.POST)
        if form.is_valid():
            try:
                services.add_expert(**form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("De expert is aan de pool toegevoegd."))
                return redirect("crit:pool")
        return render(request, self.template_name, {"form": form}, status=400)


class AvailabilityView(RuleView, View):
    permission_required = "crit.manage"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        expert = get_object_or_404(Expert, pk=pk)
        form = forms.AvailabilityForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Vul twee geldige datums in."))
        else:
            try:
                services.add_availability(expert, **form.cleaned_data)
            except Refused as refused:
                messages.error(request, refused.errors[0])
            else:
                messages.success(request, _("De beschikbaarheid is toegevoegd."))
        return redirect(reverse("crit:pool") + f"#expert-{expert.pk}")


class SummariesView(RuleView, TemplateView):
    """The anonymised exchanges for the Dutch municipalities' sounding board."""

    permission_required = "crit.view_summaries"
    template_name = "crit/summaries.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.shared_summaries(), 25).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, object_list=page.object_list, paginator=page.paginator)
        return context


class FiguresView(RuleView, TemplateView):
    permission_required = "crit.view_figures"
    template_name = "crit/figures.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        years = registry.figures.years("crit")
        year = year_parameter(self.request, choices=years)
        context.update(year=year, years=years, values=registry.figures.values("crit", year))
        return context
