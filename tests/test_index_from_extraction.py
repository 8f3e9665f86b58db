"""What extraction works out for the index (fingerprints, a mention's names) changes nothing.

The index reads both from the cached article instead of from the text; an article made
without them (by hand, or cached by an older extractor) is read from its text as before.
"""

from __future__ import annotations

import dataclasses

import pytest

import generator.extract.fingerprint as fingerprints
from generator.extract import extract
from generator.index import build_corpus
from generator.index.duplicates import merge_duplicates
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle
from generator.read import read_articles
from tests.badinputs import PROSE, WIRE
from tests.conftest import CORPUS, SEEDS


def _articles(knowledge: Knowledge) -> list[Article]:
    raws = [*read_articles(SEEDS).articles, *read_articles(CORPUS).articles]
    return [extract(raw, knowledge) for raw in raws]


def _bare(article: Article) -> Article:
    """Return the article as an older extractor left it: no fingerprint, no mention names."""
    mentions = tuple(dataclasses.replace(m, names=None) for m in article.event_mentions)
    return dataclasses.replace(article, fingerprint=None, event_mentions=mentions)


@pytest.fixture(scope="module")
def articles(knowledge: Knowledge) -> list[Article]:
    return _articles(knowledge)


def test_extraction_fills_in_what_the_index_reads(articles: list[Article]) -> None:
    assert all(a.fingerprint is not None for a in articles)
    mentions = [m for a in articles for m in a.event_mentions]
    assert mentions and all(m.names is not None for m in mentions)
    assert any(m.names for m in mentions)  # some sentence names a place or group no actor is


def test_the_corpus_is_the_same_with_or_without_them(
    articles: list[Article], knowledge: Knowledge
) -> None:
    full = build_corpus(articles, knowledge)
    bare = build_corpus([_bare(a) for a in articles], knowledge)
    assert full.events == bare.events
    assert [e.title for e in full.events.values()] == [e.title for e in bare.events.values()]
    assert [e.articles for e in full.events.values()] == [e.articles for e in bare.events.values()]
    assert [a.id for a in full.articles] == [a.id for a in bare.articles]
    assert full.problems == bare.problems


def test_only_bodies_that_share_a_paragraph_are_read(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Dockers return to work\n\n{PROSE}\n"
    copy = extract(RawArticle("dockers copy.txt", "dockers copy", text), knowledge)
    original = extract(RawArticle("dockers.txt", "dockers", text), knowledge)
    other = extract(RawArticle("wire.txt", "wire", f"Wire\n\n{WIRE}\n"), knowledge)
    read: list[int] = []
    paragraphs = fingerprints.paragraphs

    def counted(blocks):  # type: ignore[no-untyped-def]
        read.append(1)
        return paragraphs(blocks)

    monkeypatch.setattr("generator.index.duplicates.paragraphs", counted)
    kept, problems = merge_duplicates([copy, original, other])
    assert [a.source_file for a in kept] == ["dockers.txt", "wire.txt"]
    assert len(problems) == 1 and "same text as dockers.txt" in problems[0].reason
    assert len(read) == 2  # the two copies; the wire story shares nothing with them
