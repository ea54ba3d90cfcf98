"""Pages of the portfolio: staff lists and details, the status change, the portfolio per year with its charts and
exports, the world map, the IATI files and the public project pages (Dutch, English, French)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_countries import countries as iso

from meent.core import exports, registry
from meent.core.refusals import Refused
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.international.portfolio import iati, selectors, services, svg
from meent.international.portfolio.forms import StatusChangeForm
from meent.international.portfolio.models import Project, Status, Theme
from meent.international.portfolio.selectors import DonorType


def _pk(value: str) -> int | None:
    return int(value) if value.isdecimal() and value.isascii() and len(value) < 12 else None


class Filters:
    """The filters of the list and the map (land, thema, donor, status, jaar); unknown values are ignored."""

    def __init__(self, request: HttpRequest, *, default_year: int | None = None):
        get = request.GET
        self.country = get.get("land", "").upper() if get.get("land", "").upper() in dict(iso) else ""
        self.theme = get.get("thema", "") if Theme.objects.filter(code=get.get("thema", "")).exists() else ""
        self.donor = _pk(get.get("donor", ""))
        self.status = get.get("status", "") if get.get("status", "") in Status.values else ""
        years = selectors.portfolio_years()
        raw = get.get("jaar", "")
        self.year = year_parameter(request, choices=years, default=default_year) if (raw or default_year) else None
        if self.year is not None and years and self.year not in years:
            self.year = None

    def projects(self, **extra):
        return selectors.projects(
            country=self.country, theme=self.theme, donor=self.donor, status=self.status, year=self.year, **extra
        )

    def context(self) -> dict:
        return {
            "filters": self,
            "countries_in_use": sorted(
                ((code, str(iso.name(code))) for code in selectors.countries_in_use()), key=lambda c: c[1]
            ),
            "themes": Theme.objects.all(),
            "donors": selectors.donors(),
            "statuses": Status.choices,
            "years": selectors.portfolio_years(),
        }


class ProjectListView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/project_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        filters = Filters(self.request)
        page = Paginator(filters.projects(), 25).get_page(self.request.GET.get("page"))
        context.update(filters.context(), page_obj=page, object_list=page.object_list, paginator=page.paginator)
        return context


class ProjectMixin(RuleView):
    def get_permission_object(self) -> Project:
        self.project = get_object_or_404(Project.objects.select_related("programme"), pk=self.kwargs["pk"])
        return self.project


class ProjectDetailView(ProjectMixin, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/project_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        project = self.project
        context.update(
            project=project,
            countries=project.countries.all(),
            fundings=project.fundings.select_related("donor"),
            years=project.years.all(),
            partners=project.partners.select_related("organisation"),
            contributions=project.contributions.select_related("gemeente", "official"),
            staff=project.staff.select_related("employment__person", "employment__office"),
            activities=project.activities.all(),
            history=selectors.history(project),
            can_change=self.request.user.has_perm("portfolio.change_status", project)
            and bool(services.allowed_next(project.status)),
            iati_problems=iati.problems(project),
            iati_identifier=iati.identifier(project),
        )
        return context


class StatusChangeView(ProjectMixin, View):
    permission_required = "portfolio.change_status"
    template_name = "portfolio/status_form.html"

    def _render(self, form: StatusChangeForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "project": self.project,
                "heading": _("Status wijzigen"),
                "submit_label": _("Status wijzigen"),
                "cancel_url": self.project_url(),
            },
            status=status,
        )

    def project_url(self) -> str:
        return reverse("portfolio:project-detail", args=[self.project.pk])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(StatusChangeForm(current=self.project.status))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = StatusChangeForm(request.POST, current=self.project.status)
        if form.is_valid():
            try:
                services.change_status(self.project, by=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form, refused.field if refused.field in form.fields else None)
            else:
                messages.success(request, _("De status is gewijzigd."))
                return redirect(self.project_url())
        return self._render(form, status=400)


class ProgrammeListView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/programme_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        programmes = list(selectors.programmes())
        context.update(object_list=programmes)
        return context


class ProgrammeDetailView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/programme_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        programme = get_object_or_404(selectors.programmes(), pk=self.kwargs["pk"])
        context.update(
            programme=programme,
            country_names=[str(c.name) for c in programme.countries],
            projects=selectors.projects(programme=programme),
        )
        return context


def portfolio_tables(year: int) -> dict[str, tuple[str, list[str], list[tuple]]]:
    """The portfolio's tables for ``year``: key → (title, header, rows). Page, charts and exports share them."""
    total = selectors.turnover(year) or 0
    by_type = selectors.funding_by_type(year)
    staff = selectors.staff(year)
    return {
        "status": (
            _("Projecten per status op 31 december"),
            [_("Status"), _("Projecten")],
            [(label, count) for _v, label, count in selectors.projects_by_status(year)],
        ),
        "financiering": (
            _("Financiering naar soort donor"),
            [_("Soort donor"), _("Bedrag (euro)"), _("Aandeel (%)")],
            [
                (str(DonorType.LABELS[kind]), round(amount), selectors.share(amount, total))
                for kind, amount in by_type.items()
            ],
        ),
        "donoren": (
            _("Financiering per donor"),
            [_("Donor"), _("Soort donor"), _("Bedrag (euro)"), _("Aandeel (%)")],
            [
                (s.donor.name, str(DonorType.LABELS[s.kind]), round(s.amount), selectors.share(s.amount, total))
                for s in selectors.funding_by_donor(year)
            ],
        ),
        "staf": (
            _("Medewerkers per kantoor op 31 december"),
            [_("Kantoor"), _("In Nederland"), _("Personen"), _("Fte")],
            [
                (name, _("ja") if nl else _("nee"), count, fte)
                for name, nl, count, fte in selectors.staff_by_office(year)
            ]
            + [
                (_("Totaal Nederland"), _("ja"), staff["nl"].headcount, staff["nl"].fte),
                (_("Totaal buitenland"), _("nee"), staff["abroad"].headcount, staff["abroad"].fte),
            ],
        ),
        "landen": (
            _("Landen met actieve projecten"),
            [_("Land"), _("Code"), _("Projecten")],
            sorted(
                (
                    (str(iso.name(code)), code, len(projects))
                    for code, projects in selectors.country_activity(year).items()
                ),
            ),
        ),
    }


