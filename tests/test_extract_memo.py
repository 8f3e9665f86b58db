"""Remembered per-sentence results are what computing them afresh gives."""

from __future__ import annotations

from generator.extract.event_dates import _phrases, find_phrases
from generator.extract.events import _triggers, event_types, find_triggers
from generator.extract.memo import per_sentence
from generator.knowledge import Knowledge

SENTENCES = (
    "Azerbaijan on Wednesday rebuffed a French Senate resolution.",
    "In April 2023, Fiji recalled its ambassador from Niger after weeks of tension.",
    "The ministry did not respond to a request for comment on the details of the plan.",
    "Two days ago the leaders met in Baku and signed a ceasefire.",
    "",
)


def test_a_sentence_is_computed_once_per_setting() -> None:
    calls: list[tuple[str, object]] = []

    @per_sentence
    def length(sentence: str, setting: object) -> int:
        calls.append((sentence, setting))
        return len(sentence)

    first, second = object(), object()
    assert [length("abc", first), length("abc", first), length("de", first)] == [3, 3, 2]
    assert calls == [("abc", first), ("de", first)]
    assert length("abc", second) == 3  # another setting: computed again
    assert length("abc", first) == 3
    assert calls[2:] == [("abc", second), ("abc", first)]


def test_remembered_triggers_and_phrases_are_fresh_ones(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    for _ in range(2):  # the second round reads what the first remembered
        for sentence in SENTENCES:
            assert find_triggers(sentence, types) == list(_triggers.__wrapped__(sentence, types))  # type: ignore[attr-defined]
            phrases = _phrases.__wrapped__(sentence, knowledge.language)  # type: ignore[attr-defined]
            assert find_phrases(sentence, knowledge.language) == list(phrases)
    assert any(find_triggers(s, types) for s in SENTENCES)
    assert any(find_phrases(s, knowledge.language) for s in SENTENCES)


def test_callers_get_their_own_lists(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    sentence = SENTENCES[0]
    find_triggers(sentence, types).clear()
    find_phrases(sentence, knowledge.language).clear()
    assert find_triggers(sentence, types)
    assert find_phrases(sentence, knowledge.language)
