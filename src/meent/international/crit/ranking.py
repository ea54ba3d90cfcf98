"""Which experts fit a question, best first, and why. A pure function over plain values, so the ranking can be
tested on a known pool and explained on the page without touching the database."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

TOPIC_POINTS = 3  # the expertise matters most: a fluent expert on the wrong subject helps no one
LANGUAGE_POINTS = 2
AVAILABLE_POINTS = 2
LOAD_PENALTY = 1  # per open question the expert already has


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    expertise: frozenset[str]
    languages: frozenset[str]
    windows: tuple[tuple[datetime.date, datetime.date], ...]
    load: int  # open questions assigned to the expert


@dataclass(frozen=True)
class Need:
    topic: str
    language: str


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: int
    reasons: tuple[str, ...]


def is_available(candidate: Candidate, today: datetime.date) -> bool:
    return any(start <= today <= end for start, end in candidate.windows)


def rank(pool: list[Candidate], need: Need, today: datetime.date) -> list[Ranked]:
    """Every candidate with a score and its reasons, highest score first; ties by lower load, then name."""
    ranked = []
    for candidate in pool:
        score, reasons = 0, []
        if need.topic in candidate.expertise:
            score += TOPIC_POINTS
            reasons.append(_("expertise in dit thema"))
        else:
            reasons.append(_("geen expertise in dit thema"))
        if need.language in candidate.languages:
            score += LANGUAGE_POINTS
            reasons.append(_("spreekt de taal van de vraag"))
        else:
            reasons.append(_("spreekt de taal van de vraag niet"))
        if is_available(candidate, today):
            score += AVAILABLE_POINTS
            reasons.append(_("nu beschikbaar"))
        else:
            reasons.append(_("nu niet beschikbaar"))
        if candidate.load:
            score -= LOAD_PENALTY * candidate.load
            reasons.append(_("%(n)d open vraag/vragen") % {"n": candidate.load})
        else:
            reasons.append(_("geen open vragen"))
        ranked.append(Ranked(candidate, score, tuple(reasons)))
    return sorted(ranked, key=lambda r: (-r.score, r.candidate.load, r.candidate.name))
