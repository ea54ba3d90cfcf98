"""From a block's Markdown to safe HTML, with the report's placeholders filled in.

Placeholders (``{{ … }}``) name a registered figure by key:

- ``{{ connect.congressen_digitaal }}`` — the value inline, linked to the figure's definition;
- ``{{ kaart ibd.incidenten }}`` / ``{{ kaart ibd.incidenten "incidenten met een hulpvraag" }}`` — a figure card
  (big number and a text; without a text, the figure's label);
- ``{{ grafiek connect.top_congressen }}`` — a list figure as a bar chart (server-rendered SVG) with its table;
- ``{{ tabel connect.top_trainingen }}`` — a list figure as a table;
- filters, also chained: ``|label`` (the figure's name), ``|definitie``, ``|vorig_jaar`` (the value of the year
  before, for "grew from 40 to 51") and ``|afgerond`` (to a whole number: "an average of 8").

The Markdown is rendered first with each placeholder replaced by a marker of letters and digits (which Markdown
leaves alone), sanitised with nh3, and only then are the markers replaced by the HTML this module writes itself:
an author can never put raw HTML on the page, and a figure's own text is escaped like any other value.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

import nh3
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from meent.core.registry import FigureValue, Row, Text, Unit, figures

FORMS = ("kaart", "grafiek", "tabel")
FILTERS = ("label", "definitie", "vorig_jaar", "afgerond")
ANY_PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.S)
PLACEHOLDER = re.compile(
    r"""^\s*(?:(?P<form>kaart|grafiek|tabel)\s+)?(?P<key>[a-z][a-z0-9_]*\.[a-z0-9_]+)
    (?P<filters>(?:\s*\|\s*[a-z_]+)*)(?:\s+"(?P<text>[^"{}]*)")?\s*$""",
    re.X,
)
MARKER = "ZZMEENTFIGUUR{}ZZ"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@dataclass(frozen=True)
class Placeholder:
    form: str  # "" (inline), "kaart", "grafiek", "tabel"
    key: str
    text: str = ""
    filters: tuple[str, ...] = ()

    @classmethod
    def of(cls, match: re.Match) -> "Placeholder":
        filters = tuple(f.strip() for f in match["filters"].split("|") if f.strip())
        return cls(match["form"] or "", match["key"], match["text"] or "", filters)

    @property
    def year_offset(self) -> int:
        return -1 if "vorig_jaar" in self.filters else 0


def parse(source: str) -> tuple[list[Placeholder], list[str]]:
    """The placeholders in ``source``, and a sentence for each that is not one the report understands."""
    found, errors = [], []
    for match in ANY_PLACEHOLDER.finditer(source):
        parsed = PLACEHOLDER.match(match.group(1))
        placeholder = Placeholder.of(parsed) if parsed else None
        if placeholder is None or any(f not in FILTERS for f in placeholder.filters):
            errors.append(
                _("“%(text)s” is geen geldige plaatsaanduiding (filters: %(filters)s).")
                % {"text": match.group(0), "filters": ", ".join(FILTERS)}
            )
            continue
        found.append(placeholder)
    return found, errors


def problems(source: str, known: Callable[[str], bool] | None = None) -> list[str]:
    """Why ``source`` cannot be saved: placeholders that are malformed or name no registered figure. The message
    lists the valid keys, so an author sees at once what was meant."""
    known = known or (lambda key: key in figures)
    placeholders, errors = parse(source)
    unknown = sorted({p.key for p in placeholders if not known(p.key)})
    if unknown:
        errors.append(
            _("Onbekende cijfers: %(unknown)s. Geldige sleutels: %(valid)s.")
            % {"unknown": ", ".join(unknown), "valid": ", ".join(figures.keys())}
        )
    return errors


# Sources of values: the live registry, or a publication's frozen values ---------------------------------------


@dataclass(frozen=True)
class Entry:
    """What the report shows of one figure: its value, name, definition and whether it lists its records."""

    value: FigureValue
    label: Text
    definition: Text
    traceable: bool


class LiveSource:
    """Figures computed now, from the records (call inside ``registry.computing()``)."""

    def __init__(self, year: int):
        self.year = year
        self._cache: dict[str, Entry] = {}

    def get(self, key: str, offset: int = 0) -> Entry | None:
        if key not in figures:
            return None
        if (key, offset) not in self._cache:
            figure = figures[key]
            value = figure.value(self.year + offset)
            self._cache[key, offset] = Entry(value, figure.label, figure.definition, figure.records is not None)
        return self._cache[key, offset]


