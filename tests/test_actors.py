"""Actor recognition scored against hand-written answer keys: the seeds and tests/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.names import fold
from generator.knowledge import Knowledge
from tests.actorscore import Score, load_yaml, read_article, score_by_name

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"
SEED_ACTORS = load_yaml(ROOT / "tests" / "seeds.actors.yaml")
# The twelve test articles, then articles written for the actor finder about other stories.
CASES = sorted(CORPUS.glob("*.expected.yaml")) + sorted(
    (ROOT / "tests" / "cases" / "actors").glob("*.expected.yaml")
)
RECALL, PRECISION = 0.95, 0.9


def _seed_score(knowledge: Knowledge) -> tuple[Score, dict[str, tuple[set[str], set[str]]]]:
    total, errors = Score(), {}
    for stem, expected in SEED_ACTORS.items():
        found = set(read_article(SEEDS / f"{stem}.txt", knowledge).actor_ids)
        wanted = set(expected)
        total.add(Score(len(found & wanted), len(wanted - found), len(found - wanted)))
        errors[stem] = (wanted - found, found - wanted)
    return total, errors


def test_seed_actors_recall_and_precision(knowledge: Knowledge) -> None:
    score, errors = _seed_score(knowledge)
    assert score.recall >= RECALL, errors
    assert score.precision >= PRECISION, errors


@pytest.mark.parametrize("stem", sorted(SEED_ACTORS))
def test_each_seed_finds_most_of_its_actors(stem: str, knowledge: Knowledge) -> None:
    found = set(read_article(SEEDS / f"{stem}.txt", knowledge).actor_ids)
    wanted = set(SEED_ACTORS[stem])
    assert len(found & wanted) / len(wanted) >= 0.9, (wanted - found, found - wanted)


def test_seed_noise_is_never_an_actor(knowledge: Knowledge) -> None:
    noise = {"wednesday", "foreign", "twitter statement", "twitter", "karabakh", "sochi", "lachin"}
    for stem in SEED_ACTORS:
        article = read_article(SEEDS / f"{stem}.txt", knowledge)
        surfaces = {fold(m.surface) for m in article.actor_mentions}
        assert not surfaces & noise, stem
        assert not {"karabakh", "nagorno-karabakh", "sochi", "lachin"} & set(article.actor_ids)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_corpus_article_actors(case: Path, knowledge: Knowledge) -> None:
    expected = load_yaml(case)
    article = read_article(case.with_name(case.name.replace(".expected.yaml", ".txt")), knowledge)
    score, missed, extras = score_by_name(article, expected["actors"], knowledge)
    assert score.recall >= 0.85, missed
    assert score.precision >= 0.8, extras
    surfaces = {fold(m.surface) for m in article.actor_mentions}
    assert not surfaces & {fold(n) for n in expected.get("not_actors") or ()}


def test_corpus_recall_and_precision_over_all_pairs(knowledge: Knowledge) -> None:
    total, problems = Score(), {}
    for case in CASES:
        expected = load_yaml(case)
        text = case.with_name(case.name.replace(".expected.yaml", ".txt"))
        score, missed, extras = score_by_name(
            read_article(text, knowledge), expected["actors"], knowledge
        )
        total.add(score)
        problems[case.name] = (missed, extras)
    assert total.recall >= RECALL, problems
    assert total.precision >= PRECISION, problems


def test_corpus_variants_resolve_to_their_actor(knowledge: Knowledge) -> None:
    """Each variant the answer keys list (surname, capital, demonym, spelling) is one actor."""
    resolved = unresolved = 0
    misses = []
    for case in CASES:
        expected = load_yaml(case)
        text = case.with_name(case.name.replace(".expected.yaml", ".txt"))
        article = read_article(text, knowledge)
        by_surface: dict[str, set[str]] = {}
        for mention in article.actor_mentions:
            words = fold(mention.surface).split()
            for n in range(1, len(words) + 1):  # "Polish military" is a mention of "Polish"
                by_surface.setdefault(" ".join(words[:n]), set()).add(mention.actor_id)
        for actor in expected["actors"]:
            owner = by_surface.get(fold(actor["name"]), set())
            for variant in actor.get("variants") or ():
                ids = by_surface.get(fold(variant), set())
                if ids and (not owner or ids & owner):
                    resolved += 1
                else:
                    unresolved += 1
                    misses.append(f"{case.name}: {variant}")
    assert resolved / (resolved + unresolved) >= 0.8, misses
