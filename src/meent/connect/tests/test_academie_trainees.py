"""Academie editions and the trainee programme's figures."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from meent.connect import selectors, services
from meent.connect.models import Event, Trainer, TrainingDay
from meent.connect.services import DayPlan
from meent.connect.tests.factories import AssignmentFactory, CourseFactory, EmploymentFactory, TraineeFactory
from meent.core.roles import Role
from meent.leden.models import Gemeente
from meent.leden.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_an_in_company_edition_spans_its_days_and_needs_a_client():
    course = CourseFactory(title="Leergang het maken van een Omgevingsplan", days=3)
    client = Gemeente.objects.get(code="GM0344").organisation
    edition = services.create_edition(
        course=course,
        kind="maatwerk",
        client=client,
        capacity=20,
        venue="Stadskantoor Utrecht",
        stream_url="https://stream.example/omgevingsplan",
        days=[DayPlan(D(2030, 3, 2), "digitaal"), DayPlan(D(2030, 3, 1), "fysiek"), DayPlan(D(2030, 3, 9), "fysiek")],
    )
    event = edition.event
    assert event.kind == Event.Kind.CURSUS and event.format == Event.Format.HYBRIDE
    assert event.starts_at.date() == D(2030, 3, 1) and event.ends_at.date() == D(2030, 3, 9)
    assert list(event.commissioners.all()) == [client]
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.create_edition(
            course=course, kind="maatwerk", capacity=5, days=[DayPlan(D(2030, 4, 1), "fysiek")], venue="X"
        )


def test_moving_a_training_moves_its_days_and_counts_as_rescheduled():
    course = CourseFactory()
    edition = services.create_edition(
        course=course,
        kind="open",
        capacity=12,
        venue="VNG, Den Haag",
        days=[DayPlan(D(2030, 4, 6), "fysiek"), DayPlan(D(2030, 4, 7), "fysiek")],
    )
    event = edition.event
    for weeks in (2, 4):
        start = event.starts_at + datetime.timedelta(weeks=weeks)
        services.reschedule_event(
            event, starts_at=start, ends_at=start + datetime.timedelta(days=1, hours=7), reason="corona"
        )
        event.refresh_from_db()
    days = list(TrainingDay.objects.filter(edition=edition).values_list("date", flat=True))
    assert days == [D(2030, 5, 18), D(2030, 5, 19)]  # +2 weeks, then +4 weeks
    assert selectors.rescheduled(2030, min_times=2, kinds=Event.TRAINING_KINDS) == 1


def test_average_trainees_weighs_employment_days():
    EmploymentFactory(start_date=D(2019, 1, 1))  # the whole of 2020
    EmploymentFactory(start_date=D(2020, 7, 1))  # half of 2020 (184 of 366 days)
    EmploymentFactory(start_date=D(2018, 1, 1), end_date=D(2019, 12, 31))  # gone before 2020
    assert str(selectors.average_trainees(2020)) == "1.5"
    assert str(selectors.average_trainees(2019)) == "2.0"


def test_trainees_in_the_year_are_those_the_average_counts():
    whole = EmploymentFactory(start_date=D(2019, 1, 1))
    half = EmploymentFactory(start_date=D(2020, 7, 1))
    EmploymentFactory(start_date=D(2018, 1, 1), end_date=D(2019, 12, 31))  # gone before 2020
    EmploymentFactory(start_date=D(2021, 1, 1))  # not yet there
    last_day = EmploymentFactory(start_date=D(2015, 1, 1), end_date=D(2020, 1, 1))  # one day counts
    assert set(selectors.trainees_in_year(2020)) == {whole.trainee, half.trainee, last_day.trainee}
    assert set(selectors.employments_in_year(2020)) == {whole, half, last_day}


def test_a_trainer_is_added_through_the_service_with_tidy_fields():
    trainer = services.add_trainer(name=" Drs. T. Docent ", email=" T.Docent@Voorbeeld.nl", expertise="Wonen ")
    assert (trainer.name, trainer.email, trainer.expertise) == ("Drs. T. Docent", "t.docent@voorbeeld.nl", "Wonen")
    with pytest.raises(ValidationError):
        services.add_trainer(name="Drs. T. Docent")


def test_assignment_growth_year_on_year():
    gemeente = Gemeente.objects.get(code="GM0363").organisation
    trainee = TraineeFactory()
    for n in range(4):
        AssignmentFactory(trainee=trainee, organisation=gemeente, start_date=D(2019, 2, 1), end_date=D(2019, 12, 1 + n))
    for _ in range(5):
        AssignmentFactory(trainee=trainee, organisation=gemeente, start_date=D(2020, 3, 1))
    assert selectors.assignments_in_year(2020) == 5
    assert str(selectors.assignments_growth(2020)) == "25.0"
    assert selectors.assignments_growth(2010) is None


def test_course_page_shows_satisfaction_to_organisers_only(client, make_account, login):
    course = CourseFactory(title="5-daagse MC De Strategische Financial")
    edition = services.create_edition(
        course=course,
        kind="open",
        capacity=10,
        stream_url="https://stream.example/x",
        days=[DayPlan(D(2020, 9, 1), "digitaal")],
    )
    from meent.connect.models import Evaluation, Registration

    registration = Registration.objects.create(event=edition.event, name="A", email="a@voorbeeld.nl", status="aanwezig")
    Evaluation.objects.create(registration=registration, overall=9, content=8, speakers=9, organisation=8)
    assert "5-daagse MC De Strategische Financial" in client.get("/academie/").text
    assert "9,0" not in client.get(f"/academie/{course.pk}/").text
    login(make_account(Role.CONNECT))
    assert "9,0" in client.get(f"/academie/{course.pk}/").text


def test_trainee_overview_shows_the_year(client, make_account, login):
    ministry = OrganisationFactory(name="Ministerie van Testzaken", kind="ministerie")
    employment = EmploymentFactory(start_date=D(2020, 1, 1))
    AssignmentFactory(
        trainee=employment.trainee, organisation=ministry, title="Datastrategie", start_date=D(2020, 2, 1)
    )
    login(make_account(Role.CONNECT))
    response = client.get("/trainees/?jaar=2020")
    assert "Datastrategie" in response.text and str(employment.trainee) in response.text
    assert client.get("/trainees/?jaar=twintig").status_code == 200


@pytest.fixture
def organiser(client, make_account, login):
    login(make_account(Role.CONNECT))
    return client


def test_organiser_plans_a_course_and_an_edition_with_days(organiser):
    organiser.post("/academie/docenten/nieuw/", {"name": "Drs. T. Docent", "expertise": "Financiën"})
    organiser.post("/academie/nieuw/", {"title": "Rechtmatigheidsverantwoording", "days": "2"})
    course = CourseFactory._meta.model.objects.get(title="Rechtmatigheidsverantwoording")
    response = organiser.post(
        f"/academie/{course.pk}/editie/",
        {
            "kind": "open",
            "capacity": "16",
            "venue": "VNG, Den Haag",
            "stream_url": "https://stream.example/r",
            "days": "12-10-2030 fysiek\n19-10-2030 online\n",
            "trainers": [Trainer.objects.get(name="Drs. T. Docent").pk],
        },
    )
    edition = course.editions.get()
    assert response.status_code == 302
    assert [(d.date, d.format) for d in edition.days.all()] == [
        (D(2030, 10, 12), "fysiek"),
        (D(2030, 10, 19), "digitaal"),
    ]
    assert edition.event.format == "hybride" and edition.event.capacity == 16
    assert [t.name for t in edition.trainers.all()] == ["Drs. T. Docent"]


def test_edition_form_explains_bad_days_per_line(organiser):
    course = CourseFactory()
    response = organiser.post(
        f"/academie/{course.pk}/editie/",
        {
            "kind": "maatwerk",
            "capacity": "10",
            "venue": "X",
            "days": "12-10-2030 fysiek\n31-02-2030\n1-11-2030 per post",
        },
    )
    assert "Regel 2: &#x27;31-02-2030&#x27; is geen datum" in response.text
    assert "Regel 3: kies &#x27;fysiek&#x27; of &#x27;online&#x27;" in response.text
    assert "Een maatwerkeditie heeft een opdrachtgever" in response.text
    assert not course.editions.exists()


def test_organiser_adds_a_trainee_in_a_new_cohort_and_an_assignment(organiser):
    response = organiser.post(
        "/trainees/nieuw/",
        {
            "first_name": "Sam",
            "last_name": "Voorbeeld",
            "email": "sam@voorbeeld.nl",
            "new_cohort": "Traineeship 2030-I",
            "start_date": "2030-09-01",
        },
    )
    assert response.status_code == 302
    from meent.connect.models import Trainee

    trainee = Trainee.objects.get(email="sam@voorbeeld.nl")
    assert trainee.cohort.name == "Traineeship 2030-I" and trainee.employments.get().start_date == D(2030, 9, 1)
    utrecht = Gemeente.objects.get(code="GM0344").organisation
    organiser.post(
        f"/trainees/{trainee.pk}/opdracht/",
        {"organisation": utrecht.pk, "title": "Wijkaanpak", "start_date": "2030-10-01", "end_date": "2030-09-01"},
    )
    assert not trainee.assignments.exists()  # end before start is refused
    organiser.post(
        f"/trainees/{trainee.pk}/opdracht/",
        {"organisation": utrecht.pk, "title": "Wijkaanpak", "start_date": "2030-10-01"},
    )
    assert "Wijkaanpak" in organiser.get("/trainees/?jaar=2030").text
