from django.urls import path

from meent.jaarverslag import views

app_name = "jaarverslag"
REPORT = "<int:year>/"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("nieuw/", views.CreateView.as_view(), name="create"),
    path("cijfers/<str:key>/", views.FigureView.as_view(), name="figure"),
    path("cijfers/<str:key>/<int:year>/", views.FigureRecordsView.as_view(), name="figure-records"),
    path(REPORT, views.ReportView.as_view(), name="report"),
    path(REPORT + "pdf", views.PdfView.as_view(), name="report-pdf"),
    path(REPORT + "kerncijfers.<str:fmt>", views.FiguresExportView.as_view(), name="report-figures"),
    path(REPORT + "bewerken/", views.EditView.as_view(), name="edit"),
    path(REPORT + "voorbeeld/", views.PreviewView.as_view(), name="preview"),
    path(REPORT + "hoofdstukken/<slug:chapter>/blokken/nieuw/", views.BlockView.as_view(), name="block-add"),
    path(REPORT + "hoofdstukken/<slug:chapter>/blokken/<int:pk>/", views.BlockView.as_view(), name="block-edit"),
]
