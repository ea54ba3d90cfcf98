"""The keyed registries through which modules plug into the platform: figures, home-page panels,
gemeente 360° sections ("Mijn gemeente"), annual-report chapters and navigation entries.

Each app may have a ``figures.py``, ``panels.py`` (panels and gemeente sections), ``chapters.py`` and
``navigation.py``; ``CoreConfig.ready()`` imports them all with Django's ``autodiscover_modules``, and each
registers its items here at import time::

    from meent.core.registry import Figure, Unit, figures

    figures.register(Figure(key="connect.congressen", label=Text("Congressen", "Congresses"), ...))

Core never imports a module: it only iterates over what the modules registered. Every item has a stable key
(dotted, starting with the module's name) and an explicit ``order``; registering a key twice raises
:class:`AlreadyRegistered`, so two modules can never silently replace each other's item. Iteration is by
(order, key), whatever the order of ``INSTALLED_APPS``.
"""

import datetime
import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext


class AlreadyRegistered(Exception):
    pass


class Keyed(Protocol):
    key: str
    order: int


T = TypeVar("T", bound=Keyed)


class Registry(Generic[T]):
    """Items by key; iterated in (order, key) order."""

    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        if item.key in self._items:
            raise AlreadyRegistered(f"{self.kind} {item.key!r} is already registered")
        self._items[item.key] = item
        return item

    def __getitem__(self, key: str) -> T:
        return self._items[key]

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items.values(), key=lambda item: (item.order, item.key)))

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> list[str]:
        return [item.key for item in self]


# Figures -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text in Dutch and English. Figures carry both: the annual report and its API publish either language,
    and a frozen publication keeps both."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.en if (translation.get_language() or "nl").startswith("en") else self.nl


class Unit(StrEnum):
    AANTAL = "aantal"
    EURO = "euro"
    PROCENT = "procent"
    CIJFER = "cijfer"  # a grade from 1 to 10
    DAGEN = "dagen"
    UREN = "uren"  # business hours


Number = int | Decimal


@dataclass(frozen=True)
class Row:
    """One line of a list figure (a top 5): what it names, its number, a detail and where it links to."""

    label: str
    value: Number
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class Record:
    """One record a count figure counts: what it is, and where the user can open it (or "")."""

    label: str
    url: str = ""
    detail: str = ""


@dataclass(frozen=True)
class FigureValue:
    """A figure's value for one year: a number, rows (for a list figure), or no data. No data is never 0."""

    key: str
    year: int
    unit: Unit
    number: Number | None = None
    rows: tuple[Row, ...] | None = None

    @property
    def has_data(self) -> bool:
        return self.number is not None or self.rows is not None

    def __str__(self) -> str:
        if self.rows is not None:
            return ", ".join(row.label for row in self.rows)
        if self.number is None:
            return gettext("geen gegevens")
        number = self.number
        if isinstance(number, Decimal):  # averages and percentages: rounded to one decimal (Django would cut off)
            number = number.quantize(Decimal("0.1"))
        if self.unit == Unit.EURO:
            return _euro(number)
        text = formats.number_format(number, use_l10n=True, force_grouping=True)
        return f"{text}%" if self.unit == Unit.PROCENT else text


def _euro(number: Number) -> str:
    """``€ 1.250`` and, from a million, ``€ 23,4 miljoen`` (``€ 23.4 million`` in English), as annual reports do."""
    if abs(number) < 1_000_000:
        return f"€ {formats.number_format(number, use_l10n=True, force_grouping=True)}"
    millions = (Decimal(number) / 1_000_000).quantize(Decimal("0.1"))
    if millions == millions.to_integral_value():
        millions = millions.quantize(Decimal(1))
    word = "million" if (translation.get_language() or "nl").startswith("en") else "miljoen"
    return f"€ {formats.number_format(millions, use_l10n=True, force_grouping=True)} {word}"


