"""Reads of the annual report: which reports a visitor may open, a report's content (live or as published), its
figures and how the live figures now differ from the published ones."""

from dataclasses import dataclass

from django.db.models import QuerySet

from meent.core import registry
from meent.jaarverslag.content import Entry, FrozenSource, LiveSource
from meent.jaarverslag.models import Publication, Report
from meent.leden.models import Visitor


def reports_for(user: Visitor) -> QuerySet:
    """Published reports for everyone; drafts too for staff."""
    qs = Report.objects.prefetch_related("publications")
    if user.has_perm("jaarverslag.view_drafts"):
        return qs
    return qs.filter(publications__isnull=False).distinct()


def content_of(report: Report) -> list[dict]:
    """The live chapters and blocks, in the form a publication stores them."""
    return [
        {
            "key": chapter.key,
            "title": {"nl": chapter.title, "en": chapter.title_en or chapter.title},
            "blocks": [
                {
                    "kind": block.kind,
                    "body": block.body,
                    "body_en": block.body_en,
                    "speaker": block.speaker,
                    "speaker_role": block.speaker_role,
                }
                for block in chapter.blocks.all()
            ],
        }
        for chapter in report.chapters.prefetch_related("blocks")
    ]


@dataclass(frozen=True)
class Edition:
    """What a reader sees of a report: its content and the source of its figures (frozen or live)."""

    report: Report
    publication: Publication | None
    chapters: list[dict]
    source: LiveSource | FrozenSource

    @property
    def live(self) -> bool:
        return self.publication is None


def edition(report: Report, *, live: bool = False) -> Edition:
    """The latest publication of ``report``, or the live draft (``live``, or when nothing is published yet)."""
    publication = None if live else report.latest_publication
    if publication is None:
        return Edition(report, None, content_of(report), LiveSource(report.year))
    return Edition(report, publication, publication.content, FrozenSource(report.year, publication.values.all()))


def key_figures(report: Report, *, live: bool) -> list[dict]:
    """Every registered figure for the report's year: label, unit, definition, the value (live when ``live``,
    else as published) and the published value (``None`` when the report is not published)."""
    publication = report.latest_publication
    frozen = FrozenSource(report.year, publication.values.filter(year=report.year)) if publication else None
    live_source = LiveSource(report.year) if live or frozen is None else None
    result = []
    with registry.computing():
        for figure in registry.figures:
            published: Entry | None = frozen.get(figure.key) if frozen else None
            shown = live_source.get(figure.key) if live_source else published
            result.append(
                {
                    "key": figure.key,
                    "label": figure.label,
                    "unit": figure.unit,
                    "definition": figure.definition,
                    "value": shown.value,
                    "published": published.value if published else None,
                }
            )
    return result


def differences(report: Report) -> list[dict]:
    """Figures whose live value now differs from the latest publication's (corrections to the records since)."""
    if report.latest_publication is None:
        return []
    return [
        row
        for row in key_figures(report, live=True)
        if row["published"] is not None and _shown(row["published"]) != _shown(row["value"])
    ]


def _shown(value: registry.FigureValue) -> tuple:
    """A value as the reader sees it (rounded as printed), with the numbers of a list figure's rows."""
    return str(value), tuple(str(row.value) for row in value.rows or ())


def figure_or_none(key: str) -> registry.Figure | None:
    return registry.figures[key] if key in registry.figures else None  # noqa: SIM401 - a registry, not a dict
