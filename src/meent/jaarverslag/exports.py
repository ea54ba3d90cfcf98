"""The report's files outside a request (the ``meent jaarverslag`` command): the PDF and the key figures as CSV,
as the public would download them (the latest publication, or the live draft when there is none)."""

from pathlib import Path

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from meent.core import exports, registry
from meent.jaarverslag import content, pdf, selectors
from meent.jaarverslag.models import Report


class NoReport(Exception):
    pass


def rendered_chapters(edition: selectors.Edition) -> list[dict]:
    """The chapters as HTML in the active language. A publication never changes, so its rendering is kept in the
    cache (per language) and a published page reads no figure at all."""
    if edition.publication is None:
        return _render(edition)
    publication = edition.publication
    # The moment of publishing too: a database rebuilt from scratch can hand out the same id again
    key = f"jaarverslag:{publication.pk}:{publication.published_at.timestamp()}:{translation.get_language()}"
    chapters = cache.get(key)
    if chapters is None:
        chapters = _render(edition)
        cache.set(key, chapters, timeout=None)
    return chapters


def _render(edition: selectors.Edition) -> list[dict]:
    renderer = content.Renderer(edition.source)
    with registry.computing():
        return [
            {
                "key": chapter["key"],
                "title": str(registry.Text(**chapter["title"])),
                "blocks": [content.block_html(renderer, block) for block in chapter["blocks"]],
            }
            for chapter in edition.chapters
        ]


def figure_table(report: Report, *, live: bool) -> tuple[list[str], list[list]]:
    header = [_("Sleutel"), _("Naam"), _("Waarde"), _("Eenheid"), _("Definitie")]
    rows = []
    for row in selectors.key_figures(report, live=live):
        value = row["value"]
        number = value.number if value.rows is None else "; ".join(f"{r.label}: {r.value}" for r in value.rows)
        rows.append([row["key"], str(row["label"]), number, str(row["unit"]), str(row["definition"])])
    return header, rows


def write_files(
    year: int, *, pdf: str | None = None, csv: str | None = None, base_url: str = "http://localhost/"
) -> list[Path]:
    report = Report.objects.filter(year=year).first()
    if report is None:
        years = ", ".join(str(y) for y in Report.objects.order_by("year").values_list("year", flat=True)) or "geen"
        raise NoReport(f"geen jaarverslag over {year} (wel: {years})")
    written = []
    with translation.override("nl"):
        edition = selectors.edition(report)
        if pdf:
            Path(pdf).write_bytes(_pdf(edition, base_url))
            written.append(Path(pdf))
        if csv:
            header, rows = figure_table(report, live=edition.live)
            Path(csv).write_text(exports.csv_text(header, rows, exports.EXCEL_NL), encoding="utf-8")
            written.append(Path(csv))
    return written


def _pdf(edition: selectors.Edition, base_url: str) -> bytes:
    return pdf.render_pdf(edition, rendered_chapters(edition), base_url=base_url)
