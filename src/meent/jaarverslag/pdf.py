"""The report as a PDF that reads like a printed annual report: a cover, contents with page numbers, running
headers with the chapter's title, figure cards and vector charts. Tagged as PDF/UA-1 for screen readers."""

from django.template.loader import render_to_string
from django.utils import translation

from meent.jaarverslag.selectors import Edition


def render_pdf(edition: Edition, chapters: list[dict], *, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    html = render_to_string(
        "jaarverslag/pdf.html",
        {"report": edition.report, "edition": edition, "chapters": chapters, "lang": translation.get_language()},
    )
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
