from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView
from two_factor.urls import urlpatterns as two_factor_urls

from meent.core import views as core_views

admin.site.site_header = "Meent — beheer"
admin.site.site_title = "Meent"

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error


class ApiDocsView(SpectacularRedocView):
    # Redoc and its fonts from our own static files: the documentation works offline and calls no outside server;
    # the policy also stops Redoc's own "powered by" logo from its CDN. Redoc styles inline and searches in a worker.
    template_name = "api_docs.html"
    permission_rules = {"get": "core.view_home"}
    permission_classes = []
    authentication_classes = []
    CONTENT_SECURITY_POLICY = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; worker-src blob:; "
        "object-src 'none'; base-uri 'none'"
    )

    @extend_schema(exclude=True)
    def get(self, request: HttpRequest, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response["Content-Security-Policy"] = self.CONTENT_SECURITY_POLICY
        return response


urlpatterns = [
    path("", include("meent.core.urls")),
    path("", include("meent.leden.urls")),
    path("", include("meent.connect.urls")),
    path("ibd/", include("meent.realisatie.ibd.urls")),
    path("waarstaatjegemeente/", include("meent.realisatie.benchmark.urls")),
    path("inkoop/", include("meent.realisatie.inkoop.urls")),
    path("naleving/", include("meent.naleving.urls")),
    path("risicobeheer/", include("meent.risicobeheer.urls")),
    path("international/", include("meent.international.portfolio.urls")),
    path("fonds/", include("meent.international.fonds.urls")),
    path("helpdesk/", include("meent.international.crit.urls")),
    path("inzameling/", include("meent.international.inzameling.urls")),
    path("jaarverslag/", include("meent.jaarverslag.urls")),
    # Before two_factor's own page of the same address (which asks only "are you sure?").
    path(
        "account/two_factor/disable/",
        core_views.DisableSecondFactorView.as_view(),
        name="second-factor-disable",
    ),
    path("", include(two_factor_urls)),
    path("account/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health", core_views.health, name="health"),
    path("api/v1/", include("meent.api.urls")),
    path("api/v1/docs", ApiDocsView.as_view(url_name="api:schema"), name="api-docs"),
    # The admin site signs in through the same two-step login as everything else.
    path("admin/login/", RedirectView.as_view(pattern_name="two_factor:login", query_string=True)),
    path("admin/", admin.site.urls),
]
if settings.OIDC_RP_CLIENT_ID:  # without an identity provider the sign-on addresses do not exist (404, not 500)
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
