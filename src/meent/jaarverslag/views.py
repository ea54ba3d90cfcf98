"""Pages of the annual report: the reports, the report itself (web and PDF), its figures as CSV/XLSX, each
figure's definition and records, and the editor (blocks with live preview, publishing)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core import exports as tables
from meent.core import registry
from meent.core.refusals import Refused
from meent.core.views import RuleView
from meent.core.years import year_parameter
from meent.jaarverslag import content, exports, pdf, selectors, services
from meent.jaarverslag.forms import BlockForm, PublishForm, ReportForm
from meent.jaarverslag.models import Block, Chapter, Report


class ReportMixin(RuleView):
    """Finds the report of the URL's year; the permission is checked against it."""

    def get_report(self) -> Report:
        if not hasattr(self, "_report"):
            self._report = get_object_or_404(Report, year=self.kwargs["year"])
        return self._report

    def get_permission_object(self):
        return self.get_report()


class IndexView(RuleView, TemplateView):
    permission_required = "jaarverslag.view_index"
    template_name = "jaarverslag/index.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["reports"] = selectors.reports_for(self.request.user)
        context["can_edit"] = self.request.user.has_perm("jaarverslag.edit_report")
        return context


class CreateView(RuleView, View):
    permission_required = "jaarverslag.edit_report"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(ReportForm())

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {"form": form, "heading": _("Nieuw jaarverslag"), "submit_label": _("Aanmaken")}
        context["cancel_url"] = reverse("jaarverslag:index")
        return render(self.request, "jaarverslag/create.html", context, status=status)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                report = services.create_report(form.cleaned_data["year"], by=request.user)
            except Refused as exc:
                exc.add_to(form)
            else:
                return redirect("jaarverslag:edit", year=report.year)
        return self.render(form, status=400)


class ReportView(ReportMixin, TemplateView):
    """The report as a web page: the latest publication for everyone, or the live draft for staff."""

    permission_required = "jaarverslag.view_report"
    template_name = "jaarverslag/report.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        report = self.get_report()
        # Staff may read a published report as it would read now (?concept=1): the live figures
        live = bool(self.request.GET.get("concept")) and self.request.user.has_perm("jaarverslag.view_drafts")
        edition = selectors.edition(report, live=live)
        context.update(
            report=report,
            edition=edition,
            chapters=exports.rendered_chapters(edition),
            can_edit=self.request.user.has_perm("jaarverslag.edit_report"),
        )
        return context


