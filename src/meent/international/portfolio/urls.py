from django.urls import path

from meent.international.portfolio import views

app_name = "portfolio"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("projecten/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projecten/<int:pk>/status/", views.StatusChangeView.as_view(), name="project-status"),
    path("programmas/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("programmas/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme-detail"),
    path("portfolio/", views.PortfolioView.as_view(), name="portfolio"),
    path("portfolio/<slug:table>.<str:fmt>", views.PortfolioExportView.as_view(), name="portfolio-export"),
    path("kaart/", views.MapView.as_view(), name="map"),
    path("iati/", views.IatiStatusView.as_view(), name="iati-status"),
    path("iati/activities.xml", views.IatiActivitiesView.as_view(), name="iati-activities"),
    path("iati/organisation.xml", views.IatiOrganisationView.as_view(), name="iati-organisation"),
    path("wereldwijd/", views.PublicProjectListView.as_view(), name="public-list"),
    path("wereldwijd/<slug:code>/", views.PublicProjectDetailView.as_view(), name="public-detail"),
]
