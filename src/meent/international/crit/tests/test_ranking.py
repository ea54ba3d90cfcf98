"""The ranking on a known pool: what counts, in which order, and the reasons it gives."""

import datetime

from meent.international.crit.ranking import Candidate, Need, rank

TODAY = datetime.date(2020, 4, 15)
APRIL = ((datetime.date(2020, 4, 1), datetime.date(2020, 4, 30)),)
MAY = ((datetime.date(2020, 5, 1), datetime.date(2020, 5, 31)),)


def candidate(id, name, expertise=(), languages=(), windows=APRIL, load=0) -> Candidate:
    return Candidate(id, name, frozenset(expertise), frozenset(languages), windows, load)


POOL = [
    candidate(1, "Anna", {"covid"}, {"nl", "fr"}),  # topic + language + available = 7
    candidate(2, "Bram", {"covid"}, {"nl"}),  # topic + available = 5
    candidate(3, "Cas", {"covid"}, {"fr"}, load=3),  # 7 - 3 = 4
    candidate(4, "Dirk", {"communicatie"}, {"fr"}),  # language + available = 4, no open questions
    candidate(5, "Eva", {"covid"}, {"fr"}, windows=MAY),  # topic + language = 5
]


def test_the_pool_is_ranked_by_expertise_language_availability_and_load():
    ranked = rank(POOL, Need(topic="covid", language="fr"), TODAY)
    assert [(r.candidate.name, r.score) for r in ranked] == [
        ("Anna", 7),
        ("Bram", 5),
        ("Eva", 5),
        ("Dirk", 4),  # same score as Cas, but no open questions
        ("Cas", 4),
    ]


def test_each_ranking_explains_its_reasons():
    ranked = {r.candidate.name: r.reasons for r in rank(POOL, Need(topic="covid", language="fr"), TODAY)}
    assert ranked["Anna"] == (
        "expertise in dit thema",
        "spreekt de taal van de vraag",
        "nu beschikbaar",
        "geen open vragen",
    )
    assert ranked["Eva"][2] == "nu niet beschikbaar"
    assert ranked["Cas"][3] == "3 open vraag/vragen"
    assert ranked["Dirk"][0] == "geen expertise in dit thema"


def test_availability_includes_both_ends_of_a_window():
    pool = [candidate(1, "Anna", windows=APRIL)]
    assert "nu beschikbaar" in rank(pool, Need("covid", "fr"), datetime.date(2020, 4, 30))[0].reasons
    assert "nu niet beschikbaar" in rank(pool, Need("covid", "fr"), datetime.date(2020, 5, 1))[0].reasons