class PortfolioView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/portfolio.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        years = selectors.portfolio_years()
        context["years"] = years
        if not years:
            return context
        year = year_parameter(self.request, choices=years)
        with registry.computing():
            tables = portfolio_tables(year)
            values = registry.figures.values("portfolio", year)
        status_title, _h, status_rows = tables["status"]
        type_title, _h, type_rows = tables["financiering"]
        context.update(
            year=year,
            figures=values,
            tables=tables,
            status_chart=svg.bar_chart(status_title, "grafiek-status", [(r[0], r[1]) for r in status_rows]),
            funding_chart=svg.bar_chart(
                type_title, "grafiek-financiering", [(r[0], float(r[2] or 0)) for r in type_rows], unit="%"
            ),
            staff_chart=svg.bar_chart(
                _("Medewerkers op 31 december"),
                "grafiek-staf",
                [
                    (_("In Nederland"), values["staf_nederland"].number or 0),
                    (_("In het buitenland"), values["staf_buitenland"].number or 0),
                ],
            ),
            disruptions=selectors.disruptions(year),
        )
        return context


class PortfolioExportView(RuleView, View):
    permission_required = "portfolio.view_portfolio"

    def get(self, request: HttpRequest, table: str, fmt: str) -> HttpResponse:
        years = selectors.portfolio_years()
        if fmt not in exports.FORMATS or not years:
            raise Http404
        year = year_parameter(request, choices=years)
        with registry.computing():
            tables = portfolio_tables(year)
        if table not in tables:
            raise Http404
        title, header, rows = tables[table]
        return exports.table_response(fmt, f"international-{table}-{year}", title, header, rows, exports.EXCEL_NL)


class MapView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/map.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        years = selectors.portfolio_years()
        filters = Filters(self.request, default_year=max(years) if years else None)
        counts: dict[str, int] = {}
        for project in filters.projects():
            for country in project.countries.all():
                counts[country.country.code] = counts.get(country.country.code, 0) + 1
        names = {code: str(iso.name(code)) for code in counts}
        base = reverse("portfolio:project-list")
        query = "".join(
            f"&{key}={value}"
            for key, value in (
                ("thema", filters.theme),
                ("donor", filters.donor or ""),
                ("status", filters.status),
                ("jaar", filters.year or ""),
            )
            if value
        )
        links = {code: f"{base}?land={code}{query}" for code in counts}
        title = _("Wereldkaart: landen naar aantal projecten")
        context.update(
            filters.context(),
            world_map=svg.world_map(title, counts, names, links),
            legend=svg.legend(),
            object_list=sorted(((names[c], c, counts[c], links[c]) for c in counts), key=lambda row: row[0]),
            total_projects=sum(1 for _p in filters.projects()),
        )
        return context


class IatiStatusView(RuleView, TemplateView):
    permission_required = "portfolio.view_portfolio"
    template_name = "portfolio/iati_status.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        verdicts = iati.verdicts()
        context.update(
            object_list=[v for v in verdicts if v.problems],
            published_count=sum(1 for v in verdicts if not v.problems),
        )
        return context


class IatiActivitiesView(RuleView, View):
    """The public IATI activities file; its address stays the same for IATI's registry."""

    permission_required = "portfolio.view_public"

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(iati.activities_xml(), content_type="application/xml; charset=utf-8")


class IatiOrganisationView(RuleView, View):
    permission_required = "portfolio.view_public"

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(iati.organisation_xml(), content_type="application/xml; charset=utf-8")


class PublicProjectListView(RuleView, TemplateView):
    permission_required = "portfolio.view_public"
    template_name = "portfolio/public_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.published_projects(), 25).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, object_list=page.object_list, paginator=page.paginator)
        return context


class PublicProjectDetailView(RuleView, TemplateView):
    permission_required = "portfolio.view_public_project"
    template_name = "portfolio/public_detail.html"

    def get_permission_object(self) -> Project:
        self.project = selectors.published_projects().filter(code=self.kwargs["code"]).first()
        if self.project is None:
            raise Http404(_("Dit project bestaat niet of is niet openbaar."))
        return self.project

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            project=self.project,
            countries=self.project.countries.all(),
            fundings=self.project.fundings.select_related("donor"),
            partners=self.project.partners.select_related("organisation"),
            activities=self.project.activities.all(),
        )
        return context
