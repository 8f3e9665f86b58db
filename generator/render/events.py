"""Event pages, the events index and the timeline."""

from __future__ import annotations

import jinja2

from generator.models import Corpus, Event, Page
from generator.render.links import article_path, event_path, link
from generator.render.page import long_date, markdown_page, month_key

INDEX = "events/index.md"
TIMELINE = "timeline/index.md"


def render_events(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render one page per event, the events index and the timeline."""
    events = sorted(corpus.events.values(), key=_event_order)
    pages = [_event_page(corpus, env, event) for event in events]
    pages.append(
        markdown_page(
            env,
            INDEX,
            "events_index.md.j2",
            {"title": "Events"},
            events=[
                (link(e.title, event_path(e.id), INDEX), long_date(e.date), e.type) for e in events
            ],
        )
    )
    timeline = [
        (
            month_key(e.date.value),
            link(e.title, event_path(e.id), TIMELINE),
            long_date(e.date),
            len(e.articles),
        )
        for e in events
    ]
    pages.append(
        markdown_page(env, TIMELINE, "timeline.md.j2", {"title": "Timeline"}, entries=timeline)
    )
    return pages


def _event_order(event: Event) -> tuple[bool, str, str]:
    return (
        event.date.value is None,
        event.date.value.isoformat() if event.date.value else "",
        event.id,
    )


def _event_page(corpus: Corpus, env: jinja2.Environment, event: Event) -> Page:
    path = event_path(event.id)
    refs = [
        {
            "link": link(
                corpus.article_by_id[r.article_id].title,
                article_path(corpus.article_by_id[r.article_id].slug),
                path,
            ),
            "role": r.role,
            "sentences": [corpus.article_by_id[r.article_id].sentences[i] for i in r.sentences],
        }
        for r in event.articles
    ]
    meta = {"title": event.title, "type": event.type, "search": {"boost": 3}}
    return markdown_page(
        env, path, "event.md.j2", meta, event=event, date_text=long_date(event.date), refs=refs
    )