_batch: ContextVar[dict | None] = ContextVar("figure_batch", default=None)


@contextmanager
def computing() -> Iterator[None]:
    """Figures computed together (a module's figures page, a whole report) share the results of :func:`shared`
    helpers and of ``years()``; outside such a block nothing is kept, so no value outlives its request."""
    token = _batch.set({}) if _batch.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _batch.reset(token)


def shared(func: Callable) -> Callable:
    """For a module's helper that several figures call with the same arguments (one query giving a table from
    which three figures take a cell): inside :func:`computing` it runs once per set of arguments."""

    @functools.wraps(func)
    def wrapper(*args):
        memo = _batch.get()
        if memo is None:
            return func(*args)
        key = (func, args)
        if key not in memo:
            memo[key] = func(*args)
        return memo[key]

    return wrapper


@shared
def _years_of(years: Callable[[], Iterable[int]]) -> frozenset[int]:
    return frozenset(years())


@dataclass(frozen=True)
class Figure:
    """A key figure computed from the records, never typed in.

    ``compute(year)`` returns a number, a list of :class:`Row` (a list figure), or ``None`` when there is nothing
    to count; it is only called for a year in ``years()``: for any other year the figure has no data.

    ``records(year, user)`` (for a count) lists the records the figure counts, as far as ``user`` may see them:
    for a user who may see them all, the list is exactly as long as the number. ``None`` for figures that are not
    a count of records (averages, sums of money); the report then links only to the definition.
    """

    key: str  # "connect.congressen_digitaal": the module's name, a dot, a Dutch name
    label: Text
    definition: Text  # what is counted, from which records
    unit: Unit
    years: Callable[[], Iterable[int]]
    compute: Callable[[int], Number | list[Row] | None]
    order: int = 0
    records: Callable[[int, object], list[Record]] | None = None  # (year, leden.models.Account)

    @property
    def module(self) -> str:
        return self.key.split(".", 1)[0]

    def value(self, year: int) -> FigureValue:
        result = self.compute(year) if year in _years_of(self.years) else None
        if isinstance(result, list):
            return FigureValue(self.key, year, self.unit, rows=tuple(result))
        return FigureValue(self.key, year, self.unit, number=result)


class FigureRegistry(Registry[Figure]):
    def register(self, item: Figure) -> Figure:
        if "." not in item.key:
            raise ValueError(f"figure key {item.key!r} must start with its module's name and a dot")
        return super().register(item)

    def of_module(self, module: str) -> list[Figure]:
        return [figure for figure in self if figure.module == module]

    def years(self, module: str) -> list[int]:
        """The years any figure of ``module`` exists for, oldest first."""
        with computing():
            return sorted({year for figure in self.of_module(module) for year in _years_of(figure.years)})

    def values(self, module: str, year: int) -> dict[str, FigureValue]:
        """``module``'s figures for ``year`` by the part of their key after the dot (for templates)."""
        with computing():
            return {figure.key.split(".", 1)[1]: figure.value(year) for figure in self.of_module(module)}


# Panels --------------------------------------------------------------------------------------------------------


class Page(StrEnum):
    HOME = "home"


@dataclass(frozen=True)
class Panel:
    """A block on a page. ``render(request)`` returns the panel's context — "title", "template" and what that
    template needs — or ``None`` when the panel has nothing for this visitor."""

    key: str
    page: Page
    render: Callable[[HttpRequest], dict | None]
    order: int = 0


def _rendered(contexts: Iterable[dict | None]) -> list[dict]:
    """The contexts of the items that have something for this visitor (an item answers ``None`` when not)."""
    return [context for context in contexts if context]


class PanelRegistry(Registry[Panel]):
    def for_page(self, page: Page, request: HttpRequest) -> list[dict]:
        return _rendered(panel.render(request) for panel in self if panel.page == page)