class FrozenSource:
    """The values stored with a publication; a figure registered after it was published has no data there."""

    def __init__(self, year: int, values):
        self.year = year
        self._values = values
        self._entries: dict | None = None  # read on first use: a cached page needs none of them

    def get(self, key: str, offset: int = 0) -> Entry | None:
        if self._entries is None:
            self._entries = {(value.key, value.year): frozen_entry(value) for value in self._values}
        if (key, self.year + offset) in self._entries:
            return self._entries[key, self.year + offset]
        if key in figures:  # registered after publishing: that publication has no value for it
            figure = figures[key]
            return Entry(FigureValue(key, self.year + offset, figure.unit), figure.label, figure.definition, False)
        return None


def frozen_entry(value) -> Entry:
    rows = None
    if value.rows is not None:
        rows = tuple(Row(r["label"], _number(r["value"]), r.get("detail", ""), r.get("url", "")) for r in value.rows)
    number = None if value.number is None else _number(value.number)
    figure_value = FigureValue(value.key, value.year, Unit(value.unit), number=number, rows=rows)
    traceable = value.key in figures and figures[value.key].records is not None
    return Entry(figure_value, Text(**value.label), Text(**value.definition), traceable)


def _number(value) -> int | Decimal:
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else number.normalize()


# Rendering -------------------------------------------------------------------------------------------------------


def definition_url(key: str) -> str:
    return reverse("jaarverslag:figure", args=[key])


def records_url(key: str, year: int) -> str:
    return reverse("jaarverslag:figure-records", args=[key, year])


class Renderer:
    """Renders blocks for one report; numbers ids of captions so that they are unique on the page."""

    def __init__(self, source):
        self.source = source
        self._ids = 0

    def _id(self, prefix: str) -> str:
        self._ids += 1
        return f"{prefix}-{self._ids}"

    def markdown(self, text: str) -> SafeString:
        placeholders: list[Placeholder] = []

        def mark(match: re.Match) -> str:
            parsed = PLACEHOLDER.match(match.group(1))
            if parsed is None:
                return match.group(0)
            placeholders.append(Placeholder.of(parsed))
            return MARKER.format(len(placeholders) - 1)

        marked = ANY_PLACEHOLDER.sub(mark, text)
        html = nh3.clean(_markdown.render(marked), link_rel="noopener noreferrer")
        html = re.sub(r"<(/?)h([1-4])>", lambda m: f"<{m[1]}h{int(m[2]) + 2}>", html)  # chapters are h2
        for index, placeholder in enumerate(placeholders):
            marker = MARKER.format(index)
            rendered = self.placeholder(placeholder)
            if placeholder.form:  # a card, chart or table stands on its own, not inside a paragraph
                html = html.replace(f"<p>{marker}</p>", rendered)
            html = html.replace(marker, rendered)
        return mark_safe(html)

    def _value_html(self, key: str, entry: Entry) -> str:
        text = str(entry.value)
        return format_html(
            '<a class="meent-cijfer" href="{}?jaar={}">{}</a>', definition_url(key), entry.value.year, text
        )

    def placeholder(self, placeholder: Placeholder) -> str:
        entry = self.source.get(placeholder.key, placeholder.year_offset)
        if entry is None:
            return escape(_("geen gegevens"))
        if "label" in placeholder.filters:
            return escape(str(entry.label))
        if "definitie" in placeholder.filters:
            return escape(str(entry.definition))
        if "afgerond" in placeholder.filters and entry.value.number is not None:
            whole = Decimal(entry.value.number).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            entry = replace(entry, value=replace(entry.value, number=int(whole)))
        if placeholder.form == "kaart":
            return self.card(placeholder.key, entry, placeholder.text)
        if placeholder.form in ("grafiek", "tabel"):
            return self.rows(placeholder.key, entry, chart=placeholder.form == "grafiek")
        return self._value_html(placeholder.key, entry)

    def card(self, key: str, entry: Entry, text: str = "") -> str:
        return format_html(
            '<div class="meent-kaart"><p class="meent-kaart__getal">{}</p><p class="meent-kaart__tekst">{}</p></div>',
            mark_safe(self._value_html(key, entry)),
            text or str(entry.label),
        )

    def rows(self, key: str, entry: Entry, *, chart: bool) -> str:
        value = entry.value
        caption_id = self._id("tabel")
        label = str(entry.label)
        if not value.rows:
            return format_html(
                '<p class="meent-kaart__tekst"><strong>{}</strong>: {}</p>',
                label,
                str(value) if value.rows is None else _("geen gegevens"),
            )
        body = "".join(
            format_html(
                '<tr class="utrecht-table__row"><td class="utrecht-table__cell">{}</td>'
                '<th class="utrecht-table__header-cell" scope="row">{}</th>'
                '<td class="utrecht-table__cell utrecht-table__cell--numeric">{}</td></tr>',
                n,
                row.label + (f" ({row.detail})" if row.detail else ""),
                _format(row.value, value.unit),
            )
            for n, row in enumerate(value.rows, start=1)
        )
        link = format_html(' <a href="{}?jaar={}">{}</a>', definition_url(key), value.year, _("definitie"))
        table = format_html(
            '<div class="utrecht-table-container" role="region" aria-labelledby="{}" tabindex="0">'
            '<table class="utrecht-table utrecht-table--html-table"><caption class="utrecht-table__caption" id="{}">'
            '{}{}</caption><thead class="utrecht-table__header"><tr class="utrecht-table__row">'
            '<th class="utrecht-table__header-cell" scope="col">#</th>'
            '<th class="utrecht-table__header-cell" scope="col">{}</th>'
            '<th class="utrecht-table__header-cell" scope="col">{}</th></tr></thead>'
            '<tbody class="utrecht-table__body">{}</tbody></table></div>',
            caption_id,
            caption_id,
            label,
            mark_safe(link),
            _("Naam"),
            _("Aantal"),
            mark_safe(body),
        )
        if not chart:
            return table
        return format_html(
            '<figure class="meent-grafiek">{}{}</figure>', bar_chart(label, value.rows, value.unit), table
        )


