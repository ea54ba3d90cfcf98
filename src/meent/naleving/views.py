"""Pages of Naleving. Thin: every rule is in :mod:`.services` and :mod:`.selectors`."""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from meent.core import maps
from meent.core.exports import FORMATS, table_response
from meent.core.refusals import Refused
from meent.core.submissions import create_once
from meent.core.views import RuleView
from meent.leden.models import Gemeente
from meent.naleving import charts, forms, globalgoals, programmes, roadmaps, selectors, services
from meent.naleving.models import Campaign, Decision, Meeting, Progress

STATUS_COLOURS = {selectors.ANSWERED: "#1a7f37", selectors.REMINDED: "#e0a100", selectors.MISSING: "#b3261e"}


def status_labels() -> dict[str, str]:
    return {selectors.ANSWERED: _("beantwoord"), selectors.REMINDED: _("herinnerd"), selectors.MISSING: _("ontbreekt")}


def coverage_table(rows: list[selectors.CoverageRow], labels: dict[str, str]) -> list[dict]:
    """The list of target gemeenten as plain values for the template. A division has 355 gemeenten: per row,
    attribute lookups, ``{% translate %}`` branches and a date filter cost the page more than all its queries
    (benchmarks/README.md), so the labels are looked up here and each day is written out once."""
    days: dict[datetime.date, str] = {}
    table = []
    for row in rows:
        first = "—"
        if row.first_answer_at is not None:
            moment = timezone.localtime(row.first_answer_at)
            if moment.date() not in days:
                days[moment.date()] = date_format(moment, "j F Y")
            first = f"{days[moment.date()]} {moment:%H:%M}"
        table.append(
            {
                "name": row.name,
                "province": row.province,
                "status": labels[row.status],
                "first": first,
                "reminders": row.reminders,
                "mails": row.mail_count,
                "bounced": row.bounced_count,
            }
        )
    return table


class CampaignMixin(RuleView):
    campaign: Campaign

    def get_permission_object(self) -> Campaign | None:
        return None

    def dispatch(self, request, *args, **kwargs):
        campaign = selectors.campaign(kwargs["pk"])
        if campaign is None:
            raise Http404(_("Deze campagne bestaat niet."))
        self.campaign = campaign
        return super().dispatch(request, *args, **kwargs)

    def back(self) -> HttpResponse:
        return redirect("naleving:campaign-detail", pk=self.campaign.pk)


class CampaignListView(RuleView, TemplateView):
    permission_required = "naleving.view_campaigns"
    template_name = "naleving/campaign_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["object_list"] = selectors.campaigns()
        context["can_manage"] = self.request.user.has_perm("naleving.manage_campaigns")
        return context


class CampaignCreateView(RuleView, FormView):
    permission_required = "naleving.manage_campaigns"
    template_name = "naleving/campaign_form.html"
    form_class = forms.CampaignForm

    def form_valid(self, form: forms.CampaignForm) -> HttpResponse:
        def create() -> int:
            campaign = services.create_campaign(
                form.save(commit=False), by=self.request.user, gemeenten=list(form.cleaned_data["gemeenten"])
            )
            return campaign.pk

        try:
            pk, _created = create_once("naleving.campaign", form.cleaned_data.get("submission_key"), create)
        except Refused as refused:
            refused.add_to(form)
            return self.form_invalid(form)
        if pk is None:
            return redirect("naleving:campaign-list")
        messages.success(self.request, _("De campagne is aangemaakt. Geef de vraag nu haar velden."))
        return redirect("naleving:campaign-detail", pk=pk)


class CampaignDetailView(CampaignMixin, TemplateView):
    """The live coverage: the map, the curve with its table, and the list of gemeenten with their status."""

    permission_required = "naleving.view_campaigns"
    template_name = "naleving/campaign_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        campaign = self.campaign
        targets = selectors.coverage(campaign)
        labels = status_labels()
        curve = selectors.curve(campaign, targets)
        counts = {key: 0 for key in labels}
        for target in targets:
            counts[target.status] += 1
        context.update(
            campaign=campaign,
            targets=coverage_table(targets, labels),
            counts=[(labels[key], counts[key], key) for key in labels],
            curve=curve,
            fields=list(campaign.fields.select_related("step__roadmap")),
            can_manage=self.request.user.has_perm("naleving.manage_campaigns"),
            field_form=forms.FieldForm(),
            roadmap_form=forms.RoadmapFieldsForm(campaign=campaign),
            status_colours=STATUS_COLOURS,
        )
        if curve is not None:
            context["chart"] = charts.coverage_chart(
                _("Dekking: beantwoorde gemeenten per uur na verzending"), curve, _("uren na verzending")
            )
        if campaign.division_year == 2020 and campaign.sent_at is not None:
            fills = {t.code: STATUS_COLOURS[t.status] for t in targets}
            names = {t.code: f"{t.name}: {labels[t.status]}" for t in targets}
            context["map"] = maps.gemeente_map(
                _("Kaart: status per gemeente"), fills, names, {}, css_class="naleving-map"
            )
        context["legend"] = [(labels[key], colour) for key, colour in STATUS_COLOURS.items()]
        return context


