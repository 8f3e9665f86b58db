"""Remembered per-sentence results are what computing them afresh gives."""

from __future__ import annotations

from generator.extract.events.dates import _phrases, find_phrases
from generator.extract.events.kinds import _triggers, event_types, find_triggers
from generator.extract.memo import _MISSING, Memo, forget_all, per_call, per_sentence
from generator.extract.names import actor_words, sentence_tokens, tokenize
from generator.knowledge import Knowledge

SENTENCES = (
    "Azerbaijan on Wednesday rebuffed a French Senate resolution.",
    "In April 2023, Fiji recalled its ambassador from Niger after weeks of tension.",
    "The ministry did not respond to a request for comment on the details of the plan.",
    "Two days ago the leaders met in Baku and signed a ceasefire.",
    "",
)


def test_a_sentence_read_again_is_computed_twice_per_setting_then_remembered() -> None:
    calls: list[tuple[str, object]] = []

    @per_sentence
    def length(sentence: str, setting: object) -> int:
        calls.append((sentence, setting))
        return len(sentence)

    first, second = object(), object()
    assert [length("abc", first) for _ in range(4)] == [3, 3, 3, 3]
    assert calls == [("abc", first), ("abc", first)]  # noted once, kept from the second time
    assert length("de", first) == 2
    assert [length("abc", second) for _ in range(3)] == [3, 3, 3]  # another setting: afresh
    assert calls[2:] == [("de", first), ("abc", second), ("abc", second)]


def test_a_call_made_again_is_remembered_by_its_arguments() -> None:
    calls: list[tuple[int, int]] = []

    @per_call
    def add(a: int, b: int) -> int:
        calls.append((a, b))
        return a + b

    assert [add(1, 2), add(1, 2), add(1, 2), add(2, 1), add(1, 2)] == [3, 3, 3, 3, 3]
    assert calls == [(1, 2), (1, 2), (2, 1)]


def test_memory_keeps_only_keys_asked_for_again() -> None:
    memo: Memo[str, int] = Memo()
    memo.put("once", 1)
    assert memo.get("once") is _MISSING
    memo.put("once", 1)
    assert memo.get("once") == 1
    assert list(memo.results) == ["once"]


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


def test_remembered_tokens_are_fresh_ones() -> None:
    suffixes = actor_words().suffixes
    for _ in range(3):  # the later rounds read what the second remembered
        for sentence in (*SENTENCES, "A Russian-brokered truce held in Kyiv's east."):
            assert sentence_tokens(sentence, suffixes) == tokenize(sentence, suffixes)
    tokens = sentence_tokens(SENTENCES[0], suffixes)
    tokens.clear()
    assert sentence_tokens(SENTENCES[0], suffixes) == tokenize(SENTENCES[0], suffixes)


def test_forget_all_forgets_what_was_remembered() -> None:
    calls: list[str] = []

    @per_call
    def echo(text: str) -> str:
        calls.append(text)
        return text

    for _ in range(3):
        echo("a")
    forget_all()
    for _ in range(2):
        echo("a")
    assert calls == ["a", "a", "a", "a"]  # read twice before it is kept, each time
