"""Duplicates and clashes: one text is published once; ids and page names stay unique."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import extract
from generator.index import build_corpus
from generator.index.duplicates import merge_duplicates, unique_ids
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle
from generator.read import read_articles
from tests.badinputs import NOTES, PROSE, WIRE
from tests.conftest import CORPUS, SEEDS


def _article(knowledge: Knowledge, source: str, text: str) -> Article:
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return extract(RawArticle(source=source, stem=stem, text=text), knowledge)


def test_same_text_under_two_names_is_published_once(knowledge: Knowledge) -> None:
    text = f"Dockers return to work\n\n{PROSE}\n"
    a = _article(knowledge, "dockers.txt", text)
    b = _article(knowledge, "dockers copy.txt", text)
    corpus = build_corpus([b, a], knowledge)
    assert [x.source_file for x in corpus.articles] == ["dockers.txt"]
    assert corpus.articles[0].extra_sources == ("dockers copy.txt",)
    (problem,) = [p for p in corpus.problems if "duplicate" in p.reason]
    assert problem.source == "dockers copy.txt" and not problem.skipped
    assert "same text as dockers.txt" in problem.reason


def test_syndicated_copy_with_another_headline_is_merged(knowledge: Knowledge) -> None:
    original = _article(knowledge, "herald.txt", f"Dockers end strike\n\n{WIRE}\n")
    credit = "\n\n(Reporting by Ana Reyes; editing by Tom Hale.)"
    copy = _article(
        knowledge, "wire.txt", f"Port strike ends as union accepts deal\n\n{WIRE}{credit}"
    )
    kept, problems = merge_duplicates([copy, original])
    assert [a.source_file for a in kept] == ["herald.txt"]
    assert kept[0].extra_sources == ("wire.txt",)
    assert "copy of the text of herald.txt under another headline" in problems[0].reason


def test_different_stories_are_not_merged(knowledge: Knowledge) -> None:
    stories = [
        _article(knowledge, "a.txt", f"Dockers\n\n{PROSE}\n"),
        _article(knowledge, "b.txt", f"Wire\n\n{WIRE}\n"),
        _article(knowledge, "c.txt", f"Notes\n\n{NOTES}\n"),
        _article(knowledge, "d.txt", "Short\n\nYes.\n"),
        _article(knowledge, "e.txt", "Short too\n\nNo.\n"),
    ]
    kept, problems = merge_duplicates(stories)
    assert len(kept) == len(stories) and problems == []


@pytest.mark.parametrize("folder", [SEEDS, CORPUS])
def test_real_articles_on_one_story_are_not_merged(folder: Path, knowledge: Knowledge) -> None:
    articles = [extract(raw, knowledge) for raw in read_articles(folder).articles]
    kept, problems = merge_duplicates(articles)
    assert len(kept) == len(articles), [str(p) for p in problems]


def test_merge_is_independent_of_input_order(knowledge: Knowledge) -> None:
    text = f"Dockers return\n\n{PROSE}\n"
    group = [_article(knowledge, f"{n}.txt", text) for n in ("b", "a", "c")]
    first, _ = merge_duplicates(group)
    second, _ = merge_duplicates(list(reversed(group)))
    assert first == second
    assert first[0].source_file == "a.txt" and first[0].extra_sources == ("b.txt", "c.txt")


def test_files_with_one_name_get_distinct_ids(knowledge: Knowledge) -> None:
    a = _article(knowledge, "report.txt", f"One\n\n{PROSE}\n")
    b = _article(knowledge, "2024/report.md", f"Two\n\n{WIRE}\n")
    articles, problems = unique_ids([a, b])
    assert sorted(x.id for x in articles) == ["report", "report-2"]
    assert problems[0].source == "report.txt" and "'report-2'" in problems[0].reason


def test_titles_with_one_slug_get_numbered_pages_and_a_warning(knowledge: Knowledge) -> None:
    a = _article(knowledge, "a.txt", f"Same Title\n\n{PROSE}\n")
    b = _article(knowledge, "b.txt", f"Same title\n\n{WIRE}\n")
    c = _article(knowledge, "c.txt", f"Index\n\n{NOTES}\n")
    corpus = build_corpus([c, b, a], knowledge)
    assert {x.id: x.slug for x in corpus.articles} == {
        "a": "same-title",
        "b": "same-title-2",
        "c": "index-2",  # "index" is the folder's own page
    }
    reasons = {p.source: p.reason for p in corpus.problems}
    assert "taken by a.txt" in reasons["b.txt"] and "'same-title-2'" in reasons["b.txt"]
    assert "taken by the articles index" in reasons["c.txt"]
