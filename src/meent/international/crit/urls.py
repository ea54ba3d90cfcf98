from django.urls import path

from meent.international.crit import views

app_name = "crit"
QUESTION = "vragen/<int:pk>/"
urlpatterns = [
    path("", views.QuestionListView.as_view(), name="question-list"),
    path("vraag-stellen/", views.AskView.as_view(), name="question-ask"),
    path("vraag-stellen/bevestigen/<str:token>/", views.VerifyView.as_view(), name="question-verify"),
    path("tevredenheid/<str:token>/", views.RateView.as_view(), name="question-rate"),
    path("vragen/nieuw/", views.RegisterView.as_view(), name="question-register"),
    path(QUESTION, views.QuestionDetailView.as_view(), name="question-detail"),
    path(QUESTION + "toewijzen/", views.AssignView.as_view(), name="question-assign"),
    path(QUESTION + "berichten/", views.MessageView.as_view(), name="question-message"),
    path(QUESTION + "sluiten/", views.CloseView.as_view(), name="question-close"),
    path(QUESTION + "samenvatting/", views.SummaryView.as_view(), name="question-summary"),
    path(QUESTION + "bijlagen/<int:attachment>/", views.AttachmentView.as_view(), name="attachment-download"),
    path("experts/", views.PoolView.as_view(), name="pool"),
    path("experts/nieuw/", views.ExpertCreateView.as_view(), name="expert-create"),
    path("experts/<int:pk>/beschikbaarheid/", views.AvailabilityView.as_view(), name="expert-availability"),
    path("klankbordgroep/", views.SummariesView.as_view(), name="summaries"),
    path("cijfers/", views.FiguresView.as_view(), name="figures"),
]