class PdfView(ReportMixin, View):
    permission_required = "jaarverslag.view_report"

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        report = self.get_report()
        edition = selectors.edition(report)
        document = pdf.render_pdf(edition, exports.rendered_chapters(edition), base_url=request.build_absolute_uri("/"))
        response = HttpResponse(document, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="jaarverslag-{report.year}.pdf"'
        return response


class FiguresExportView(ReportMixin, View):
    """The report's figures with their definitions, as published (or live for a draft)."""

    permission_required = "jaarverslag.view_report"

    def get(self, request: HttpRequest, year: int, fmt: str) -> HttpResponse:
        if fmt not in tables.FORMATS:
            raise Http404
        report = self.get_report()
        header, rows = exports.figure_table(report, live=report.latest_publication is None)
        basename = f"kerncijfers-{report.year}"
        return tables.table_response(fmt, basename, _("Kerncijfers"), header, rows, tables.EXCEL_NL)


class FigureView(RuleView, TemplateView):
    """A figure's definition and its value per year; links to the records it counts for who may see them."""

    permission_required = "jaarverslag.view_figure"
    template_name = "jaarverslag/figure.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        figure = selectors.figure_or_none(self.kwargs["key"])
        if figure is None:
            raise Http404
        with registry.computing():
            years = sorted(figure.years())
            values = [figure.value(year) for year in years]
        context.update(
            figure=figure,
            values=values,
            year=year_parameter(self.request, choices=years) if years else None,
            traceable=figure.records is not None and self.request.user.has_perm("jaarverslag.view_figure_records"),
        )
        return context


class FigureRecordsView(RuleView, TemplateView):
    """The records a count figure counts in a year, as far as the user may see them: for a user who may see them
    all, exactly as many as the figure says."""

    permission_required = "jaarverslag.view_figure_records"
    template_name = "jaarverslag/figure_records.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        figure = selectors.figure_or_none(self.kwargs["key"])
        if figure is None or figure.records is None:
            raise Http404
        year = self.kwargs["year"]
        with registry.computing():
            value = figure.value(year)
            records = figure.records(year, self.request.user) if value.has_data else []
        context.update(figure=figure, year=year, value=value, records=records)
        return context


class EditView(ReportMixin, TemplateView):
    """The editor's overview: chapters and blocks, live figures that differ from the publication, publishing."""

    permission_required = "jaarverslag.edit_report"
    template_name = "jaarverslag/edit.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        report = self.get_report()
        context.update(
            report=report,
            chapters=report.chapters.prefetch_related("blocks"),
            publications=report.publications.select_related("published_by"),
            differences=selectors.differences(report),
            publish_form=kwargs.get("publish_form") or PublishForm(),
        )
        return context

    def post(self, request: HttpRequest, year: int) -> HttpResponse:
        """Publish (a new version)."""
        report = self.get_report()
        form = PublishForm(request.POST)
        if form.is_valid():
            try:
                publication = services.publish(report, by=request.user, note=form.cleaned_data["note"])
            except Refused as exc:
                exc.add_to(form)
            else:
                messages.success(request, _("Versie %(v)s is gepubliceerd.") % {"v": publication.version})
                return redirect("jaarverslag:edit", year=report.year)
        return self.render_to_response(self.get_context_data(publish_form=form), status=400)


class BlockView(ReportMixin, View):
    """Add (``pk`` absent) or change a block of a chapter; unknown figures are refused with the valid keys."""

    permission_required = "jaarverslag.edit_report"

    def get_chapter(self) -> Chapter:
        return get_object_or_404(Chapter, report=self.get_report(), key=self.kwargs["chapter"])

    def get_block(self, chapter: Chapter) -> Block | None:
        pk = self.kwargs.get("pk")
        return None if pk is None else get_object_or_404(Block, chapter=chapter, pk=pk)

    def render(self, form, chapter: Chapter, block: Block | None, status: int = 200) -> HttpResponse:
        renderer = content.Renderer(content.LiveSource(chapter.report.year))
        with registry.computing():
            preview = (
                content.block_html(renderer, form.data if form.is_bound else _block_dict(block))
                if (form.is_bound or block)
                else ""
            )
        context = {
            "form": form,
            "chapter": chapter,
            "block": block,
            "report": chapter.report,
            "preview": preview,
            "keys": registry.figures.keys(),
            "heading": _("Blok bewerken") if block else _("Nieuw blok"),
            "submit_label": _("Opslaan"),
            "cancel_url": reverse("jaarverslag:edit", args=[chapter.report.year]),
        }
        return render(self.request, "jaarverslag/block_form.html", context, status=status)

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        chapter = self.get_chapter()
        block = self.get_block(chapter)
        return self.render(BlockForm(instance=block), chapter, block)

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        chapter = self.get_chapter()
        block = self.get_block(chapter)
        form = BlockForm(request.POST, instance=block)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_block(
                    chapter,
                    block=block,
                    kind=data["kind"],
                    body=data["body"],
                    body_en=data["body_en"],
                    speaker=data["speaker"],
                    speaker_role=data["speaker_role"],
                    order=data["order"],
                )
            except Refused as exc:
                exc.add_to(form)
            else:
                messages.success(request, _("Het blok is opgeslagen."))
                return redirect(reverse("jaarverslag:edit", args=[chapter.report.year]) + f"#hoofdstuk-{chapter.key}")
        return self.render(form, chapter, block, status=400)


def _block_dict(block: Block | None) -> dict:
    if block is None:
        return {"body": ""}
    return {
        "kind": block.kind,
        "body": block.body,
        "body_en": block.body_en,
        "speaker": block.speaker,
        "speaker_role": block.speaker_role,
    }


class PreviewView(ReportMixin, View):
    """The live preview the editor asks for (htmx) while typing: the block as it will read, or why it cannot be
    saved. Saves nothing."""

    permission_required = "jaarverslag.edit_report"

    def post(self, request: HttpRequest, year: int) -> HttpResponse:
        report = self.get_report()
        data = {key: request.POST.get(key, "") for key in ("kind", "body", "body_en", "speaker", "speaker_role")}
        errors = content.problems(data["body"]) + content.problems(data["body_en"])
        with registry.computing():
            html = content.block_html(content.Renderer(content.LiveSource(report.year)), data)
        return render(request, "jaarverslag/_preview.html", {"preview": html, "errors": errors})
