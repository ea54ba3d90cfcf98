from django.urls import include, path

from meent.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.OpenApiView.as_view(), name="schema"),
    path("", include("meent.leden.api.urls")),
    path("", include("meent.connect.api.urls")),
    path("", include("meent.realisatie.ibd.api.urls")),
    path("", include("meent.realisatie.benchmark.api.urls")),
]
