"""The Academie's pages (courses, editions, trainers), trainees and their assignments, and Connect's figures."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView

from meent.connect import forms, selectors, services
from meent.connect.models import Course, Event, Trainee
from meent.core.registry import computing, figures
from meent.core.views import RuleView
from meent.core.years import year_parameter

# Academie, trainees and figures -------------------------------------------------------------------------------


class CourseListView(RuleView, ListView):
    permission_required = "connect.view_course"
    template_name = "connect/course_list.html"

    def get_queryset(self):
        return selectors.courses()


class CourseDetailView(RuleView, DetailView):
    permission_required = "connect.view_course"
    template_name = "connect/course_detail.html"
    context_object_name = "course"
    model = Course

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["editions"] = selectors.editions_with_satisfaction(self.object)
        context["is_organiser"] = self.request.user.has_perm("connect.view_evaluation")
        return context


class CourseCreateView(RuleView, FormView):
    permission_required = "connect.add_course"
    template_name = "patterns/form_page.html"
    form_class = forms.CourseForm
    extra_context = {"heading": gettext_lazy("Nieuwe leergang"), "cancel_url": reverse_lazy("connect:course-list")}

    def form_valid(self, form) -> HttpResponse:
        course = services.create_course(**form.cleaned_data)
        messages.success(self.request, _("De leergang is toegevoegd."))
        return redirect("connect:course-detail", course.pk)


class TrainerCreateView(RuleView, FormView):
    permission_required = "connect.add_trainer"
    template_name = "patterns/form_page.html"
    form_class = forms.TrainerForm
    extra_context = {"heading": gettext_lazy("Nieuwe docent"), "cancel_url": reverse_lazy("connect:course-list")}

    def form_valid(self, form) -> HttpResponse:
        trainer = services.add_trainer(**form.cleaned_data)
        messages.success(self.request, _("%(name)s is toegevoegd.") % {"name": trainer})
        return redirect("connect:course-list")


class EditionCreateView(RuleView, FormView):
    permission_required = "connect.add_edition"
    template_name = "patterns/form_page.html"
    form_class = forms.EditionForm

    def get_course(self) -> Course:
        return get_object_or_404(Course, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Nieuwe editie van %(course)s") % {"course": self.get_course().title}
        context["cancel_url"] = reverse("connect:course-detail", args=[self.kwargs["pk"]])
        return context

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        try:
            edition = services.create_edition(
                course=self.get_course(),
                kind=data["kind"],
                client=data["client"],
                capacity=data["capacity"],
                venue=data["venue"],
                stream_url=data["stream_url"],
                trainers=list(data["trainers"]),
                days=data["days"],
            )
        except services.ChangeRefused as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("De editie is gepland; deelnemers kunnen zich aanmelden."))
        return redirect("connect:event-detail", edition.event.pk)


class TraineeCreateView(RuleView, FormView):
    permission_required = "connect.add_trainee"
    template_name = "patterns/form_page.html"
    form_class = forms.TraineeForm
    extra_context = {"heading": gettext_lazy("Nieuwe trainee"), "cancel_url": reverse_lazy("connect:trainee-overview")}

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        trainee = services.add_trainee(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            cohort=data["cohort"] or data["new_cohort"],
            start_date=data["start_date"],
            end_date=data["end_date"],
        )
        messages.success(self.request, _("%(name)s is toegevoegd.") % {"name": trainee})
        return redirect(reverse("connect:trainee-overview") + f"?jaar={data['start_date'].year}")


class AssignmentCreateView(RuleView, FormView):
    permission_required = "connect.add_assignment"
    template_name = "patterns/form_page.html"
    form_class = forms.AssignmentForm

    def get_trainee(self) -> Trainee:
        return get_object_or_404(Trainee, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Nieuwe opdracht voor %(name)s") % {"name": self.get_trainee()}
        context["cancel_url"] = reverse("connect:trainee-overview")
        return context

    def form_valid(self, form) -> HttpResponse:
        data = form.cleaned_data
        services.add_assignment(trainee=self.get_trainee(), **data)
        messages.success(self.request, _("De opdracht is toegevoegd."))
        return redirect(reverse("connect:trainee-overview") + f"?jaar={data['start_date'].year}")


class TraineeOverviewView(RuleView, TemplateView):
    permission_required = "connect.view_trainee"
    template_name = "connect/trainee_overview.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        year = year_parameter(self.request)
        context["year"] = year
        context["average"] = selectors.average_trainees(year)
        context["average_before"] = selectors.average_trainees(year - 1)
        context["assignments"] = selectors.assignments_in_year(year)
        context["assignments_before"] = selectors.assignments_in_year(year - 1)
        context["growth"] = selectors.assignments_growth(year)
        context["trainees"] = context["object_list"] = selectors.trainees_in_year(year)
        return context


class FiguresView(RuleView, TemplateView):
    permission_required = "connect.view_figures"
    template_name = "connect/figures.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        with computing():
            years = figures.years("connect")
            year = year_parameter(self.request, default=years[-1] if years else None)
            values = figures.values("connect", year)
            trainees_year_before = figures["connect.trainees_gemiddeld"].value(year - 1)
        table = selectors.events_by_kind_and_format(year)
        context.update(
            year=year,
            years=years[::-1],
            figures=values,
            trainees_year_before=trainees_year_before,
            formats=Event.Format.choices,
            kind_rows=[
                (label, [table[kind][fmt] for fmt in Event.Format.values]) for kind, label in Event.Kind.choices
            ],
            grades=selectors.grades_per_event(year),
        )
        return context
