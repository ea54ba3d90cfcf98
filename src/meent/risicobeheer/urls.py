from django.urls import path

from meent.risicobeheer import views

app_name = "risicobeheer"
REGISTER = "registers/<int:organisation>/"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("scenarios/", views.ScenarioListView.as_view(), name="scenario-list"),
    path("scenarios/nieuw/", views.ScenarioCreateView.as_view(), name="scenario-create"),
    path("scenarios/<int:pk>/", views.ScenarioDetailView.as_view(), name="scenario-detail"),
    path("scenarios/<int:pk>/bewerken/", views.ScenarioEditView.as_view(), name="scenario-edit"),
    path("scenarios/<int:pk>/hergebruiken/", views.ScenarioReuseView.as_view(), name="scenario-reuse"),
    path("registers/", views.RegisterListView.as_view(), name="register-list"),
    path(REGISTER, views.RegisterDetailView.as_view(), name="register-detail"),
    path(REGISTER + "export.xlsx", views.RegisterExportView.as_view(), name="register-export"),
    path(REGISTER + "nieuw/", views.RiskCreateView.as_view(), name="risk-create"),
    path("risicos/<int:pk>/", views.RiskDetailView.as_view(), name="risk-detail"),
    path("risicos/<int:pk>/bewerken/", views.RiskEditView.as_view(), name="risk-edit"),
    path("risicos/<int:pk>/maatregelen/", views.MeasureAddView.as_view(), name="measure-add"),
    path("vergelijking/", views.ComparisonView.as_view(), name="comparison"),
    path("pool/", views.PoolView.as_view(), name="pool"),
    path("pool/bijdragen/berekenen/", views.PoolYearView.as_view(), name="pool-year"),
    path("pool/bijdragen/<int:pk>/", views.ContributionOverrideView.as_view(), name="contribution-override"),
    path("pool/schades/", views.ClaimListView.as_view(), name="claim-list"),
    path("pool/schades/<int:pk>/", views.ClaimDetailView.as_view(), name="claim-detail"),
    path("pool/wat-als/", views.WhatIfView.as_view(), name="what-if"),
    path("platform/", views.PlatformView.as_view(), name="platform"),
    path("platform/vakblad/<int:pk>/", views.ArticleView.as_view(), name="article"),
    path("cijfers/", views.FiguresView.as_view(), name="figures"),
]