def _format(number, unit: Unit) -> str:
    return str(FigureValue("", 0, unit, number=number))


def bar_chart(title: str, rows: tuple[Row, ...], unit: Unit) -> SafeString:
    """A horizontal bar chart as inline SVG: vector in the PDF, readable without JavaScript. The table after it
    carries the same numbers for screen readers (the chart is one image with a title)."""
    width, label_height, bar_height, gap = 640, 18, 18, 12
    top = max((float(row.value) for row in rows), default=0) or 1
    step = label_height + bar_height + gap
    height = step * len(rows)
    parts = []
    for n, row in enumerate(rows):
        y = n * step
        length = max(1.0, (width - 80) * float(row.value) / top)
        parts.append(
            format_html(
                '<text x="0" y="{}" class="meent-grafiek__label" font-size="12">{}</text>'
                '<rect x="0" y="{}" width="{}" height="{}" class="meent-grafiek__staaf" fill="#00566b"/>'
                '<text x="{}" y="{}" class="meent-grafiek__waarde" font-size="12">{}</text>',
                y + 13,
                row.label,
                y + label_height,
                f"{length:.1f}",
                bar_height,
                f"{length + 6:.1f}",
                y + label_height + 14,
                _format(row.value, unit),
            )
        )
    return format_html(
        '<svg class="meent-grafiek__svg" role="img" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        width,
        height,
        title,
        mark_safe("".join(parts)),
    )


def block_html(renderer: Renderer, block: dict) -> SafeString:
    """One block (a dict as stored in a publication) in the active language."""
    english = (translation.get_language() or "nl").startswith("en")
    text = block.get("body_en") if english and block.get("body_en") else block["body"]
    html = renderer.markdown(text)
    speaker = ", ".join(part for part in (block.get("speaker"), block.get("speaker_role")) if part)
    if block.get("kind") == "citaat":
        return format_html(
            '<blockquote class="meent-citaat">{}{}</blockquote>',
            html,
            format_html('<footer class="meent-citaat__bron">— {}</footer>', speaker) if speaker else "",
        )
    if block.get("kind") == "interview":
        return format_html(
            '<section class="meent-interview"><p class="meent-interview__rubriek">{}</p>{}{}</section>',
            _("Mensenwerk"),
            format_html('<p class="meent-interview__wie">{}</p>', speaker) if speaker else "",
            html,
        )
    return format_html('<div class="meent-blok">{}</div>', html)
