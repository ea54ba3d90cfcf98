"""Pages of Risicobeheer. A record is always looked up through the reader's selectors, so a scenario one may not
see and a register of another organisation both answer 404; the services check every rule again."""

from decimal import Decimal

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import exports, registry
from meent.core.refusals import Refused
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.risicobeheer import charts, forms, selectors, services
from meent.risicobeheer.models import Claim, Contribution, PoolYear, Risk, Scenario, Theme


class IndexView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_index"
    template_name = "risicobeheer/index.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        own = selectors.register_for(user, user.organisation_id) if user.organisation_id else None
        context.update(
            scenarios=selectors.search_scenarios(user)[:5],
            own_register=own,
            summary=selectors.register_summary(own) if own else None,
        )
        return context


# Scenarios -------------------------------------------------------------------------------------------------------


class ScenarioListView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_library"
    template_name = "risicobeheer/scenario_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, params = self.request.user, self.request.GET
        text = (params.get("q") or "").strip()[:200]
        tag = (params.get("trefwoord") or "").strip()[:50]
        theme = params.get("thema") if params.get("thema") in Theme.values else ""
        qs = selectors.search_scenarios(user, text=text, tag=tag, theme=theme)
        page = Paginator(qs, 25).get_page(params.get("page"))
        context.update(
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            q=text,
            tag=tag,
            theme=theme,
            themes=Theme.choices,
            tags=selectors.tags_in_use(user),
            can_share=user.has_perm("risicobeheer.share_scenario"),
        )
        return context


class ScenarioMixin(RuleView):
    scenario: Scenario

    def get_permission_object(self) -> Scenario | None:
        if not self.request.user.is_authenticated:
            return None
        scenario = selectors.scenario_for(self.request.user, self.kwargs["pk"])
        if scenario is None:
            raise Http404(_("Dit scenario bestaat niet of u heeft er geen toegang toe."))
        self.scenario = scenario
        return scenario


class ScenarioDetailView(ScenarioMixin, TemplateView):
    permission_required = "risicobeheer.view_scenario"
    template_name = "risicobeheer/scenario_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, scenario = self.request.user, self.scenario
        variables = [(v, v.row(scenario.variants)) for v in scenario.variables.all()]
        context.update(
            scenario=scenario,
            variables=variables,
            reusers=selectors.reusers(scenario),
            can_change=user.has_perm("risicobeheer.change_scenario", scenario),
            can_reuse=user.has_perm("risicobeheer.reuse_scenario", scenario),
        )
        return context


