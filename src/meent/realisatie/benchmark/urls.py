from django.urls import path

from meent.realisatie.benchmark import views

app_name = "benchmark"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("gemeenten/<str:code>/", views.ProfileView.as_view(), name="profile"),
    path("vergelijken/", views.CompareView.as_view(), name="compare"),
    path("indicatoren/<slug:code>/", views.IndicatorView.as_view(), name="indicator"),
    path("corona/", views.CoronaView.as_view(), name="corona"),
    path("corona/week/", views.CoronaWeekView.as_view(), name="corona-week"),
    path("corona/rioolwater/", views.SewageView.as_view(), name="sewage"),
    path("imports/", views.ImportView.as_view(), name="imports"),
]
