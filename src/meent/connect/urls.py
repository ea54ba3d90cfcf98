from django.urls import path

from meent.connect import views
from meent.core import input  # noqa: F401  (registers the <id:…> converter)

app_name = "connect"
urlpatterns = [
    path("evenementen/", views.EventListView.as_view(), name="event-list"),
    path("evenementen/nieuw/", views.EventCreateView.as_view(), name="event-create"),
    path("evenementen/mijn-aanmeldingen/", views.MyRegistrationsView.as_view(), name="my-registrations"),
    path("evenementen/<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("evenementen/<int:pk>/agenda.ics", views.EventCalendarView.as_view(), name="event-ical"),
    path("evenementen/<int:pk>/aanmelden/", views.RegisterView.as_view(), name="register"),
    path("evenementen/<int:pk>/bewerken/", views.EventUpdateView.as_view(), name="event-update"),
    path("evenementen/<int:pk>/sessies/nieuw/", views.SessionCreateView.as_view(), name="session-create"),
    path(
        "evenementen/<int:pk>/sessies/<int:session>/bewerken/", views.SessionUpdateView.as_view(), name="session-update"
    ),
    path(
        "evenementen/<int:pk>/sessies/<int:session>/verwijderen/",
        views.SessionDeleteView.as_view(),
        name="session-delete",
    ),
    path("evenementen/<int:pk>/verplaatsen/", views.RescheduleView.as_view(), name="event-reschedule"),
    path("evenementen/<int:pk>/vorm/", views.ConvertView.as_view(), name="event-convert"),
    path("evenementen/<int:pk>/annuleren/", views.CancelEventView.as_view(), name="event-cancel"),
    path("evenementen/<int:pk>/deelnemers/", views.ParticipantListView.as_view(), name="participants"),
    path("evenementen/<int:pk>/presentielijst/", views.CheckInView.as_view(), name="checkin"),
    path("evenementen/<int:pk>/aanwezigheid/", views.AttendanceImportView.as_view(), name="attendance-import"),
    path("evenementen/<int:pk>/evaluaties/", views.EvaluationResultsView.as_view(), name="evaluation-results"),
    path("evenementen/<int:pk>/evaluaties/uitnodigen/", views.EvaluationInviteView.as_view(), name="evaluation-invite"),
    path("evenementen/<int:pk>/mails/", views.MailLogView.as_view(), name="mail-log"),
    path("aanmelding/<str:token>/", views.RegistrationDetailView.as_view(), name="registration-detail"),
    path("aanmelding/<str:token>/afmelden/", views.RegistrationCancelView.as_view(), name="registration-cancel"),
    path(
        "aanmelding/<str:token>/sessies/<id:session>/afmelden/",
        views.SessionChoiceCancelView.as_view(),
        name="session-choice-cancel",
    ),
    path("aanmelding/<str:token>/evaluatie/", views.EvaluationFormView.as_view(), name="evaluation-form"),
    path("bevestigen/<str:token>/", views.RegistrationConfirmView.as_view(), name="registration-confirm"),
    path("academie/", views.CourseListView.as_view(), name="course-list"),
    path("academie/nieuw/", views.CourseCreateView.as_view(), name="course-create"),
    path("academie/docenten/nieuw/", views.TrainerCreateView.as_view(), name="trainer-create"),
    path("academie/<int:pk>/", views.CourseDetailView.as_view(), name="course-detail"),
    path("academie/<int:pk>/editie/", views.EditionCreateView.as_view(), name="edition-create"),
    path("trainees/", views.TraineeOverviewView.as_view(), name="trainee-overview"),
    path("trainees/nieuw/", views.TraineeCreateView.as_view(), name="trainee-create"),
    path("trainees/<int:pk>/opdracht/", views.AssignmentCreateView.as_view(), name="assignment-create"),
    path("connect/cijfers/", views.FiguresView.as_view(), name="figures"),
]
