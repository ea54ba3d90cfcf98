from django.urls import path

from meent.naleving import views

app_name = "naleving"
CAMPAIGN = "campagnes/<int:pk>/"
urlpatterns = [
    path("campagnes/", views.CampaignListView.as_view(), name="campaign-list"),
    path("campagnes/nieuw/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path(CAMPAIGN, views.CampaignDetailView.as_view(), name="campaign-detail"),
    path(CAMPAIGN + "velden/", views.FieldAddView.as_view(), name="field-add"),
    path(CAMPAIGN + "versturen/", views.SendView.as_view(), name="campaign-send"),
    path(CAMPAIGN + "herinneren/", views.RemindView.as_view(), name="campaign-remind"),
    path(CAMPAIGN + "verzendlog/", views.DeliveryLogView.as_view(), name="delivery-log"),
    path(CAMPAIGN + "antwoorden.<str:fmt>", views.AnswersExportView.as_view(), name="answers-export"),
    path("routekaarten/", views.RoadmapListView.as_view(), name="roadmap-list"),
    path("routekaarten/<int:pk>/", views.RoadmapDetailView.as_view(), name="roadmap-detail"),
    path("routekaarten/<int:pk>/stappen/<int:number>/", views.ProgressView.as_view(), name="progress-record"),
    path("antwoord/<str:token>/", views.AnswerView.as_view(), name="answer"),
]
