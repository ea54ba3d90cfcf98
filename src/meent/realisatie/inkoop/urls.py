from django.urls import path, re_path

from meent.realisatie.inkoop import views

app_name = "inkoop"
urlpatterns = [
    path("", views.ContractListView.as_view(), name="contract-list"),
    path("contracten/nieuw/", views.ContractCreateView.as_view(), name="contract-create"),
    path("contracten/<str:number>/", views.ContractDetailView.as_view(), name="contract-detail"),
    path("importeren/", views.ImportView.as_view(), name="import"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", views.ExportView.as_view(), name="export"),
]
