from django.urls import path

from meent.core import views

app_name = "core"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("mijn-gemeente/", views.MijnGemeenteView.as_view(), name="mijn-gemeente"),
    path("gemeenten/<str:code>/360/", views.Gemeente360View.as_view(), name="gemeente-360"),
    path("beheer/audittrail/", views.AuditLogView.as_view(), name="auditlog"),
]
