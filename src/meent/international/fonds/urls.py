from django.urls import path

from meent.international.fonds import views

app_name = "fonds"
urlpatterns = [
    path("", views.FundListView.as_view(), name="fund-list"),
    path("<int:pk>/", views.FundDetailView.as_view(), name="fund-detail"),
    path("oproepen/", views.CallListView.as_view(), name="call-list"),
    path("oproepen/<int:call>/aanvragen/", views.ApplicationFormView.as_view(), name="application-create"),
    path("registreren/", views.RegisterView.as_view(), name="register"),
    path("registreren/bevestigen/<str:token>/", views.RegisterConfirmView.as_view(), name="register-confirm"),
    path("aanvragen/", views.ApplicationListView.as_view(), name="application-list"),
    path("aanvragen/<int:pk>/", views.ApplicationDetailView.as_view(), name="application-detail"),
    path("aanvragen/<int:application>/bewerken/", views.ApplicationFormView.as_view(), name="application-edit"),
    path("aanvragen/<int:pk>/status/", views.TransitionView.as_view(), name="application-transition"),
    path("aanvragen/<int:pk>/beoordelaars/", views.AssignView.as_view(), name="reviewer-assign"),
    path("aanvragen/<int:pk>/beoordelen/", views.ReviewView.as_view(), name="review"),
    path("aanvragen/<int:pk>/tranches/", views.TrancheAddView.as_view(), name="tranche-add"),
    path("tranches/<int:pk>/betalen/", views.TranchePayView.as_view(), name="tranche-pay"),
    path("tranches/<int:pk>/verslag/", views.ReportSubmitView.as_view(), name="report-submit"),
    path("tranches/<int:pk>/verslag/besluit/", views.ReportDecideView.as_view(), name="report-decide"),
    path("documenten/<int:pk>/", views.DocumentDownloadView.as_view(), name="document-download"),
]
