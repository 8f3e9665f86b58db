"""Article pages and the articles index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import jinja2

from generator.models import FRONT_MATTER_DATE, Article, Corpus, DateInfo, Event, Page, Role
from generator.render.archive import (
    INDEX,
    Sheet,
    index_sheets,
    month_anchor,
    month_links,
    render_index,
)
from generator.render.keys import Digest, article_digests, digest
from generator.render.links import (
    actor_path,
    article_path,
    event_path,
    external_link,
    link,
    relative,
)
from generator.render.page import long_date, markdown_page, month_key
from generator.render.paging import Dated
from generator.render.shared import per_corpus

__all__ = ["INDEX", "month_anchor", "render_articles"]
ADDRESS_SHOWN = 60  # characters of the original's address the link text shows
DATE_NOTES = {
    "explicit": "from the date line of the file",
    "address": "from the article's web address",
    "front-matter": "from the file's front matter",
    "inferred": "inferred from the text",
    "unknown": "the text does not say when it was published",
}


def date_note(date: DateInfo) -> str:
    """Say where a date came from, for readers."""
    note = DATE_NOTES[date.source]
    if date.source == "front-matter" and date.phrase and date.phrase != FRONT_MATTER_DATE:
        return f"{note}, {date.phrase}"  # where `dossier add` found it: "from the page's address"
    return f"{note}: {date.phrase}" if date.source == "inferred" and date.phrase else note


def render_articles(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render one page per article and the index of all articles by month."""
    return article_pages(corpus, env, 0, len(corpus.articles)) + articles_index(corpus, env)


def article_pages(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    """Render the pages of articles start to stop (not included), in corpus order."""
    events_of, _, months = per_corpus(corpus, _lookups)
    return [
        _article_page(corpus, env, corpus.articles[i], i, events_of.get(a.id, []), months[a.id])
        for i, a in enumerate(corpus.articles[start:stop], start=start)
    ]


def article_keys(corpus: Corpus) -> list[Digest]:
    """Return, per article in corpus order, a digest of every value its page prints.

    The page shows the article whole with the names of its actors (both in its digest), its
    neighbours' titles and dates, its events' titles and types, and the index page of its
    month (see _article_page).
    """
    events_of, _, months = per_corpus(corpus, _lookups)
    digests = article_digests(corpus)
    articles = corpus.articles
    keys = []
    for i, article in enumerate(articles):
        neighbours = [articles[j] for j in (i - 1, i + 1) if 0 <= j < len(articles)]
        keys.append(
            digest(
                digests[id(article)],
                i > 0,
                [(a.title, a.slug, a.date.value, a.date.precision) for a in neighbours],
                [(e.id, e.title, e.type, role) for e, role in events_of.get(article.id, ())],
                months[article.id],
            )
        )
    return keys


def articles_index(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render the index of all articles by month."""
    return render_index(corpus, env, per_corpus(corpus, _lookups)[1])


def _lookups(
    corpus: Corpus,
) -> tuple[dict[str, list[tuple[Event, Role]]], list[Sheet], dict[str, str]]:
    """Return each article's events, the index pages, and each article's month on them."""
    events_of: dict[str, list[tuple[Event, Role]]] = defaultdict(list)
    for event in corpus.events.values():
        for ref in event.articles:
            events_of[ref.article_id].append((event, ref.role))
    sheets = index_sheets(corpus)
    return dict(events_of), sheets, month_links(sheets)


def front_matter(
    article: Article, event_roles: Sequence[dict[str, str]], event_types: Sequence[str] = ()
) -> dict[str, Any]:
    """Return the article's front matter, keys in a fixed order."""
    return {
        "title": article.title,
        "title_source": article.title_source,
        "date": article.date.value,
        "date_source": article.date.source,
        "date_phrase": article.date.phrase,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "source_url": article.url,
        "source_author": article.author,  # not `author`: the theme would print it unescaped
        "source_file": article.source_file,
        "summary": article.summary,
        "description": article.summary,
        "word_count": article.word_count,
        "actors": list(article.actor_ids),
        "events": list(event_roles),
        "tags": tags(article, event_types),
    }


def tags(article: Article, event_types: Sequence[str]) -> list[str]:
    """Return the article's own tags, then the types of the events it speaks of, once each."""
    return list(dict.fromkeys([*article.tags, *sorted(event_types)]))


def _article_page(
    corpus: Corpus,
    env: jinja2.Environment,
    article: Article,
    i: int,
    events: Sequence[tuple[Event, Role]],
    month_target: str,
) -> Page:
    path = article_path(article.slug)
    neighbours = corpus.articles
    previous = neighbours[i - 1] if i > 0 else None
    following = neighbours[i + 1] if i + 1 < len(neighbours) else None
    actors = [corpus.actors[a] for a in article.actor_ids if a in corpus.actors]
    roles = [{"id": event.id, "role": role} for event, role in events]
    return markdown_page(
        env,
        path,
        "article.md.j2",
        front_matter(article, roles, [e.type for e, r in events if r == "reports"]),
        article=article,
        date_text=long_date(article.date),
        date_note=date_note(article.date),
        original=external_link(_address_label(article.url), article.url),
        actor_links=[link(a.name, actor_path(a.id), path) for a in actors],
        event_links=[(link(e.title, event_path(e.id), path), role) for e, role in events],
        reported_links=[link(e.title, event_path(e.id), path) for e, r in events if r == "reports"],
        mentioned_links=[
            link(e.title, event_path(e.id), path) for e, r in events if r != "reports"
        ],
        previous=_neighbour(previous, path),
        following=_neighbour(following, path),
        month=month_key(article.date.value),
        month_link=relative(month_target, path),
    )


def _address_label(url: str | None) -> str:
    """Return how the link to the original reads: its site and path, shortened."""
    if not url:
        return ""
    parts = urlsplit(url)
    shown = (parts.hostname or "").removeprefix("www.") + parts.path.rstrip("/")
    return shown if len(shown) <= ADDRESS_SHOWN else shown[: ADDRESS_SHOWN - 1] + "…"


def _neighbour(article: Article | None, page: str) -> Dated | None:
    if article is None:
        return None
    return Dated(link(article.title, article_path(article.slug), page), long_date(article.date))
