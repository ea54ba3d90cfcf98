import csv

from auditlog.models import LogEntry
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from meent.core.audit import entries_for
from meent.core.roles import Role


class RuleView(PermissionRequiredMixin):
    """Every page names the rule that guards it (``permission_required``); the permission-matrix test fails
    for any view that does not. Anonymous visitors are sent to the login page, others get 403."""

    permission_required: str


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response


# Modules add panels to the home page and to "Mijn gemeente": callables (request) -> dict | None,
# the dict giving "title", "template" and its context.
HOME_PANELS: list = []
MIJN_GEMEENTE_PANELS: list = []


def _panels(registry: list, request: HttpRequest) -> list[dict]:
    return [panel for panel in (provider(request) for provider in registry) if panel]


class HomeView(RuleView, TemplateView):
    permission_required = "core.view_home"
    template_name = "core/home.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["roles"] = [Role(r).label for r in sorted(user.role_names)] if user.is_authenticated else []
        context["panels"] = _panels(HOME_PANELS, self.request)
        return context


class MijnGemeenteView(RuleView, TemplateView):
    permission_required = "core.view_mijn_gemeente"
    template_name = "core/mijn_gemeente.html"

    def get_context_data(self, **kwargs) -> dict:
        from meent.leden.selectors import contacts_of

        context = super().get_context_data(**kwargs)
        gemeente = self.request.user.gemeente
        context["gemeente"] = gemeente
        context["contacts"] = contacts_of(gemeente)
        context["panels"] = _panels(MIJN_GEMEENTE_PANELS, self.request)
        return context


class AuditLogView(RuleView, ListView):
    permission_required = "core.view_auditlog"
    template_name = "core/auditlog.html"
    paginate_by = 50

    def get_queryset(self):
        # Entries of records the reader may not see are shown without their description or changes.
        qs = entries_for(self.request.user, search=self.request.GET.get("q")).order_by("-timestamp")
        if (action := self.action()) is not None:
            qs = qs.filter(action=action)
        if actor := self.request.GET.get("gebruiker"):
            qs = qs.filter(actor__username__icontains=actor)
        return qs

    def action(self) -> int | None:
        """The chosen action; anything that is not one is ignored."""
        try:
            value = int(self.request.GET.get("actie", ""))
        except ValueError:
            return None
        return value if value in dict(LogEntry.Action.choices) else None

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["actions"] = LogEntry.Action.choices
        return context


def health(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means unhealthy
        return JsonResponse({"status": "fout", "database": str(exc.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


health.permission_required = "core.view_health"  # type: ignore[attr-defined]


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        from meent.api.problems import problem_response

        return problem_response(request, 404)
    return render(request, "404.html", {"title": _("Pagina niet gevonden")}, status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        from meent.api.problems import problem_response

        return problem_response(request, 403)
    return render(request, "403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        from meent.api.problems import problem_response

        return problem_response(request, 500)
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        from meent.api.problems import problem_response

        return problem_response(request, 400)
    return render(request, "400.html", status=400)
