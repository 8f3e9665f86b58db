"""Actor pages (the actors index is in actor_index.py)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import jinja2
from markupsafe import Markup

from generator.escape import markdown_inline
from generator.models import ACTOR_TYPES, Actor, Article, Corpus, Event, Page, Quote
from generator.render import actor_index
from generator.render.actor_index import kind_of
from generator.render.charts import actor_chart, dossier_span
from generator.render.keys import Digest, article_digests, digest, field_values
from generator.render.links import actor_path, article_path, event_path, link
from generator.render.page import long_date, markdown_page
from generator.render.paging import Dated, Excerpt, article_list, is_dated, latest
from generator.render.shared import per_corpus

TYPE_LABELS = {kind: label for kind, (label, _) in ACTOR_TYPES.items()}
CO_MENTIONED = 10  # actors listed as "most often named alongside"
EVENTS_SHOWN = 50  # an actor's latest events listed; the events index lists them all


def render_actors(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render one page per actor and the actors index grouped by type."""
    return actor_pages(corpus, env, 0, len(corpus.actors)) + actor_index.actors_index(corpus, env)


def actor_pages(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    """Render the pages of actors start to stop (not included), in corpus order."""
    actors, events_of = per_corpus(corpus, _lookups)
    per_corpus(corpus, _known)  # here, so that it is worked out once before any fork
    return [
        page
        for actor in actors[start:stop]
        for page in _actor_pages(corpus, env, actor, events_of.get(actor.id, []))
    ]


def actor_keys(corpus: Corpus) -> list[Digest]:
    """Return, per actor in corpus order, a digest of every value its pages print.

    The pages show the actor whole, its articles whole, its events' titles and dates, the
    actors most often named with it (all named in its articles, whose digests hold their
    names), and its chart's alt text, which spans the dossier's months (see _actor_pages).
    """
    actors, events_of = per_corpus(corpus, _lookups)
    digests = article_digests(corpus)
    months = [(day.year, day.month) for day in dossier_span(corpus)]
    values = field_values(Actor)
    by_id = corpus.article_by_id
    return [
        digest(
            values(actor),
            [digests[id(by_id[i])] for i in corpus.actor_articles.get(actor.id, ())],
            [(e.id, e.title, e.date.value, e.date.precision) for e in events_of.get(actor.id, ())],
            months,
        )
        for actor in actors
    ]


def _lookups(corpus: Corpus) -> tuple[tuple[Actor, ...], dict[str, list[Event]]]:
    """Return the actors in corpus order, and each actor's events."""
    events_of: dict[str, list[Event]] = defaultdict(list)  # one pass, not one per actor
    for event in corpus.events.values():
        for actor_id in dict.fromkeys(event.actors):
            events_of[actor_id].append(event)
    return tuple(corpus.actors.values()), dict(events_of)


def _actor_pages(
    corpus: Corpus, env: jinja2.Environment, actor: Actor, events: list[Event]
) -> list[Page]:
    """Render the actor's page, and the pages its list of articles is split over."""
    path = actor_path(actor.id)
    articles = [corpus.article_by_id[i] for i in corpus.actor_articles.get(actor.id, ())]
    mentions = [_mention(a, actor.id, path) for a in latest(articles, is_dated)]
    listing = article_list(env, path, actor.name, articles)
    quotes = _quotes(corpus, articles, actor.id)
    dated = [a for a in articles if a.date.value is not None]
    facts = {
        "type": TYPE_LABELS[kind_of(actor)],
        "articles": len(articles),
        "first": _dated_link(dated[0], path) if dated else None,
        "last": _dated_link(dated[-1], path) if dated else None,
        "reference": _external(actor.url),
        "catalogue": actor.in_catalogue,
    }
    meta = {"title": actor.name, "type": actor.type, "search": {"boost": 3, "body": "head"}}
    page = markdown_page(
        env,
        path,
        "actor.md.j2",
        meta,
        actor=actor,
        facts=facts,
        mentions=mentions,
        listing=listing,
        quotes=[_quote(q, a, path) for q, a in latest(quotes, lambda qa: is_dated(qa[1]))],
        quote_count=len(quotes),
        events=_events(events, path),
        event_count=len(events),
        neighbours=_neighbours(corpus, actor.id, articles, path),
        chart=actor_chart(corpus, actor.id, path),
    )
    return [page, *listing.pages]


def _mention(article: Article, actor_id: str, page: str) -> Excerpt:
    """Return an article's link, date and the sentences naming the actor, names in bold; a
    sentence the article repeats word for word (a refrain, boilerplate) is shown once."""
    surfaces: dict[int, set[str]] = {}
    for m in article.actor_mentions:
        if m.actor_id == actor_id:
            surfaces.setdefault(m.sentence, set()).add(m.surface)
    return Excerpt(
        link(article.title, article_path(article.slug), page),
        long_date(article.date),
        article.outlet,
        list(dict.fromkeys(highlight(article.sentences[i], surfaces[i]) for i in sorted(surfaces))),
    )


def highlight(sentence: str, surfaces: set[str]) -> Markup:
    """Return the sentence escaped for Markdown, with the actor's names in bold."""
    marks: list[tuple[int, int]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        start = sentence.find(surface)
        if start >= 0 and all(start >= e or start + len(surface) <= s for s, e in marks):
            marks.append((start, start + len(surface)))
    # Every piece is escaped here, so the pieces join as plain strings (Markup's own
    # concatenation would re-check each one).
    out: list[str] = []
    pos = 0
    for start, end in sorted(marks):
        out.append(_escaped(sentence[pos:start]))
        out.append(f"**{markdown_inline(sentence[start:end])}**")
        pos = end
    out.append(_escaped(sentence[pos:]))
    return Markup("".join(out).strip())


def _escaped(text: str) -> str:
    """Escape a piece of a sentence, keeping the spaces at its ends."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{markdown_inline(text)}{trail}"


def _dated_link(article: Article, page: str) -> Markup:
    return Markup(f"{markdown_inline(long_date(article.date))}, ") + link(
        article.title, article_path(article.slug), page
    )


def _external(url: str | None) -> Markup | None:
    """Return a link to a Wikipedia or Wikidata page; anything else is not linked."""
    if not url or not url.startswith("https://") or any(c in url for c in " <>()\"'"):
        return None
    label = "Wikidata" if "wikidata.org" in url else "Wikipedia"
    return Markup(f"[{label}](<{url}>)")


def _quotes(
    corpus: Corpus, articles: Sequence[Article], actor_id: str
) -> list[tuple[Quote, Article]]:
    """Return the actor's quotes with their articles, in the articles' order."""
    quotes = per_corpus(corpus, _known).quotes
    return [(q, a) for a in articles for q in quotes[id(a)].get(actor_id, ())]


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quote as an actor page shows it: its words, and the article's link and date."""

    text: str
    link: Markup
    date: str


def _quote(quote: Quote, article: Article, page: str) -> Quoted:
    return Quoted(
        quote.text, link(article.title, article_path(article.slug), page), long_date(article.date)
    )


def _events(events: list[Event], page: str) -> list[Dated]:
    """Return links to the actor's latest events, oldest first; undated ones only if room."""
    dated = sorted((e for e in events if e.date.value), key=lambda e: (e.date.value, e.id))
    undated = sorted((e for e in events if e.date.value is None), key=lambda e: e.id)
    ordered = dated[-EVENTS_SHOWN:] + undated[: max(0, EVENTS_SHOWN - len(dated))]
    return [Dated(link(e.title, event_path(e.id), page), long_date(e.date)) for e in ordered]


def _neighbours(
    corpus: Corpus, actor_id: str, articles: Sequence[Article], page: str
) -> list[tuple[Markup, int]]:
    """Return the actors most often named in the same articles, with how many articles."""
    known = per_corpus(corpus, _known)
    counts = Counter(chain.from_iterable(known.actor_ids[id(a)] for a in articles))  # in C
    counts.pop(actor_id, None)
    named = [i for i in counts if i in corpus.actors]
    # sorted(...)[:CO_MENTIONED], without sorting them all: the keys are unique.
    top = heapq.nsmallest(CO_MENTIONED, named, key=lambda i: (-counts[i], known.folded[i], i))
    return [(link(corpus.actors[i].name, actor_path(i), page), counts[i]) for i in top]


@dataclass(frozen=True, slots=True)
class _Known:
    """Per corpus: each article's actor ids and quotes by actor; actor names for sorting.

    Articles are found by identity: the corpus holds them, so no identity is reused.
    """

    actor_ids: dict[int, tuple[str, ...]]
    quotes: dict[int, dict[str, list[Quote]]]
    folded: dict[str, str]


def _known(corpus: Corpus) -> _Known:
    actor_ids: dict[int, tuple[str, ...]] = {}
    quotes: dict[int, dict[str, list[Quote]]] = {}
    for a in (*corpus.articles, *corpus.article_by_id.values()):
        if id(a) not in actor_ids:
            actor_ids[id(a)] = a.actor_ids
            by_actor: dict[str, list[Quote]] = {}
            quotes[id(a)] = by_actor
            for q in a.quotes:
                by_actor.setdefault(q.actor_id, []).append(q)
    folded = {i: actor.name.casefold() for i, actor in corpus.actors.items()}
    return _Known(actor_ids, quotes, folded)
