from django.urls import path

from meent.international.inzameling import views

app_name = "inzameling"
urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    path("nieuw/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path("<int:pk>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<int:pk>/geven/", views.PledgeView.as_view(), name="pledge"),
    path("<int:pk>/giften/", views.PledgeListView.as_view(), name="pledge-list"),
    path("<int:pk>/giften/<int:pledge>/bevestigen/", views.ConfirmView.as_view(), name="pledge-confirm"),
]