@dataclass(frozen=True)
class GemeenteSection:
    """A module's section of the gemeente 360° page — "Mijn gemeente" for a gemeente account, the gemeente's page
    for staff. ``render(request, gemeente)`` returns the section's context — "title", "template", "url" (the full
    list, or "") and what the template needs — restricted to what ``request.user`` may see of that gemeente, or
    ``None`` when the module has nothing of that gemeente for this viewer. The page itself decides who may look
    at which gemeente; a section never widens that."""

    key: str
    render: Callable[[HttpRequest, object], dict | None]  # (request, leden.models.Gemeente)
    order: int = 0


class GemeenteSectionRegistry(Registry[GemeenteSection]):
    def for_gemeente(self, request: HttpRequest, gemeente: object) -> list[dict]:
        return _rendered(section.render(request, gemeente) for section in self)


# Report chapters -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChapterDraft:
    """A module's chapter of the annual report, as the demo (and a new report) starts it: a title and, per year,
    Markdown blocks in Dutch and English that place figures by key (``{{ connect.congressen_digitaal }}``).
    Communications staff edit the chapter afterwards; the draft only seeds it."""

    key: str  # the module's name: "connect", "international"
    title: Text
    blocks: dict[int, tuple[Text, ...]]  # year -> Markdown blocks
    order: int = 0


# Navigation ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the main menu. Entries with the same ``group`` (a module's name) fold into one drop-down when a
    user sees more than one of them, so the menu stays one line for staff with many roles."""

    key: str
    url_name: str
    label: str  # lazily translated
    permission: str
    order: int = 0
    group: str = ""  # lazily translated; "" is a link of its own


class NavigationRegistry(Registry[NavigationEntry]):
    def for_request(self, request: HttpRequest) -> list[dict]:
        """The menu as groups in the order of their first entry: ``{"label", "current", "links"}``, each link
        ``{"url", "label", "current"}``. A group with one link the template shows as that link."""
        user = request.user
        groups: dict[str, dict] = {}
        for entry in self:
            if not user.has_perm(entry.permission):
                continue
            url = reverse(entry.url_name)
            link = {"url": url, "label": entry.label, "current": request.path.startswith(url)}
            name = str(entry.group) if entry.group else entry.key
            group = groups.setdefault(name, {"label": entry.group, "current": False, "links": []})
            group["links"].append(link)
            group["current"] = group["current"] or link["current"]
        return list(groups.values())


# Events ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRef:
    """An event as another module links to it: what, when, and where it is opened (the events module's page)."""

    title: str
    starts_at: datetime.datetime
    kind: str
    url: str


@dataclass(frozen=True)
class EventSource:
    """A module that holds events (Connect). ``for_organiser(organisation_pk)`` returns the events an organisation
    commissions, so a module shows its meetings and trainings without building them twice or importing Connect."""

    key: str
    for_organiser: Callable[[int], list[EventRef]]
    order: int = 0


class EventSourceRegistry(Registry[EventSource]):
    def for_organiser(self, organisation_pk: int) -> list[EventRef]:
        events = [event for source in self for event in source.for_organiser(organisation_pk)]
        return sorted(events, key=lambda event: event.starts_at)


figures = FigureRegistry("figure")
panels = PanelRegistry("panel")
gemeente_sections = GemeenteSectionRegistry("gemeente section")
chapters: Registry[ChapterDraft] = Registry("report chapter")
navigation = NavigationRegistry("navigation entry")
event_sources = EventSourceRegistry("event source")


__all__ = [
    "AlreadyRegistered",
    "ChapterDraft",
    "EventRef",
    "EventSource",
    "Figure",
    "FigureValue",
    "GemeenteSection",
    "NavigationEntry",
    "Page",
    "Panel",
    "Record",
    "Registry",
    "Row",
    "Text",
    "Unit",
    "chapters",
    "computing",
    "event_sources",
    "figures",
    "gemeente_sections",
    "navigation",
    "panels",
    "shared",
]
