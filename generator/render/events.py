"""Event pages (the events index and the timeline are in event_index.py)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import jinja2
from markupsafe import Markup

from generator.escape import markdown_inline
from generator.models import Corpus, Event, EventRef, Page
from generator.render import event_index
from generator.render.charts import dossier_span, event_strip
from generator.render.event_index import event_entry, event_order, type_label
from generator.render.keys import Digest, article_digests, digest, event_values
from generator.render.links import actor_path, article_path, event_path, link
from generator.render.page import long_date, markdown_page
from generator.render.paging import Excerpt, article_list, event_articles
from generator.render.shared import per_corpus

# Events this close in time, sharing an actor, are related; at most this many are shown.
RELATED_DAYS = 45
RELATED_MAX = 6
PRECISION_WORDS = {"day": "to the day", "month": "to the month", "year": "to the year"}


def render_events(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render one page per event, the events index and the timeline."""
    return event_pages(corpus, env, 0, len(corpus.events)) + event_index.events_index(corpus, env)


def event_pages(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    """Render the pages of events start to stop (not included), in date order."""
    events, near = per_corpus(corpus, _lookups)
    return [page for event in events[start:stop] for page in _event_page(corpus, env, event, near)]


def event_keys(corpus: Corpus) -> list[Digest]:
    """Return, per event in date order, a digest of every value its pages print.

    The pages show the event whole, its articles whole, the names of its actors, its related
    events' titles, dates, types and article counts, and whether it has a strip (drawn over
    the dossier's span, on a page of its own) (see _event_page).
    """
    events, near = per_corpus(corpus, _lookups)
    digests = article_digests(corpus)
    strips = bool(dossier_span(corpus))
    by_id, actors = corpus.article_by_id, corpus.actors
    keys = []
    for event in events:
        related = related_events(corpus, event, near)
        keys.append(
            digest(
                event_values(event),
                [digests[id(by_id[r.article_id])] for r in event.articles if r.article_id in by_id],
                [actors[i].name if i in actors else None for i in event.actors],
                [
                    (e.id, e.title, e.date.value, e.date.precision, e.type, len(e.articles))
                    for e in related
                ],
                strips,
            )
        )
    return keys


def _lookups(corpus: Corpus) -> tuple[list[Event], Neighbours]:
    """Return the events in date order, and where to look for an event's related events."""
    events = sorted(corpus.events.values(), key=event_order)
    return events, Neighbours(events)  # once: related events are looked up, not scanned for


def _event_page(
    corpus: Corpus, env: jinja2.Environment, event: Event, near: Neighbours | None = None
) -> list[Page]:
    """Render the event's page, and the pages its list of articles is split over."""
    path = event_path(event.id)
    shown, articles = event_articles(corpus, event)  # the latest, with their sentences
    refs = [r for r in event.articles if r.article_id in shown]
    reports = [_ref(corpus, r, path) for r in refs if r.role == "reports"]
    mentions = [_ref(corpus, r, path) for r in refs if r.role == "mentions"]
    listing = article_list(env, path, event.title, articles)
    meta = {
        "title": event.title,
        "type": event.type,
        "date": event.date.iso,
        "search": {"boost": 3, "body": "head"},
    }
    page = markdown_page(
        env,
        path,
        "event.md.j2",
        meta,
        event=event,
        type_label=type_label(event.type),
        date_text=long_date(event.date),
        date_note=_date_note(event),
        participants=_participants(corpus, event, path),
        reports=reports,
        mentions=mentions,
        related=[event_entry(e, path) for e in related_events(corpus, event, near)],
        strip=event_strip(corpus, event, path),
        listing=listing,
    )
    return [page, *listing.pages]


def _date_note(event: Event) -> str:
    if event.date.value is None:
        return "no report gives a date that can be resolved"
    precision = PRECISION_WORDS.get(event.date.precision, "")
    phrase = f", from {event.date.phrase!r}" if event.date.phrase else ""
    return f"{precision}{phrase}"


def _participants(corpus: Corpus, event: Event, page: str) -> Markup:
    """Return the event's actors, comma-separated, linked when they have a page."""
    shown = []
    for actor_id in event.actors:
        actor = corpus.actors.get(actor_id)
        if actor is not None:
            shown.append(link(actor.name, actor_path(actor.id), page))
        else:
            shown.append(Markup(markdown_inline(actor_id.replace("-", " ").title())))
    return Markup(", ").join(shown)


def _ref(corpus: Corpus, ref: EventRef, page: str) -> Excerpt:
    article = corpus.article_by_id[ref.article_id]
    return Excerpt(
        link(article.title, article_path(article.slug), page),
        long_date(article.date),
        article.outlet,
        [article.sentences[i] for i in ref.sentences if i < len(article.sentences)],
    )


class Neighbours:
    """Events by actor (dated ones sorted by day) and by article, to find related events."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.days: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.by_article: dict[str, list[Event]] = defaultdict(list)
        self.by_id: dict[str, Event] = {}
        for event in events:
            self.by_id[event.id] = event
            for actor_id in dict.fromkeys(event.actors):
                if event.date.value is not None:
                    self.days[actor_id].append((event.date.value.toordinal(), event.id))
            for article_id in dict.fromkeys(r.article_id for r in event.articles):
                self.by_article[article_id].append(event)
        for days in self.days.values():
            days.sort()

    def near(self, event: Event) -> dict[str, Event]:
        """Return every event that may be related: close in time on an actor, or one article."""
        found = {o.id: o for r in event.articles for o in self.by_article.get(r.article_id, ())}
        if event.date.value is not None:
            day = event.date.value.toordinal()
            for actor_id in dict.fromkeys(event.actors):
                days = self.days.get(actor_id, [])
                start = bisect.bisect_left(days, (day - RELATED_DAYS, ""))
                stop = bisect.bisect_left(days, (day + RELATED_DAYS + 1, ""))
                found.update((other, self.by_id[other]) for _, other in days[start:stop])
        return found


def related_events(
    corpus: Corpus, event: Event, neighbours: Neighbours | None = None
) -> list[Event]:
    """Return events that share an actor with this one and happened close to it in time.

    Only the events `neighbours` finds near it are compared, not every event of the corpus.
    """
    neighbours = neighbours or Neighbours(corpus.events.values())
    scored = []
    for other in neighbours.near(event).values():
        shared = len(set(other.actors) & set(event.actors))
        if other.id == event.id or not shared:
            continue
        gap = _gap_days(event.date.value, other.date.value)
        if gap is None and _share_article(event, other):
            gap = RELATED_DAYS  # undated: told in the same article, so near in the story
        if gap is not None and gap <= RELATED_DAYS:
            scored.append((gap, -shared, other.id, other))
    return [e for *_, e in sorted(scored, key=lambda s: s[:3])][:RELATED_MAX]


def _share_article(a: Event, b: Event) -> bool:
    return bool({r.article_id for r in a.articles} & {r.article_id for r in b.articles})


def _gap_days(a: dt.date | None, b: dt.date | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)
