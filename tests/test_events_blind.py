"""Events on ten texts written before reading the extractor: found, dated, placed, clustered."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.extract import extract
from generator.extract.events.demonyms import demonym_countries, modifying_country
from generator.extract.events.kinds import event_types
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, Event
from generator.read import read_articles
from tests.conftest import ROOT

BLIND = ROOT / "tests" / "cases" / "events_blind"
CLOSE = {"statement", "rejection", "condemnation"}


@pytest.fixture(scope="module")
def blind(knowledge: Knowledge) -> Corpus:
    raws = [r for r in read_articles(BLIND).articles if r.source.endswith(".txt")]
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def _expected(article_id: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((BLIND / f"{article_id}.expected.yaml").read_text("utf-8"))
    return list(data.get("events") or [])


def _fits(want: dict[str, Any], event: Event) -> bool:
    close = want["type"] == event.type or {want["type"], event.type} <= CLOSE
    return (
        close
        and event.date.precision == want["precision"]
        and (event.date.iso or "") == str(want["date"])
    )


def _score(corpus: Corpus, typed: set[str]) -> tuple[int, int, int, int]:
    """Return (expected, found, extracted article-event pairs of a known type, found with the
    right role). The keys list happenings of the kinds event_types.yaml labels: a happening of
    no known type (a clause) is neither expected nor counted against precision here."""
    total = found = extracted = roled = 0
    by_article: dict[str, list[tuple[Event, str]]] = {}
    for event in sorted(corpus.events.values(), key=lambda e: e.id):
        if event.type not in typed:
            continue
        for ref in event.articles:
            by_article.setdefault(ref.article_id, []).append((event, ref.role))
    for article in corpus.articles:
        refs = by_article.get(article.id, [])
        extracted += len(refs)
        for want in _expected(article.id):
            total += 1
            hit = next((i for i, (e, _) in enumerate(refs) if _fits(want, e)), None)
            if hit is not None:
                found += 1
                roled += refs.pop(hit)[1] == want["role"]
    return total, found, extracted, roled


def test_blind_events_found_dated_and_roled(blind: Corpus, knowledge: Knowledge) -> None:
    total, found, extracted, roled = _score(blind, {t.name for t in event_types(knowledge).types})
    print(f"blind: {found}/{total} found, {found}/{extracted} precise, {roled} roled")
    assert total >= 30
    assert found / total >= 0.8
    # 0.848 measured: georgia-protest-2 is undated (its lead weekday falls before its anchor),
    # so its "Sunday night" protest stays undated rather than a week off.
    assert found / extracted >= 0.84
    assert roled >= found - 1


def test_blind_clause_events_are_titled_and_dated_only_by_the_text(
    blind: Corpus, knowledge: Knowledge
) -> None:
    """A happening of no known type stands on a clause: it says who did what. Its date comes
    from a date phrase of a report, never from the article's date alone: news of "Sunday night"
    published on Monday did not happen on Monday, and a wrong date is worse than none."""
    typed = {t.name for t in event_types(knowledge).types}
    clauses = [e for e in blind.events.values() if e.type not in typed]
    assert clauses
    for event in clauses:
        assert len(event.title.split()) >= 3, event.title
        assert event.date.value is None or event.date.phrase, event.title
        assert "article's date" not in (event.date.phrase or ""), event.title
    assert sum(e.date.value is not None for e in clauses) >= 3  # 3 of 7 measured


def _reported(corpus: Corpus, article_id: str, kind: str, iso: str) -> Event:
    (event,) = [
        e
        for e in corpus.events.values()
        if e.type == kind
        and e.date.iso == iso
        and any(r.article_id == article_id and r.role == "reports" for r in e.articles)
    ]
    return event


def test_blind_two_reports_of_one_swap_merge(blind: Corpus) -> None:
    one = _reported(blind, "qatar-hostage-deal-1", "agreement", "2025-01-21")
    assert {r.article_id for r in one.articles} >= {"qatar-hostage-deal-1", "qatar-hostage-deal-2"}


def test_blind_protests_a_week_apart_stay_apart(blind: Corpus) -> None:
    first = _reported(blind, "georgia-protest-1", "protest", "2024-12-01")
    assert "georgia-protest-2" not in {r.article_id for r in first.articles if r.role == "reports"}


@pytest.mark.parametrize(
    ("sentence", "trigger", "country"),
    [
        ("as an Azerbaijani offensive broke the line", "offensive", "azerbaijan"),
        ("Overnight Russian strikes on Kyiv killed four", "Russian strikes", "russia"),
        ("Israeli retaliatory air strikes hit the camp", "air strikes", "israel"),
        ("Russian leaders agreed on a joint statement", "agreed on", None),
        ("256 French lawmakers unanimously voted to adopt it", "voted", None),
        ("GERB's Georgian Dream party rally drew crowds", "rally", None),
    ],
)
def test_demonym_before_trigger_names_who_acts(
    knowledge: Knowledge, sentence: str, trigger: str, country: str | None
) -> None:
    start = sentence.index(trigger)
    assert modifying_country(sentence, start, trigger, demonym_countries(knowledge)) == country
