from django.urls import path

from meent.jaarverslag.api.views import KeyFiguresView, ReportListView

urlpatterns = [
    path("jaarverslagen", ReportListView.as_view(), name="jaarverslag-list"),
    path("jaarverslagen/<int:jaar>/kerncijfers", KeyFiguresView.as_view(), name="jaarverslag-kerncijfers"),
]
