from django.urls import path

from meent.realisatie.ibd import views

app_name = "ibd"
INCIDENT = "incidenten/<str:number>/"
urlpatterns = [
    path("incidenten/", views.IncidentListView.as_view(), name="incident-list"),
    path("incidenten/melden/", views.ReportView.as_view(), name="incident-report"),
    path("wachtrij/", views.QueueView.as_view(), name="queue"),
    path(INCIDENT, views.IncidentDetailView.as_view(), name="incident-detail"),
    path(INCIDENT + "tijdlijn/", views.AddEntryView.as_view(), name="incident-entry"),
    path(INCIDENT + "ontvangers/", views.RecipientsView.as_view(), name="incident-recipients"),
    path(INCIDENT + "triage/", views.TriageView.as_view(), name="incident-triage"),
    path(INCIDENT + "status/", views.StatusView.as_view(), name="incident-status"),
    path(INCIDENT + "taken/", views.AddTaskView.as_view(), name="task-add"),
    path(INCIDENT + "taken/<int:pk>/gereed/", views.CompleteTaskView.as_view(), name="task-done"),
    path(INCIDENT + "observables/", views.AddObservableView.as_view(), name="observable-add"),
    path(INCIDENT + "observables/importeren/", views.ImportObservablesView.as_view(), name="observable-import"),
    path(INCIDENT + "bijlagen/", views.AddAttachmentView.as_view(), name="attachment-add"),
    path(INCIDENT + "bijlagen/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment-download"),
    path(INCIDENT + "responsnetwerk/", views.NetworkView.as_view(), name="incident-network"),
    path(INCIDENT + "delen/", views.ExportView.as_view(), name="incident-export"),
    path("responsnetwerk/experts/", views.ExpertListView.as_view(), name="expert-list"),
    path("correlatie/uitzonderingen/", views.ExclusionListView.as_view(), name="exclusion-list"),
    path(
        "correlatie/uitzonderingen/<int:pk>/verwijderen/", views.ExclusionDeleteView.as_view(), name="exclusion-delete"
    ),
    path("adviezen/", views.AdvisoryListView.as_view(), name="advisory-list"),
    path("adviezen/nieuw/", views.AdvisoryCreateView.as_view(), name="advisory-create"),
    path("adviezen/<str:number>/", views.AdvisoryDetailView.as_view(), name="advisory-detail"),
    path("adviezen/<str:number>/bevestigen/", views.AcknowledgeView.as_view(), name="advisory-acknowledge"),
    path("cijfers/", views.FiguresView.as_view(), name="figures"),
]
