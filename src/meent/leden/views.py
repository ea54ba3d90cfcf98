from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from meent.core.exports import csv_response
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.leden import selectors
from meent.leden.models import Gemeente, Organisation


class GemeenteListView(RuleView, ListView):
    permission_required = "leden.view_gemeente"
    template_name = "leden/gemeente_list.html"
    paginate_by = 50

    def get_year(self) -> int:
        return year_parameter(self.request, choices=selectors.years_available(), default=selectors.current_year())

    def get_queryset(self):
        return selectors.gemeenten(
            year=self.get_year(),
            province=self.request.GET.get("provincie") or None,
            search=(self.request.GET.get("q") or "").strip() or None,
        )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.GET.get("formaat") == "csv":
            return csv_response(
                f"gemeenten-{self.get_year()}.csv",
                [_("code"), _("naam"), _("provincie"), _("veiligheidsregio")],
                ((g.code, g.name, g.province, g.veiligheidsregio or "") for g in self.get_queryset()),
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.get_year(),
            years=selectors.years_available(),
            provinces=selectors.provinces(),
            openbare_lichamen=selectors.openbare_lichamen(search=(self.request.GET.get("q") or "").strip() or None),
        )
        return context


class GemeenteDetailView(RuleView, DetailView):
    permission_required = "leden.view_gemeente"
    template_name = "leden/gemeente_detail.html"
    context_object_name = "gemeente"

    def get_object(self, queryset=None) -> Gemeente:
        try:
            return selectors.gemeente_by_code(self.kwargs["code"])
        except Gemeente.DoesNotExist as exc:
            raise Http404(_("Deze gemeente staat niet in het register.")) from exc

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        gemeente = self.object
        context["predecessors"] = gemeente.predecessions.select_related("predecessor")
        context["successions"] = gemeente.successions.select_related("successor")
        context["current_successors"] = selectors.current_successors(gemeente) if not gemeente.is_current else []
        context["populations"] = gemeente.populations.order_by("-year")
        if self.request.user.has_perm("leden.view_gemeente_contacts", gemeente):
            context["contacts"] = selectors.contacts_of(gemeente)
        context["may_view_360"] = self.request.user.has_perm("core.view_gemeente_360", gemeente)
        return context


class OrganisationListView(RuleView, ListView):
    permission_required = "leden.view_organisation"
    template_name = "leden/organisation_list.html"
    paginate_by = 50

    def get_queryset(self):
        return selectors.organisations(
            kind=self.request.GET.get("soort") or None, search=(self.request.GET.get("q") or "").strip() or None
        )

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["kinds"] = [k for k in Organisation.Kind.choices if k[0] != Organisation.Kind.GEMEENTE]
        return context


class OrganisationDetailView(RuleView, DetailView):
    permission_required = "leden.view_organisation"
    template_name = "leden/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.all()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["memberships"] = self.object.memberships.select_related("person").order_by("person__last_name")
        return context
