"""The duplicate memo: bodies compared once are not compared again, and a stale memo is unused."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from generator.extract import extract
from generator.index import duplicates
from generator.index.duplicate_memo import (
    DuplicateMemo,
    load_verdicts,
    memo_path,
    save_verdicts,
)
from generator.index.duplicates import Verdicts, merge_duplicates
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle
from tests.badinputs import PROSE, WIRE

CREDIT = "\n\n(Reporting by Ana Reyes; editing by Tom Hale.)"


def _article(knowledge: Knowledge, source: str, text: str) -> Article:
    return extract(RawArticle(source=source, stem=source.rsplit(".", 1)[0], text=text), knowledge)


@pytest.fixture
def articles(knowledge: Knowledge) -> list[Article]:
    """Return a story, its syndicated copy, and another story that opens the same way."""
    opening = WIRE.split("\n\n")[0]
    return [
        _article(knowledge, "herald.txt", f"Dockers end strike\n\n{WIRE}\n"),
        _article(knowledge, "wire.txt", f"Port strike ends\n\n{WIRE}{CREDIT}"),
        _article(knowledge, "other.txt", f"Dockers again\n\n{opening}\n\n{PROSE}\n"),
    ]


def test_verdicts_of_one_run_spare_the_next_its_comparisons(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Verdicts()
    kept, problems = merge_duplicates(articles, first)
    assert [a.source_file for a in kept] == ["herald.txt", "other.txt"]
    assert sorted(first.asked.values()) == [False, False, True]  # the copy; the other, twice

    def never(a: str, b: str) -> bool:
        raise AssertionError("compared again")

    monkeypatch.setattr(duplicates, "_same_story", never)
    again = Verdicts(known=first.asked)
    assert merge_duplicates(articles, again) == (kept, problems)
    assert again.asked == first.asked


def test_a_known_verdict_is_taken_as_it_is(articles: list[Article]) -> None:
    first = Verdicts()
    merge_duplicates(articles, first)
    told = {pair: True for pair in first.asked}  # "the other story is a copy too"
    kept, _ = merge_duplicates(articles, Verdicts(known=told))
    assert [a.source_file for a in kept] == ["herald.txt"]


def test_the_memo_keeps_the_verdicts_for_the_next_run(tmp_path: Path) -> None:
    asked = {(b"a", b"b"): False, (b"a", b"c"): True}
    save_verdicts(tmp_path, Verdicts(asked=asked))
    assert load_verdicts(tmp_path).known == asked
    assert load_verdicts(None).known == {}


def test_unchanged_verdicts_are_not_written_again(tmp_path: Path) -> None:
    asked = {(b"a", b"b"): False}
    save_verdicts(tmp_path, Verdicts(known=asked, asked=dict(asked)))
    assert not memo_path(tmp_path).exists()


def test_a_memo_of_other_code_or_unreadable_is_not_used(tmp_path: Path) -> None:
    path = memo_path(tmp_path)
    path.write_bytes(pickle.dumps(DuplicateMemo("older code", {(b"a", b"b"): True})))
    assert load_verdicts(tmp_path).known == {}
    path.write_bytes(b"not a pickle")
    assert load_verdicts(tmp_path).known == {}
