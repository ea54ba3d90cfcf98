from django.urls import path

from meent.naleving import views

app_name = "naleving"
CAMPAIGN = "campagnes/<int:pk>/"
PROGRAMME = "programmas/<int:pk>/"
urlpatterns = [
    path("campagnes/", views.CampaignListView.as_view(), name="campaign-list"),
    path("campagnes/nieuw/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path(CAMPAIGN, views.CampaignDetailView.as_view(), name="campaign-detail"),
    path(CAMPAIGN + "velden/", views.FieldAddView.as_view(), name="field-add"),
    path(CAMPAIGN + "routekaart/", views.RoadmapFieldsAddView.as_view(), name="roadmap-fields-add"),
    path(CAMPAIGN + "versturen/", views.SendView.as_view(), name="campaign-send"),
    path(CAMPAIGN + "herinneren/", views.RemindView.as_view(), name="campaign-remind"),
    path(CAMPAIGN + "verzendlog/", views.DeliveryLogView.as_view(), name="delivery-log"),
    path(CAMPAIGN + "antwoorden.<str:fmt>", views.AnswersExportView.as_view(), name="answers-export"),
    path("routekaarten/", views.RoadmapListView.as_view(), name="roadmap-list"),
    path("routekaarten/<int:pk>/", views.RoadmapDetailView.as_view(), name="roadmap-detail"),
    path("routekaarten/<int:pk>/stappen/<int:number>/", views.ProgressView.as_view(), name="progress-record"),
    path("global-goals-gemeenten/", views.GlobalGoalsView.as_view(), name="global-goals"),
    path("global-goals-gemeenten/aanmelden/", views.GlobalGoalsJoinView.as_view(), name="global-goals-join"),
    path("programmas/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("programmas/nieuw/", views.ProgrammeCreateView.as_view(), name="programme-create"),
    path(PROGRAMME, views.ProgrammeDetailView.as_view(), name="programme-detail"),
    path(PROGRAMME + "leden/nieuw/", views.BoardMemberAddView.as_view(), name="board-member-add"),
    path(PROGRAMME + "bijeenkomsten/nieuw/", views.MeetingAddView.as_view(), name="meeting-add"),
    path(
        PROGRAMME + "bijeenkomsten/<int:meeting>/besluiten/nieuw/", views.DecisionAddView.as_view(), name="decision-add"
    ),
    path(PROGRAMME + "besluiten/<int:decision>/status/", views.DecisionStatusView.as_view(), name="decision-status"),
    path("antwoord/<str:token>/", views.AnswerView.as_view(), name="answer"),
]