class FieldAddView(CampaignMixin, View):
    permission_required = "naleving.manage_campaigns"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.FieldForm(request.POST)
        if form.is_valid():
            field = form.save(commit=False)
            field.campaign = self.campaign
            try:
                services.add_field(field)
            except Refused as refused:
                messages.error(request, " ".join(str(e) for e in refused.errors))
            else:
                messages.success(request, _("Het veld is toegevoegd."))
        else:
            messages.error(request, " ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        return self.back()


class RoadmapFieldsAddView(CampaignMixin, View):
    """Ask the gemeenten their progress on a roadmap: one field per step, filled in by the service."""

    permission_required = "naleving.manage_campaigns"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = forms.RoadmapFieldsForm(request.POST, campaign=self.campaign)
        if not form.is_valid():
            messages.error(request, " ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
            return self.back()
        roadmap = form.cleaned_data["roadmap"]
        try:
            fields = services.add_roadmap_fields(self.campaign, roadmap)
        except Refused as refused:
            messages.error(request, " ".join(str(e) for e in refused.errors))
        else:
            messages.success(
                request,
                _("De campagne vraagt nu de voortgang op de %(n)s stappen van %(roadmap)s.")
                % {"n": len(fields), "roadmap": roadmap.title},
            )
        return self.back()


class SendView(CampaignMixin, View):
    permission_required = "naleving.manage_campaigns"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            count = services.send_campaign(self.campaign, by=request.user)
        except Refused as refused:
            messages.error(request, " ".join(str(e) for e in refused.errors))
        else:
            messages.success(request, _("%(n)s e-mails staan klaar om te versturen.") % {"n": count})
        return self.back()


class RemindView(CampaignMixin, View):
    permission_required = "naleving.manage_campaigns"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            count = services.send_reminders(self.campaign, by=request.user)
        except Refused as refused:
            messages.error(request, " ".join(str(e) for e in refused.errors))
        else:
            messages.success(request, _("%(n)s gemeenten krijgen een herinnering.") % {"n": count})
        return self.back()


class DeliveryLogView(CampaignMixin, TemplateView):
    permission_required = "naleving.view_campaigns"
    template_name = "naleving/delivery_log.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["campaign"] = self.campaign
        context["object_list"] = selectors.deliveries(self.campaign)
        return context


class AnswersExportView(CampaignMixin, View):
    """Every version of every answer as CSV or XLSX (core's exports neutralise formula-like cells)."""

    permission_required = "naleving.view_campaigns"

    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        if fmt not in FORMATS:
            raise Http404(_("Onbekend bestandsformaat."))
        fields = list(self.campaign.fields.all())
        header = [_("Gemeente"), _("CBS-code"), _("Versie"), _("Ingediend")] + [f.label for f in fields]
        rows = (
            [a.target.gemeente.name, a.target.gemeente.code, a.version, a.submitted_at]
            + [a.data.get(f.key, "") for f in fields]
            for a in selectors.answers(self.campaign)
        )
        return table_response(fmt, f"campagne-{self.campaign.pk}-antwoorden", _("Antwoorden"), header, rows)


class AnswerView(RuleView, View):
    """A gemeente answers through its personal link; no account. A changed or expired link gets a page that says
    so and how to get a new link, never a server error."""

    permission_required = "naleving.answer_campaign"

    def refused(self, request: HttpRequest, refused: services.LinkRefused) -> HttpResponse:
        status = 410 if refused.expired else 403
        return render(request, "naleving/link_refused.html", {"refused": refused}, status=status)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            self.target = services.target_for_token(kwargs["token"])
        except services.LinkRefused as refused:
            return self.refused(request, refused)
        return super().dispatch(request, *args, **kwargs)

    def page(self, request: HttpRequest, form, status: int = 200) -> HttpResponse:
        context = {
            "target": self.target,
            "campaign": self.target.campaign,
            "form": form,
            "current": selectors.current_answer(self.target),
        }
        return render(request, "naleving/answer.html", context, status=status)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        services.record_opened(self.target)
        form = forms.answer_form_class(self.target.campaign)(initial=selectors.answer_initial(self.target))
        return self.page(request, form)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = forms.answer_form_class(self.target.campaign)(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        try:
            services.submit_answer(self.target, request.POST)
        except services.LinkRefused as refused:
            return self.refused(request, refused)
        except Refused as refused:
            refused.add_to(form)
            return self.page(request, form, status=400)
        messages.success(
            request, _("Dank u wel. Uw antwoord is opgeslagen; u kunt het tot de uiterste datum aanpassen.")
        )
        return redirect(reverse("naleving:answer", args=[token]))


class RoadmapListView(RuleView, TemplateView):
    permission_required = "naleving.view_roadmaps"
    template_name = "naleving/roadmap_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["object_list"] = roadmaps.roadmaps()
        return context


class RoadmapMixin(RuleView):
    def dispatch(self, request, *args, **kwargs):
        self.roadmap = roadmaps.roadmaps().filter(pk=kwargs["pk"]).first()
        if self.roadmap is None:
            raise Http404(_("Deze routekaart bestaat niet."))
        return super().dispatch(request, *args, **kwargs)


class RoadmapDetailView(RoadmapMixin, TemplateView):
    """Staff: the heat map of all gemeenten × steps as a sortable, filterable table, the share per step and the
    trend per quarter. A gemeente account: its own progress per step, with a form per step."""

    permission_required = "naleving.view_roadmaps"
    template_name = "naleving/roadmap_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        from meent.leden.selectors import provinces

        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(roadmap=self.roadmap, steps=list(self.roadmap.steps.all()), statuses=Progress.Status.choices)
        if user.has_perm("naleving.view_heat_map"):
            province, size = self.request.GET.get("provincie", ""), self.request.GET.get("grootte", "")
            order = self.request.GET.get("sorteer", "naam")
            rows = roadmaps.heat_map(self.roadmap, province=province, size=size, order=order)
            context.update(
                rows=rows,
                shares=roadmaps.share_per_step(self.roadmap, rows),
                trend=roadmaps.quarter_trend(self.roadmap),
                provinces=provinces(),
                size_classes=[(key, label) for key, label, *_bounds in roadmaps.SIZE_CLASSES],
                filters={"provincie": province, "grootte": size, "sorteer": order},
            )
        elif user.gemeente is not None:
            context["own"] = roadmaps.own_progress(self.roadmap, user.gemeente)
        return context


class ProgressView(RoadmapMixin, View):
    permission_required = "naleving.record_progress"

    def post(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        step = self.roadmap.steps.filter(number=number).first()
        gemeente = request.user.gemeente
        if request.POST.get("gemeente"):
            gemeente = Gemeente.objects.filter(code=request.POST["gemeente"]).first()
        if step is None or gemeente is None:
            raise Http404(_("Deze stap of gemeente bestaat niet."))
        form = forms.ProgressForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        else:
            try:
                roadmaps.record_progress(step, gemeente, by=request.user, **form.cleaned_data)
            except Refused as refused:
                messages.error(request, " ".join(str(e) for e in refused.errors))
            else:
                messages.success(request, _("De voortgang is opgeslagen."))
        return redirect("naleving:roadmap-detail", pk=self.roadmap.pk)


class GlobalGoalsView(RuleView, TemplateView):
    """Public: the Global Goals gemeenten of a year's division and the count per year."""

    permission_required = "naleving.view_global_goals"
    template_name = "naleving/global_goals.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        per_year = globalgoals.per_year()
        years = [year for year, _count in per_year]
        try:
            year = int(self.request.GET.get("jaar", ""))
        except ValueError:
            year = years[-1] if years else timezone.localdate().year
        context.update(
            year=year,
            years=years,
            per_year=per_year,
            members=globalgoals.members(year),
            can_manage=self.request.user.has_perm("naleving.manage_global_goals"),
        )
        return context


class GlobalGoalsJoinView(RuleView, FormView):
    permission_required = "naleving.manage_global_goals"
    template_name = "naleving/global_goals_form.html"
    form_class = forms.GlobalGoalsForm

    def form_valid(self, form: forms.GlobalGoalsForm) -> HttpResponse:
        try:
            member = globalgoals.join(form.cleaned_data["gemeente"], form.cleaned_data["joined"], by=self.request.user)
        except Refused as refused:
            refused.add_to(form)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(gemeente)s is als Global Goals-gemeente vastgelegd.") % {"gemeente": member.gemeente}
        )
        return redirect(reverse("naleving:global-goals") + f"?jaar={member.joined.year}")


class ProgrammeListView(RuleView, TemplateView):
    permission_required = "naleving.view_programmes"
    template_name = "naleving/programme_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["object_list"] = programmes.programmes()
        context["can_manage"] = self.request.user.has_perm("naleving.manage_programmes")
        return context


class ProgrammeCreateView(RuleView, FormView):
    permission_required = "naleving.manage_programmes"
    template_name = "naleving/programme_form.html"
    form_class = forms.ProgrammeForm
    extra_context = {"heading": _lazy("Nieuw programma")}

    def form_valid(self, form: forms.ProgrammeForm) -> HttpResponse:
        try:
            item = programmes.create_programme(by=self.request.user, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            return self.form_invalid(form)
        messages.success(self.request, _("Het programma is aangemaakt."))
        return redirect("naleving:programme-detail", pk=item.pk)


class ProgrammeMixin(RuleView):
    def dispatch(self, request, *args, **kwargs):
        self.programme = programmes.programme(kwargs["pk"])
        if self.programme is None:
            raise Http404(_("Dit programma bestaat niet."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        return context

    def back(self) -> HttpResponse:
        return redirect("naleving:programme-detail", pk=self.programme.pk)


class ProgrammeDetailView(ProgrammeMixin, TemplateView):
    permission_required = "naleving.view_programmes"
    template_name = "naleving/programme_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        board = programmes.board(self.programme)
        context.update(
            board=board,
            gemeenten_count=len({seat.gemeente_id for seat in board}),
            meetings=programmes.meetings(self.programme),
            statuses=Decision.Status.choices,
            can_manage=self.request.user.has_perm("naleving.manage_programmes"),
        )
        return context


class ProgrammeFormView(ProgrammeMixin, FormView):
    """A form on a programme's page pattern; ``save`` calls the service."""

    permission_required = "naleving.manage_programmes"
    template_name = "naleving/programme_form.html"
    heading = ""

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(heading=self.heading, **kwargs)

    def form_valid(self, form) -> HttpResponse:
        try:
            self.save(form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            return self.form_invalid(form)
        messages.success(self.request, _("Opgeslagen."))
        return self.back()


class BoardMemberAddView(ProgrammeFormView):
    form_class = forms.BoardMemberForm
    heading = _lazy("Lid van de klankbordgroep toevoegen")

    def save(self, data: dict) -> None:
        programmes.add_board_member(self.programme, **data)


class MeetingAddView(ProgrammeFormView):
    form_class = forms.MeetingForm
    heading = _lazy("Bijeenkomst toevoegen")

    def save(self, data: dict) -> None:
        programmes.add_meeting(self.programme, **data)


class DecisionAddView(ProgrammeFormView):
    form_class = forms.DecisionForm
    heading = _lazy("Besluit toevoegen")

    def dispatch(self, request, *args, **kwargs):
        self.meeting = Meeting.objects.filter(pk=kwargs["meeting"], programme_id=kwargs["pk"]).first()
        if self.meeting is None:
            raise Http404(_("Deze bijeenkomst bestaat niet."))
        return super().dispatch(request, *args, **kwargs)

    def save(self, data: dict) -> None:
        programmes.add_decision(self.meeting, **data)


class DecisionStatusView(ProgrammeMixin, View):
    permission_required = "naleving.manage_programmes"

    def post(self, request: HttpRequest, pk: int, decision: int) -> HttpResponse:
        item = Decision.objects.filter(pk=decision, meeting__programme=self.programme).first()
        if item is None:
            raise Http404(_("Dit besluit bestaat niet."))
        try:
            programmes.set_decision_status(item, request.POST.get("status", ""))
        except Refused as refused:
            messages.error(request, " ".join(str(e) for e in refused.errors))
        else:
            messages.success(request, _("De status van het besluit is bijgewerkt."))
        return self.back()
