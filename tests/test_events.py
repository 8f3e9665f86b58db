"""Event mentions and events on real texts: the test corpus, new event cases, and the seeds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Article, Corpus, Event, RawArticle
from generator.read import read_articles
from tests.conftest import CORPUS, ROOT, SEEDS

CASES = ROOT / "tests" / "cases" / "events"


def _articles(folder: Path, knowledge: Knowledge) -> list[Article]:
    raws = [r for r in read_articles(folder).articles if r.source.endswith(".txt")]
    return [extract(raw, knowledge) for raw in raws]


@pytest.fixture(scope="module")
def corpus_articles(knowledge: Knowledge) -> list[Article]:
    return _articles(CORPUS, knowledge)


@pytest.fixture(scope="module")
def case_articles(knowledge: Knowledge) -> list[Article]:
    return _articles(CASES, knowledge)


def _expected(folder: Path, article: Article) -> dict[str, Any]:
    data = yaml.safe_load((folder / f"{article.id}.expected.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _score(folder: Path, articles: Sequence[Article]) -> tuple[int, int, int]:
    """Return (expected events, found with type and date, found with role too)."""
    total = dated = roled = 0
    for article in articles:
        for want in _expected(folder, article).get("events") or ():
            total += 1
            date = None if want["date"] is None else str(want["date"])
            hits = [
                m for m in article.event_mentions if m.type == want["type"] and m.date.iso == date
            ]
            dated += bool(hits)
            roled += any(m.role == want["role"] for m in hits)
    return total, dated, roled


def test_corpus_events_found_and_dated(corpus_articles: list[Article]) -> None:
    total, dated, roled = _score(CORPUS, corpus_articles)
    print(f"corpus: {dated}/{total} events found with type and date, {roled} with role")
    assert total >= 50
    assert dated / total >= 0.9
    assert roled / total >= 0.85


def test_new_cases_events_found_and_dated(case_articles: list[Article]) -> None:
    total, dated, roled = _score(CASES, case_articles)
    print(f"cases: {dated}/{total} events found with type and date, {roled} with role")
    assert len(case_articles) >= 8
    assert dated == total
    assert roled == total


def _events_of(corpus: Corpus, article_id: str, kind: str) -> list[Event]:
    return [
        e
        for e in corpus.events.values()
        if e.type == kind and article_id in {r.article_id for r in e.articles}
    ]


def _relations(folder: Path, articles: Sequence[Article], key: str) -> list[tuple[str, str]]:
    pairs = []
    for article in articles:
        other = _expected(folder, article).get(key)
        if other:
            pairs.append((article.id, Path(str(other).split("#")[0].strip()).stem))
    return pairs


@pytest.mark.parametrize(
    ("folder", "fixture"), [(CORPUS, "corpus_articles"), (CASES, "case_articles")]
)
def test_reports_of_one_event_merge(
    folder: Path, fixture: str, request: pytest.FixtureRequest, knowledge: Knowledge
) -> None:
    articles = request.getfixturevalue(fixture)
    corpus = build_corpus(articles, knowledge)
    pairs = _relations(folder, articles, "same_event_as")
    assert pairs
    for one, other in pairs:
        reported = {
            e.id
            for e in corpus.events.values()
            if {r.article_id for r in e.articles if r.role == "reports"} >= {one, other}
        }
        assert reported, f"{one} and {other} report one event but share no event page"


@pytest.mark.parametrize(
    ("folder", "fixture"), [(CORPUS, "corpus_articles"), (CASES, "case_articles")]
)
def test_similar_events_a_week_apart_stay_apart(
    folder: Path, fixture: str, request: pytest.FixtureRequest, knowledge: Knowledge
) -> None:
    articles = request.getfixturevalue(fixture)
    corpus = build_corpus(articles, knowledge)
    pairs = _relations(folder, articles, "similar_event_as")
    assert pairs
    for one, other in pairs:
        news = {
            a: {
                e.id
                for e in corpus.events.values()
                for r in e.articles
                if (r.article_id, r.role) == (a, "reports")
            }
            for a in (one, other)
        }
        kinds = {e.type for e in corpus.events.values() if e.id in news[one]}
        both = news[one] & news[other]
        assert not {e for e in both if corpus.events[e].type in kinds}, (one, other)


def test_earlier_summoning_mentioned_joins_its_own_report(
    corpus_articles: list[Article], knowledge: Knowledge
) -> None:
    corpus = build_corpus(corpus_articles, knowledge)
    first = _events_of(corpus, "08_poland-summons-belarus-1", "summoning")
    assert len(first) == 1
    roles = {r.article_id: r.role for r in first[0].articles}
    assert roles == {
        "08_poland-summons-belarus-1": "reports",
        "09_poland-summons-belarus-2": "mentions",
    }
    assert first[0].date.iso == "2024-09-11"


def test_vote_figures_are_kept(corpus_articles: list[Article], knowledge: Knowledge) -> None:
    corpus = build_corpus(corpus_articles, knowledge)
    (vote,) = [e for e in _events_of(corpus, "06_bundestag-raw-materials", "vote")]
    assert "412 to 98" in vote.figures
    assert "37 abstentions" in vote.figures


# -- the seeds: the done-when of the events issue --------------------------------------------


@pytest.fixture(scope="module")
def seeds(knowledge: Knowledge) -> Corpus:
    return build_corpus(_articles(SEEDS, knowledge), knowledge)


def _dated(corpus: Corpus, kind: str, iso: str) -> list[Event]:
    return [e for e in corpus.events.values() if e.type == kind and e.date.iso == iso]


def _articles_of(event: Event) -> set[str]:
    return {r.article_id[:3] for r in event.articles}


def test_seed_resolutions_and_summoning_are_distinct_events(seeds: Corpus) -> None:
    (senate,) = _dated(seeds, "resolution", "2022-11-15")
    (assembly,) = _dated(seeds, "resolution", "2022-11-30")
    (summons,) = _dated(seeds, "summoning", "2022-12-01")
    senate_2020 = [
        e
        for e in seeds.events.values()
        if e.type == "resolution" and _articles_of(e) == {"004"} and "French Senate" in e.title
    ]
    assert len(senate_2020) == 1
    assert len({senate.id, assembly.id, summons.id, senate_2020[0].id}) == 4
    assert _articles_of(senate) == {"000", "001", "002", "003"}
    assert _articles_of(assembly) == {"001", "003"}
    assert _articles_of(summons) == {"003"}
    assert "295 to 1" in senate.figures


def test_seed_background_events_have_pages(seeds: Corpus) -> None:
    def dated_in(kind: str, prefix: str) -> list[Event]:
        return [
            e
            for e in seeds.events.values()
            if e.type == kind and (e.date.iso or "").startswith(prefix)
        ]

    assert dated_in("clash", "2020")  # the 2020 war
    assert dated_in("ceasefire", "2020-11")  # its 10 November ceasefire
    assert dated_in("clash", "2022-09")  # the September 2022 clashes
    assert dated_in("resolution", "1993-07-29")  # the UN Security Council resolution
    texts = {
        e.id: " ".join(
            seeds.article_by_id[r.article_id].sentences[i] for r in e.articles for i in r.sentences
        )
        for e in seeds.events.values()
    }
    assert any("Sochi" in t for t in texts.values())  # the Sochi summit
    assert any("Washington" in t for t in texts.values())  # the Washington talks


def test_no_event_without_date_or_participant(seeds: Corpus) -> None:
    for event in seeds.events.values():
        assert event.date.value is not None or event.date.phrase or event.actors, event.id


def test_event_ids_and_titles_are_readable(seeds: Corpus) -> None:
    for event in seeds.events.values():
        assert event.id == event.id.lower()
        assert 8 <= len(event.title) <= 120
        assert event.title[0].isupper()


def test_seed_sochi_and_washington_are_one_event_each(seeds: Corpus) -> None:
    for place in ("Sochi", "Washington"):
        events = [
            e
            for e in seeds.events.values()
            if e.type in {"meeting", "agreement"}
            and any(
                place in seeds.article_by_id[r.article_id].sentences[i]
                for r in e.articles
                for i in r.sentences
            )
        ]
        assert len(events) == 1, (place, [e.id for e in events])
        assert {r.article_id[:3] for r in events[0].articles} == {"002", "003"}


def test_seed_offensive_is_azerbaijans_not_a_conflict_of_france(seeds: Corpus) -> None:
    for event in seeds.events.values():
        if event.type == "clash":
            assert event.actors != ("france",), event.id


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Chile's central bank cut its benchmark interest rate on Tuesday.", "rate_decision"),
        ("Japan pledged $40 million on Monday to the new fund.", "pledge"),
        ("Dockers in Gdansk walked out on Monday over pay.", "protest"),
        ("The union's port strike began on Monday at dawn.", "protest"),
        ("Kenya and Uganda signed a treaty on Monday in Kampala.", "agreement"),
        ("The board split five votes to two on Monday.", "vote"),
        ("Ghana's ruling party won a parliamentary majority on Monday.", "election"),
        ("A Chinese ship fired water cannon at a Vietnamese trawler on Monday.", "clash"),
        ("Ruto spoke to Museveni by telephone on Monday.", "phone_call"),
        ("Norway's embassy voiced serious concern on Monday.", "statement"),
    ],
)
def test_event_wordings_of_other_stories(knowledge: Knowledge, sentence: str, kind: str) -> None:
    text = f"Officials spoke in the capital.\n\n{sentence}\n"
    article = extract(RawArticle("one.txt", "one", text), knowledge)
    assert kind in {m.type for m in article.event_mentions}


def test_police_water_cannon_on_a_crowd_is_the_protest_not_a_conflict(
    knowledge: Knowledge,
) -> None:
    text = "Officials spoke.\n\nPolice fired water cannon at protesters in Tbilisi on Sunday.\n"
    article = extract(RawArticle("one.txt", "one", text), knowledge)
    assert "clash" not in {m.type for m in article.event_mentions}


def test_a_kinds_noun_alone_is_no_happening(knowledge: Knowledge) -> None:
    """ "The wildfire was the worst in a century": no one acts, no clause, no date - a word of
    the story, not an event page of its own; with a day it dates a happening."""
    bare = "Officials spoke.\n\nThe wildfire was the worst in a century, residents said.\n"
    dated = "Officials spoke.\n\nThe wildfire on Tuesday was the worst in a century.\n"
    kinds = [
        {m.type for m in extract(RawArticle("w.txt", "w", text), knowledge).event_mentions}
        for text in (bare, dated)
    ]
    assert "disaster" not in kinds[0], kinds
    assert "disaster" in kinds[1], kinds
