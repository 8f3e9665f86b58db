"""Render: turn a Corpus into Pages (Markdown with front matter, and the JSON export)."""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from generator.errors import DuplicatePathError
from generator.models import Corpus, Page
from generator.render import actors, articles, charts, events, export, feed, home

PageMaker = Callable[[Corpus, jinja2.Environment], list[Page]]
MAKERS: tuple[PageMaker, ...] = (
    home.render_home,
    articles.render_articles,
    actors.render_actors,
    events.render_events,
    export.render_data,
    home.render_report,
    charts.render_charts,
    feed.render_feed,
)


def render_pages(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render every generated page; two pages with one path is a structural fault."""
    pages: dict[str, Page] = {}
    for make in MAKERS:
        for page in make(corpus, env):
            if page.path in pages:
                raise DuplicatePathError(f"two generated pages would be written to {page.path}")
            pages[page.path] = page
    return [pages[path] for path in sorted(pages)]
