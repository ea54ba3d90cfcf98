"""Writes of the annual report: a new report seeded from the modules' chapter drafts, editing blocks (refusing
unknown figures), and publishing (freezing every figure's value with who and when)."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core import registry
from meent.core.refusals import ConflictRefused, Refused
from meent.jaarverslag import content
from meent.jaarverslag.models import Block, Chapter, Publication, PublishedValue, Report
from meent.jaarverslag.selectors import content_of
from meent.leden.models import Account

FIRST_YEAR, LAST_YEAR = 2000, 2100


@transaction.atomic
def create_report(year: int, *, by: Account | None = None) -> Report:
    """A report for ``year`` with one chapter per registered chapter draft, holding that draft's blocks for the
    year (a module without text for that year gets an empty chapter to write)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Refused(
            _("Kies een jaar van %(first)s tot en met %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            field="year",
        )
    if Report.objects.filter(year=year).exists():
        raise ConflictRefused(_("Er is al een jaarverslag over %(year)s.") % {"year": year}, field="year")
    report = Report.objects.create(year=year, title=f"Jaarverslag {year}")  # the report's name, in any language
    for draft in registry.chapters:
        chapter = Chapter.objects.create(
            report=report, key=draft.key, title=draft.title.nl, title_en=draft.title.en, order=draft.order
        )
        Block.objects.bulk_create(
            Block(chapter=chapter, order=(n + 1) * 10, body=text.nl, body_en=text.en)
            for n, text in enumerate(draft.blocks.get(year, ()))
        )
    return report


def _check(body: str, body_en: str) -> None:
    for field, text in (("body", body), ("body_en", body_en)):
        errors = content.problems(text)
        if errors:
            raise Refused(errors, field=field)


@transaction.atomic
def save_block(
    chapter: Chapter,
    *,
    block: Block | None = None,
    kind: str = Block.Kind.TEKST,
    body: str,
    body_en: str = "",
    speaker: str = "",
    speaker_role: str = "",
    order: int | None = None,
) -> Block:
    """Add a block to ``chapter`` or change ``block``; refused when a placeholder names no registered figure."""
    if not body.strip():
        raise Refused(_("Een blok heeft tekst nodig."), field="body")
    _check(body, body_en)
    if block is None:
        last = chapter.blocks.aggregate(last=Max("order"))["last"] or 0
        block = Block(chapter=chapter, order=order if order is not None else last + 10)
    elif order is not None:
        block.order = order
    block.kind, block.body, block.body_en = kind, body, body_en
    block.speaker, block.speaker_role = speaker, speaker_role
    block.save()
    return block


def _stored(value: registry.FigureValue) -> tuple[Decimal | None, list | None]:
    rows = None
    if value.rows is not None:
        rows = [{"label": r.label, "value": str(r.value), "detail": r.detail, "url": r.url} for r in value.rows]
    return (None if value.number is None else Decimal(str(value.number))), rows


def _placeholders(chapters: list[dict]) -> list[content.Placeholder]:
    return [
        placeholder
        for chapter in chapters
        for block in chapter["blocks"]
        for text in (block["body"], block["body_en"])
        for placeholder in content.parse(text)[0]
    ]


@transaction.atomic
def publish(report: Report, *, by: Account | None, note: str = "") -> Publication:
    """Freeze the report: its text and the value of every registered figure for its year, computed now. A new
    version of a published report needs a change note, so readers learn what changed."""
    report = Report.objects.select_for_update().get(pk=report.pk)  # two editors publishing at once: one waits
    last = report.publications.aggregate(last=Max("version"))["last"] or 0
    note = note.strip()
    if last and not note:
        raise Refused(_("Geef bij een nieuwe versie aan wat er is gewijzigd."), field="note")
    publication = Publication.objects.create(
        report=report,
        version=last + 1,
        published_at=timezone.now(),
        published_by=by,
        note=note,
        content=content_of(report),
    )
    # Every figure for the year, and the year before for the figures the text compares with it (|vorig_jaar)
    wanted = [(figure, report.year) for figure in registry.figures]
    earlier = {p.key for p in _placeholders(publication.content) if p.year_offset}
    wanted += [(registry.figures[key], report.year - 1) for key in sorted(earlier) if key in registry.figures]
    values = []
    with registry.computing():
        for order, (figure, year) in enumerate(wanted):
            number, rows = _stored(figure.value(year))
            values.append(
                PublishedValue(
                    publication=publication,
                    key=figure.key,
                    year=year,
                    unit=str(figure.unit),
                    number=number,
                    rows=rows,
                    label={"nl": figure.label.nl, "en": figure.label.en},
                    definition={"nl": figure.definition.nl, "en": figure.definition.en},
                    order=order,
                )
            )
    PublishedValue.objects.bulk_create(values)
    return publication
