from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
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
    permission_rules = {"get": "core.view_home"}
    permission_classes = []
    authentication_classes = []


urlpatterns = [
    path("", include("meent.core.urls")),
    path("", include("meent.leden.urls")),
    path("", include("meent.connect.urls")),
    path("ibd/", include("meent.realisatie.ibd.urls")),
    path("waarstaatjegemeente/", include("meent.realisatie.benchmark.urls")),
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