class ScenarioCreateView(RuleView, View):
    permission_required = "risicobeheer.share_scenario"
    template_name = "risicobeheer/form.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Een scenario delen"),
            "submit_label": _("Scenario delen"),
            "cancel_url": reverse("risicobeheer:scenario-list"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(forms.NewScenarioForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.NewScenarioForm(request.POST)
        if form.is_valid():
            try:
                scenario = services.share_scenario(by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("Het scenario is gedeeld."))
                return redirect("risicobeheer:scenario-detail", scenario.pk)
        return self.render(form, status=400)


class ScenarioEditView(ScenarioMixin, View):
    permission_required = "risicobeheer.change_scenario"
    template_name = "risicobeheer/form.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Scenario aanpassen"),
            "cancel_url": reverse("risicobeheer:scenario-detail", args=[self.scenario.pk]),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self.scenario
        initial = {
            "title": scenario.title,
            "description": scenario.description,
            "assumptions": scenario.assumptions,
            "theme": scenario.theme,
            "visibility": scenario.visibility,
            "tags": ", ".join(tag.name for tag in scenario.tags.all()),
        }
        return self.render(forms.ScenarioForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.ScenarioForm(request.POST)
        if form.is_valid():
            try:
                services.change_scenario(self.scenario, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, None)
            else:
                messages.success(request, _("Het scenario is aangepast."))
                return redirect("risicobeheer:scenario-detail", self.scenario.pk)
        return self.render(form, status=400)


class ScenarioReuseView(ScenarioMixin, View):
    permission_required = "risicobeheer.reuse_scenario"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            risk = services.reuse_scenario(self.scenario, by=request.user)
        except Refused as refused:
            messages.error(request, str(refused))
            return redirect("risicobeheer:scenario-detail", self.scenario.pk)
        messages.success(request, _("Het scenario staat nu in uw risicoregister. Schat kans en impact in."))
        return redirect("risicobeheer:risk-edit", risk.pk)


# Registers -------------------------------------------------------------------------------------------------------


class RegisterListView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_registers"
    template_name = "risicobeheer/register_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        registers = list(selectors.registers_for(user))
        context.update(
            object_list=[(register, selectors.register_summary(register)) for register in registers],
            own_organisation=user.organisation if selectors.keeps_a_register(user) else None,
        )
        return context


class RegisterMixin(RuleView):
    register: object

    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None
        user = self.request.user
        register = selectors.register_for(user, self.kwargs["organisation"])
        if (
            register is None
            and self.kwargs["organisation"] == user.organisation_id
            and selectors.keeps_a_register(user)
        ):
            register = services.register_of(user.organisation)  # one's own register opens on first use
        if register is None:
            raise Http404(_("Dit risicoregister bestaat niet of u heeft er geen toegang toe."))
        self.register = register
        return register

    def filtered(self) -> tuple[forms.RiskFilterForm, list[Risk]]:
        form = forms.RiskFilterForm(self.request.GET or None)
        values = form.cleaned_data if form.is_valid() else {}
        filters = selectors.RiskFilters(
            theme=values.get("theme") or "",
            status=values.get("status") or "",
            min_score=values.get("min_score") or 0,
            text=values.get("text") or "",
        )
        return form, selectors.risks(self.register, filters)


class RegisterDetailView(RegisterMixin, TemplateView):
    permission_required = "risicobeheer.view_register"
    template_name = "risicobeheer/register_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        form, found = self.filtered()
        net = self.request.GET.get("matrix") != "bruto"
        grid = selectors.heat_map(found, net=net)
        context.update(
            register=self.register,
            form=form,
            object_list=found,
            grid=grid,
            heat_svg=charts.heat_map_svg(grid, net=net),
            net=net,
            query=self.request.GET.urlencode(),
            can_change=self.request.user.has_perm("risicobeheer.change_register", self.register),
        )
        return context


class RegisterExportView(RegisterMixin, View):
    permission_required = "risicobeheer.view_register"

    def get(self, request: HttpRequest, organisation: int) -> HttpResponse:
        _form, found = self.filtered()
        header = [
            _("Risico"), _("Thema"), _("Oorzaak"), _("Gevolg"), _("Eigenaar"), _("Kans bruto"), _("Impact bruto"),
            _("Score bruto"), _("Kans netto"), _("Impact netto"), _("Score netto"), _("Status"), _("Herbeoordelen op"),
            _("Maatregelen"), _("Overgenomen uit scenario"),
        ]  # fmt: skip
        rows = [
            [
                risk.title,
                risk.get_theme_display(),
                risk.cause,
                risk.effect,
                risk.owner,
                risk.gross_likelihood,
                risk.gross_impact,
                risk.gross_score,
                risk.net_likelihood,
                risk.net_impact,
                risk.net_score,
                risk.get_status_display(),
                risk.review_on,
                len(risk.measures.all()),
                risk.scenario.title if risk.scenario else "",
            ]
            for risk in found
        ]
        return exports.xlsx_response(f"risicoregister-{organisation}.xlsx", _("Risicoregister"), header, rows)


class RiskCreateView(RegisterMixin, View):
    permission_required = "risicobeheer.change_register"
    template_name = "risicobeheer/form.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Risico toevoegen aan %(register)s") % {"register": self.register},
            "cancel_url": reverse("risicobeheer:register-detail", args=[self.register.organisation_id]),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, organisation: int) -> HttpResponse:
        return self.render(forms.RiskForm(initial={"status": Risk.Status.OPEN}))

    def post(self, request: HttpRequest, organisation: int) -> HttpResponse:
        form = forms.RiskForm(request.POST)
        if form.is_valid():
            try:
                risk = services.add_risk(self.register, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("Het risico is toegevoegd."))
                return redirect("risicobeheer:risk-detail", risk.pk)
        return self.render(form, status=400)


class RiskMixin(RuleView):
    risk: Risk

    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None
        risk = selectors.risk_for(self.request.user, self.kwargs["pk"])
        if risk is None:
            raise Http404(_("Dit risico bestaat niet of u heeft er geen toegang toe."))
        self.risk = risk
        return risk.register


