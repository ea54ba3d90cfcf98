"""Pages of joint procurement. Each reads through :mod:`.selectors` with the visitor, so a gemeente account
finds only its own participations and figures; a contract it does not take part in is not found (404)."""

from decimal import Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import exports as table_exports
from meent.core.refusals import ImportRefused, Refused
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.realisatie.inkoop import charts, exports, forms, selectors, services
from meent.realisatie.inkoop.models import Category


class ContractListView(RuleView, TemplateView):
    permission_required = "inkoop.view_contracts"
    template_name = "inkoop/contract_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, params = self.request.user, self.request.GET
        figures = selectors.figures_for(user)
        per_year = selectors.savings_per_year(figures)
        years = [y.year for y in per_year]
        year = year_parameter(self.request, choices=years or None, default=2020 if 2020 in years else None)
        category = params.get("categorie") if params.get("categorie") in Category.values else ""
        search = (params.get("q") or "").strip()[:100]
        contracts = selectors.contract_list(user, year=year, category=category or None, search=search)
        page = Paginator(contracts, 25).get_page(params.get("page"))
        per_category = selectors.savings_per_category(figures.filter(year=year))
        this_year = next((y for y in per_year if y.year == year), None)
        context.update(
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            year=year,
            years=years,
            category=category,
            categories=Category.choices,
            search=search,
            per_year=per_year,
            this_year=this_year,
            total=sum((y.saving for y in per_year), Decimal("0.00")) if per_year else None,
            per_category=per_category,
            year_chart=charts.bar_chart(
                "besparing-per-jaar", _("Besparing per jaar"), [(str(y.year), y.saving) for y in per_year]
            ),
            category_chart=charts.bar_chart(
                "besparing-per-categorie",
                _("Besparing per categorie in %(year)s") % {"year": year},
                [(label, saving) for _, label, saving in per_category],
            ),
            is_staff=selectors.is_procurement_staff(user),
        )
        return context


class ContractDetailView(RuleView, TemplateView):
    permission_required = "inkoop.view_contract"
    template_name = "inkoop/contract_detail.html"

    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None
        contract = selectors.contract_for(self.request.user, self.kwargs["number"])
        if contract is None:
            raise Http404(_("Dit contract bestaat niet of uw gemeente neemt er niet aan deel."))
        self.contract = contract
        return contract

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user, contract = self.request.user, self.contract
        per_year = selectors.contract_years_figures(contract, user)
        participants = selectors.savings_per_participant(contract, user)
        page = Paginator(participants, 50).get_page(self.request.GET.get("page"))
        context.update(
            contract=contract,
            per_year=per_year,
            total=sum((y.saving for y in per_year), Decimal("0.00")),
            page_obj=page,
            paginator=page.paginator,
            participant_count=len(participants),
            chart=charts.bar_chart(
                "contract-per-jaar", _("Besparing per jaar"), [(str(y.year), y.saving) for y in per_year]
            ),
            is_staff=selectors.is_procurement_staff(user),
        )
        return context


class ImportView(RuleView, View):
    permission_required = "inkoop.import_figures"
    template_name = "inkoop/import.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.ImportForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            try:
                result = services.import_figures(upload.read(), filename=upload.name, by=request.user)
            except ImportRefused as refused:
                refused.add_to(form, "bestand")
            else:
                messages.success(request, _("Geïmporteerd: %(result)s") % {"result": result})
                return redirect("inkoop:contract-list")
        return render(request, self.template_name, {"form": form}, status=400)


class ContractCreateView(RuleView, View):
    permission_required = "inkoop.manage_contracts"
    template_name = "inkoop/contract_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.ContractForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ContractForm(request.POST)
        if form.is_valid():
            try:
                contract = services.create_contract(by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form)
            else:
                messages.success(request, _("Contract %(number)s is aangemaakt.") % {"number": contract.number})
                return redirect("inkoop:contract-detail", contract.number)
        return render(request, self.template_name, {"form": form}, status=400)


class ExportView(RuleView, View):
    """The yearly figures the visitor may see (of one contract with ``?contract=``) as CSV or XLSX."""

    permission_required = "inkoop.export"

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        contract = None
        if number := request.GET.get("contract"):
            contract = selectors.contract_for(request.user, number[:20])
            if contract is None:
                raise Http404
        figures = selectors.entries_for_export(request.user, contract)
        basename = f"inkoop-{contract.number}" if contract else "inkoop-jaarcijfers"
        return table_exports.table_response(
            fmt,
            basename,
            _("Jaarcijfers"),
            exports.header(),
            exports.rows(figures),
            table_exports.EXCEL_NL,
        )
