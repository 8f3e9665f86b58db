"""Event pages, the events index and the timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import frontmatter
import pytest

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, DateInfo, Event, EventRef, Page
from generator.read import read_articles
from generator.render.environment import make_environment
from generator.render.event_index import INDEX, TIMELINE
from generator.render.events import related_events, render_events
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def seeds(knowledge: Knowledge) -> Corpus:
    articles = [extract(raw, knowledge) for raw in read_articles(SEEDS).articles]
    return build_corpus(articles, knowledge)


def _pages(corpus: Corpus) -> dict[str, Page]:
    return {p.path: p for p in render_events(corpus, make_environment(ROOT / "templates"))}


def test_one_page_per_event_plus_index_and_timeline(seeds: Corpus) -> None:
    pages = _pages(seeds)
    assert set(pages) == {f"events/{e}.md" for e in seeds.events} | {INDEX, TIMELINE}
    for page in pages.values():
        post = frontmatter.loads(page.text)
        assert post["title"]


def test_event_page_lists_reports_mentions_and_participants(seeds: Corpus) -> None:
    (senate,) = [e for e in seeds.events.values() if e.date.iso == "2022-11-15"]
    text = _pages(seeds)[f"events/{senate.id}.md"].text
    assert "## Reported by" in text and "## Mentioned in" in text
    assert "15 November 2022" in text
    assert "295 to 1" in text
    for ref in senate.articles:
        assert seeds.article_by_id[ref.article_id].slug in text
    if seeds.actors:
        assert "](../actors/" in text  # participants link to their pages


def test_event_page_offers_search_its_head_not_its_quoted_sentences(seeds: Corpus) -> None:
    # Pagefind indexes the articles themselves; the copies of their sentences here would make
    # every common word match every event page (and slow each search at scale).
    for event in seeds.events.values():
        post = frontmatter.loads(_pages(seeds)[f"events/{event.id}.md"].text)
        assert post["search"] == {"boost": 3, "body": "head"}
        _, opener, rest = post.content.partition("data-pagefind-body markdown>")
        head, closer, sources = rest.partition("\n</div>\n")
        assert opener and closer, event.id
        title = post.content.splitlines()[0]
        assert title.startswith("# ") and title.endswith(" {: data-pagefind-body }"), title
        assert "**Date:**" in head and "## Reported by" not in head and "\n> " not in head
        assert ("## Reported by" in sources) or ("## Mentioned in" in sources)


def test_timeline_groups_by_year_and_month_with_undated_apart(seeds: Corpus) -> None:
    text = _pages(seeds)[TIMELINE].text
    assert text.index("## 1993") < text.index("## 2020") < text.index("## 2022")
    assert "### November 2022" in text
    assert text.index("## 2022") < text.index("## Undated")
    assert "(4 articles)" in text


def test_index_groups_by_type(seeds: Corpus) -> None:
    text = _pages(seeds)[INDEX].text
    assert "## Resolution" in text and "## Summoning" in text


def test_related_events_share_an_actor_and_are_close(seeds: Corpus) -> None:
    (senate,) = [e for e in seeds.events.values() if e.date.iso == "2022-11-15"]
    related = related_events(seeds, senate)
    assert related
    for other in related:
        assert set(other.actors) & set(senate.actors)
        assert (
            other.date.value is None or abs((other.date.value - dt.date(2022, 11, 15)).days) <= 45
        )


def test_hostile_text_is_escaped(seeds: Corpus) -> None:
    article = seeds.articles[0]
    hostile = article.sentences[0] + " <script>alert(1)</script> {{ 7*7 }} [x](javascript:alert(1))"
    article = dataclasses.replace(article, sentences=(hostile, *article.sentences[1:]))
    event = Event(
        id="hostile",
        title="<img src=x onerror=alert(1)> *bold* {% raw %}",
        type="vote",
        date=DateInfo(None),
        articles=(EventRef(article.id, "reports", (0,)),),
    )
    corpus = dataclasses.replace(
        seeds,
        articles=(article,),
        article_by_id={article.id: article},
        events={"hostile": event},
    )
    text = _pages(corpus)["events/hostile.md"].text
    assert "<script>" not in text and "<img" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # brackets escaped: no link
    assert "49" not in text.split("---", 2)[2].replace("2022", "")