class RiskDetailView(RiskMixin, View):
    permission_required = "risicobeheer.view_register"
    template_name = "risicobeheer/risk_detail.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        risk = self.risk
        history = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Risk), object_id=risk.pk
        ).select_related("actor")
        context = {
            "risk": risk,
            "measures": risk.measures.all(),
            "history": history,
            "form": form,
            "can_change": self.request.user.has_perm("risicobeheer.change_register", risk.register),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render(forms.MeasureForm())


class MeasureAddView(RiskDetailView):
    """The measure form of the risk page; a form with errors shows that page again."""

    permission_required = "risicobeheer.change_register"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.MeasureForm(request.POST)
        if form.is_valid():
            try:
                services.add_measure(self.risk, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, None)
            else:
                messages.success(request, _("De maatregel is toegevoegd."))
                return redirect("risicobeheer:risk-detail", self.risk.pk)
        return self.render(form, status=400)


class RiskEditView(RiskMixin, View):
    permission_required = "risicobeheer.change_register"
    template_name = "risicobeheer/form.html"
    FIELDS = ("title", "theme", "cause", "effect", "owner", *services.SCORE_FIELDS, "review_on", "status")

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Risico aanpassen"),
            "cancel_url": reverse("risicobeheer:risk-detail", args=[self.risk.pk]),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render(forms.RiskForm(initial={name: getattr(self.risk, name) for name in self.FIELDS}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.RiskForm(request.POST)
        if form.is_valid():
            try:
                services.change_risk(self.risk, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("Het risico is aangepast."))
                return redirect("risicobeheer:risk-detail", self.risk.pk)
        return self.render(form, status=400)


class ComparisonView(RuleView, TemplateView):
    """Anonymised: no gemeente and no risk is named, and a group of fewer than five gemeenten is not shown."""

    permission_required = "risicobeheer.compare_registers"
    template_name = "risicobeheer/comparison.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(comparison=selectors.comparison(), min_group=selectors.MIN_GROUP)
        return context


# The insurance pool ----------------------------------------------------------------------------------------------


class PoolView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_pool"
    template_name = "risicobeheer/pool.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        years = selectors.pool_years()
        year = year_parameter(self.request, choices=years) if years else timezone.localdate().year
        context.update(
            year=year,
            years=years,
            balances=[selectors.balance(y) for y in years],
            contributions=selectors.contributions(year),
            pool_year=PoolYear.objects.filter(year=year).first(),
            ratios=selectors.loss_ratios(year),
            members=selectors.pool_members(),
            can_manage=self.request.user.has_perm("risicobeheer.manage_pool"),
        )
        return context


class PoolYearView(RuleView, View):
    permission_required = "risicobeheer.manage_pool"
    template_name = "risicobeheer/form.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Bijdragen van een jaar berekenen"),
            "submit_label": _("Bijdragen berekenen"),
            "cancel_url": reverse("risicobeheer:pool"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(forms.PoolYearForm(initial={"year": timezone.localdate().year + 1}))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.PoolYearForm(request.POST)
        if form.is_valid():
            try:
                pool_year = services.set_pool_year(by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, None)
            else:
                messages.success(request, _("De bijdragen zijn berekend."))
                return redirect(reverse("risicobeheer:pool") + f"?jaar={pool_year.year}")
        return self.render(form, status=400)


class ContributionOverrideView(RuleView, View):
    permission_required = "risicobeheer.manage_pool"
    template_name = "risicobeheer/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.contribution = (
            Contribution.objects.filter(pk=kwargs["pk"]).select_related("member__veiligheidsregio").first()
        )
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "heading": _("Bijdrage %(what)s aanpassen") % {"what": self.contribution},
            "cancel_url": reverse("risicobeheer:pool") + f"?jaar={self.contribution.year}",
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.contribution is None:
            raise Http404
        initial = {"amount": self.contribution.override, "reason": self.contribution.override_reason}
        return self.render(forms.OverrideForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.contribution is None:
            raise Http404
        form = forms.OverrideForm(request.POST)
        if form.is_valid():
            try:
                services.override_contribution(
                    self.contribution,
                    by=request.user,
                    amount=form.cleaned_data["amount"],
                    reason=form.cleaned_data["reason"],
                )
            except Refused as refused:
                refused.add_to(form, "reason" if refused.field == "override_reason" else None)
            else:
                messages.success(request, _("De bijdrage is aangepast."))
                return redirect(reverse("risicobeheer:pool") + f"?jaar={self.contribution.year}")
        return self.render(form, status=400)


class ClaimListView(RuleView, View):
    permission_required = "risicobeheer.view_pool"
    template_name = "risicobeheer/claim_list.html"

    def render(self, form, status: int = 200) -> HttpResponse:
        params = self.request.GET
        state = params.get("status") if params.get("status") in Claim.Status.values else ""
        page = Paginator(selectors.claims(status=state), 25).get_page(params.get("page"))
        context = {
            "page_obj": page,
            "object_list": page.object_list,
            "paginator": page.paginator,
            "status": state,
            "statuses": Claim.Status.choices,
            "form": form,
            "can_manage": self.request.user.has_perm("risicobeheer.manage_pool"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(forms.ClaimForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("risicobeheer.manage_pool"):
            return self.handle_no_permission()
        form = forms.ClaimForm(request.POST)
        if form.is_valid():
            try:
                claim = services.report_claim(by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("De schade is geregistreerd."))
                return redirect("risicobeheer:claim-detail", claim.pk)
        return self.render(form, status=400)


class ClaimDetailView(RuleView, View):
    permission_required = "risicobeheer.view_pool"
    template_name = "risicobeheer/claim_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.claim = selectors.claims().filter(pk=kwargs["pk"]).first()
        return super().dispatch(request, *args, **kwargs)

    def render(self, payment_form, close_form, status: int = 200) -> HttpResponse:
        context = {
            "claim": self.claim,
            "payments": self.claim.payments.all(),
            "payment_form": payment_form,
            "close_form": close_form,
            "can_manage": self.request.user.has_perm("risicobeheer.manage_pool"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.claim is None:
            raise Http404
        return self.render(forms.PaymentForm(prefix="betaling"), forms.CloseClaimForm(prefix="afsluiten"))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.claim is None:
            raise Http404
        if not request.user.has_perm("risicobeheer.manage_pool"):
            return self.handle_no_permission()
        payment_form = forms.PaymentForm(request.POST if "betaling-amount" in request.POST else None, prefix="betaling")
        close_form = forms.CloseClaimForm(
            request.POST if "afsluiten-status" in request.POST else None, prefix="afsluiten"
        )
        form = payment_form if payment_form.is_bound else close_form
        if form.is_valid():
            try:
                if form is payment_form:
                    services.pay_claim(self.claim, by=request.user, **form.cleaned_data)
                else:
                    services.close_claim(self.claim, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("De schade is bijgewerkt."))
                return redirect("risicobeheer:claim-detail", self.claim.pk)
        elif not form.is_bound:
            form.add_error(None, _("Vul het formulier in."))
        return self.render(payment_form, close_form, status=400)


class WhatIfView(RuleView, TemplateView):
    """Next year's contributions under another formula; nothing is stored."""

    permission_required = "risicobeheer.view_pool"
    template_name = "risicobeheer/what_if.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        latest = PoolYear.objects.order_by("-year").first()
        initial = {
            "year": (latest.year + 1) if latest else timezone.localdate().year + 1,
            "base": latest.base_amount if latest else Decimal("0.00"),
            "share_total": latest.share_total if latest else Decimal("0.00"),
            "premium": latest.reinsurance_premium if latest else Decimal("0.00"),
        }
        form = forms.PoolYearForm(self.request.GET or None, initial=initial)
        result = None
        if form.is_valid():
            data = form.cleaned_data
            result = selectors.what_if(data["year"], data["base"], data["share_total"], data["premium"])
        context.update(form=form, form_method="get", result=result)
        return context


# Community and figures -------------------------------------------------------------------------------------------


class PlatformView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_platform"
    template_name = "risicobeheer/platform.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        organisation = selectors.platform()
        context.update(
            members=selectors.platform_members(),
            articles=selectors.articles()[:10],
            events=registry.event_sources.for_organiser(organisation.pk) if organisation else [],
        )
        return context


class ArticleView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_platform"
    template_name = "risicobeheer/article.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        article = selectors.articles().filter(pk=kwargs["pk"]).first()
        if article is None:
            raise Http404
        context["article"] = article
        return context


class FiguresView(RuleView, TemplateView):
    permission_required = "risicobeheer.view_figures"
    template_name = "risicobeheer/figures.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        with registry.computing():
            years = registry.figures.years("risicobeheer")
            year = year_parameter(self.request, choices=years or None)
            context.update(
                year=year,
                years=years,
                figures=[(figure, figure.value(year)) for figure in registry.figures.of_module("risicobeheer")],
            )
        return context
