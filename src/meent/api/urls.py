from django.urls import include, path

from meent.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.OpenApiView.as_view(), name="schema"),
    path("", include("meent.leden.api.urls")),
    path("", include("meent.connect.api.urls")),
    path("", include("meent.realisatie.ibd.api.urls")),
    path("", include("meent.realisatie.benchmark.api.urls")),
    path("", include("meent.realisatie.inkoop.api.urls")),
    path("", include("meent.naleving.api.urls")),
    path("", include("meent.risicobeheer.api.urls")),
    path("", include("meent.international.portfolio.api.urls")),
    path("", include("meent.international.fonds.api.urls")),
    path("", include("meent.international.crit.api.urls")),
    path("", include("meent.international.inzameling.api.urls")),
    path("", include("meent.jaarverslag.api.urls")),
]
