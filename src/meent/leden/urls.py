from django.urls import path

from meent.leden import views

app_name = "leden"
urlpatterns = [
    path("gemeenten/", views.GemeenteListView.as_view(), name="gemeente-list"),
    path("gemeenten/<str:code>/", views.GemeenteDetailView.as_view(), name="gemeente-detail"),
    path("organisaties/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("organisaties/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
]
