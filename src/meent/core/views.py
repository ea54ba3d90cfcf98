from auditlog.models import LogEntry
from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from meent.core.audit import entries_for
from meent.core.forms import DisableSecondFactorForm
from meent.core.registry import Page, gemeente_sections, panels
from meent.core.roles import Role


class RuleView(PermissionRequiredMixin):
    """Every page names the rule that guards it (``permission_required``); the permission-matrix test fails
    for any view that does not. Anonymous visitors are sent to the login page, others get 403."""

    permission_required: str


class HomeView(RuleView, TemplateView):
    permission_required = "core.view_home"
    template_name = "core/home.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["roles"] = [Role(r).label for r in sorted(user.role_names)] if user.is_authenticated else []
        context["panels"] = panels.for_page(Page.HOME, self.request)
        return context


class DisableSecondFactorView(RuleView, FormView):
    """Replaces django-two-factor's page: switching the second factor off needs the password and a current code."""

    permission_required = "core.disable_second_factor"
    template_name = "core/second_factor_disable.html"
    form_class = DisableSecondFactorForm

    def get_context_data(self, **kwargs) -> dict:
        from django_otp import devices_for_user

        context = super().get_context_data(**kwargs)
        context["has_devices"] = any(devices_for_user(self.request.user))
        return context

    def form_valid(self, form: DisableSecondFactorForm) -> HttpResponse:
        from meent.leden.services import SecondFactorRefused, disable_second_factor

        try:
            disable_second_factor(self.request.user, **form.cleaned_data)
        except SecondFactorRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("Tweestapsverificatie is uitgeschakeld."))
        return redirect("two_factor:profile")


class Gemeente360View(RuleView, TemplateView):
    """Everything a gemeente has with the association on one page: each module's section from
    ``registry.gemeente_sections``, restricted by the module to what the viewer may see. This view decides only
    who may look at which gemeente (staff any, a gemeente account its own)."""

    permission_required = "core.view_gemeente_360"
    template_name = "core/gemeente_360.html"

    def get_gemeente(self):
        from meent.leden.models import Gemeente
        from meent.leden.selectors import gemeente_by_code

        if not hasattr(self, "_gemeente"):
            try:
                self._gemeente = gemeente_by_code(self.kwargs["code"])
            except Gemeente.DoesNotExist as exc:
                raise Http404(_("Deze gemeente staat niet in het register.")) from exc
        return self._gemeente

    def get_permission_object(self):
        return self.get_gemeente()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        gemeente = self.get_gemeente()
        context["gemeente"] = gemeente
        context["is_own"] = gemeente == getattr(self.request.user, "gemeente", None)
        context["sections"] = gemeente_sections.for_gemeente(self.request, gemeente)
        context["wide_panels"] = True  # its sections hold tables and lists
        return context


class MijnGemeenteView(Gemeente360View):
    """ "Mijn gemeente": the 360° page of the account's own gemeente."""

    permission_required = "core.view_mijn_gemeente"

    def get_gemeente(self):
        return self.request.user.gemeente

    def get_permission_object(self):
        return None


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
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the layout reads the session and the account: without a database it still says what happened
        return HttpResponse(loader.render_to_string("500.html"), status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        from meent.api.problems import problem_response

        return problem_response(request, 400)
    return render(request, "400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check, in the site's layout and the reader's language; the technical reason only
    in DEBUG. The way back is the page the form was on, when it is one of ours."""
    back = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = ""
    context = {"back": back, "reason": reason if settings.DEBUG else ""}
    return render(request, "403_csrf.html", context, status=403)
