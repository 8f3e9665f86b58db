"""Quotes are attributed to the actor the text says speaks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.actors import find_actors
from generator.extract.names import fold
from generator.knowledge import Knowledge
from tests.actorscore import forms_by_actor, load_yaml, read_article

CORPUS = Path(__file__).resolve().parent / "corpus"


def quotes(knowledge: Knowledge, *sentences: str) -> dict[str, str]:
    """Return {first words of the quote: speaker id}."""
    return {q.text[:20]: q.actor_id for q in find_actors(sentences, knowledge)[1]}


def test_said_a_statement_from(knowledge: Knowledge) -> None:
    found = quotes(
        knowledge,
        'The resolution was "completely far from the truth," said a statement from the'
        " Azerbaijani Foreign Ministry.",
    )
    assert found == {"completely far from ": "azerbaijan-foreign-ministry"}


def test_wrote_title_and_name(knowledge: Knowledge) -> None:
    found = quotes(
        knowledge,
        '"Armenia occupied the territory of Azerbaijan for 30 years," wrote Azerbaijan\'s'
        " Ambassador to France Leyla Abdullayeva on Twitter.",
    )
    assert set(found.values()) == {"leyla-abdullayeva"}


def test_the_ministry_said(knowledge: Knowledge) -> None:
    found = quotes(
        knowledge,
        "The Azerbaijani Foreign Ministry summoned the envoy.",
        '"This resolution only undermines the process," the ministry said.',
    )
    assert set(found.values()) == {"azerbaijan-foreign-ministry"}


def test_pronoun_continues_the_last_speaker(knowledge: Knowledge) -> None:
    found = quotes(
        knowledge,
        'Chancellor Olga Brandt said "the plan is sound and fair to all."',
        '"We will not change course," she added.',
    )
    assert set(found.values()) == {"olga-brandt"}


def test_quote_over_two_sentences_is_one(knowledge: Knowledge) -> None:
    found = find_actors(
        ['"We have waited for years.', 'Today we can work," activist Rosa Mbeki said.'],
        knowledge,
    )[1]
    assert [(q.actor_id, q.text) for q in found] == [
        ("rosa-mbeki", "We have waited for years. Today we can work")
    ]


def test_scare_quote_word_has_no_speaker(knowledge: Knowledge) -> None:
    assert quotes(knowledge, 'The so-called "republic" held a vote.') == {}


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.expected.yaml")), ids=lambda p: p.stem)
def test_corpus_quotes(case: Path, knowledge: Knowledge) -> None:
    """Most quotes of each answer key are found with the right speaker."""
    expected = load_yaml(case).get("quotes") or []
    article = read_article(case.with_name(case.name.replace(".expected.yaml", ".txt")), knowledge)
    forms = forms_by_actor(article, knowledge)
    right = 0
    for want in expected:
        start = fold(want["text_start"])
        for quote in article.quotes:
            if fold(quote.text).startswith(start) and fold(want["speaker"]) in forms.get(
                quote.actor_id, set()
            ):
                right += 1
                break
    assert right >= 0.6 * len(expected), [(q.actor_id, q.text[:30]) for q in article.quotes]
