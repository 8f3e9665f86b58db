"""Actors on twelve articles written blind (before tuning) about other stories and regions.

Measured when written: recall 0.689, precision 0.846 before the general rules of this pass;
0.923 and 0.944 after. The thresholds below are what the finder honestly reaches, with a margin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.names import fold
from generator.knowledge import Knowledge
from tests.actorscore import Score, load_yaml, read_article, score_by_name

BLIND = Path(__file__).resolve().parent / "cases" / "actors_blind"
CASES = sorted(BLIND.glob("*.expected.yaml"))
RECALL, PRECISION = 0.9, 0.9  # over all article-actor pairs of the blind set
ARTICLE_RECALL, ARTICLE_PRECISION = 0.7, 0.7  # the weakest articles: provinces, NGO branches
NOT_ACTOR_HITS = 2


def _score(case: Path, knowledge: Knowledge) -> tuple[Score, list[str], list[str]]:
    text = case.with_name(case.name.replace(".expected.yaml", ".txt"))
    return score_by_name(read_article(text, knowledge), load_yaml(case)["actors"], knowledge)


def test_blind_set_has_twelve_articles() -> None:
    assert len(CASES) == 12


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_blind_article_actors(case: Path, knowledge: Knowledge) -> None:
    score, missed, extras = _score(case, knowledge)
    assert score.recall >= ARTICLE_RECALL, missed
    assert score.precision >= ARTICLE_PRECISION, extras


def test_blind_not_actors_stay_out(knowledge: Knowledge) -> None:
    hits = []
    for case in CASES:
        text = case.with_name(case.name.replace(".expected.yaml", ".txt"))
        surfaces = {fold(m.surface) for m in read_article(text, knowledge).actor_mentions}
        hits += sorted(surfaces & {fold(n) for n in load_yaml(case).get("not_actors") or ()})
    # Known misses, honestly: "the General Court in Luxembourg" (a country after "in" counts
    # as named) and "its Contingency Fund for Emergencies" (a fund, not an actor).
    assert len(hits) <= NOT_ACTOR_HITS, hits


def test_blind_recall_and_precision_over_all_pairs(knowledge: Knowledge) -> None:
    total, problems = Score(), {}
    for case in CASES:
        score, missed, extras = _score(case, knowledge)
        total.add(score)
        problems[case.name] = (missed, extras)
    assert total.recall >= RECALL, problems
    assert total.precision >= PRECISION, problems
