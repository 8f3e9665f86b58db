"""Render: turn a Corpus into Pages (Markdown with front matter, and the JSON export).

Pages of articles, actors and events render in ranges of items, so a large corpus renders on
every core (see pool.py); the pages, and their order, are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass

import jinja2

from generator.errors import DuplicatePathError
from generator.models import Corpus, Page
from generator.render import actors, articles, charts, events, export, feed, home, pool

PageMaker = Callable[[Corpus, jinja2.Environment], list[Page]]
RangeMaker = Callable[[Corpus, jinja2.Environment, int, int], list[Page]]
Job = tuple[int, int, int]  # (maker, first item, item after the last); (maker, -1, -1): the rest
PARALLEL_MIN = 200  # articles: below this, starting processes costs more than it saves


def _no_items(corpus: Corpus) -> int:
    return 0


def _no_pages(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    return []


@dataclass(frozen=True, slots=True)
class Maker:
    """Pages of one kind: a page or more per item (ranges of items render apart), then the rest."""

    rest: PageMaker
    count: Callable[[Corpus], int] = _no_items
    items: RangeMaker = _no_pages


MAKERS: tuple[Maker, ...] = (
    Maker(home.render_home),
    Maker(articles.articles_index, lambda c: len(c.articles), articles.article_pages),
    Maker(actors.actors_index, lambda c: len(c.actors), actors.actor_pages),
    Maker(events.events_index, lambda c: len(c.events), events.event_pages),
    Maker(export.render_data),
    Maker(home.render_report),
    Maker(charts.render_charts),
    Maker(feed.render_feed),
)


def render_pages(
    corpus: Corpus,
    env: jinja2.Environment,
    jobs: int | None = None,
    parallel_min: int = PARALLEL_MIN,
) -> list[Page]:
    """Render every generated page; two pages with one path is a structural fault.

    With `parallel_min` articles or more, pages render on `jobs` processes (default: every
    core this process may use) where the platform can fork; else here, one after another.
    """
    jobs = pool.cores() if jobs is None else jobs
    parts: Iterator[list[Page]]
    if jobs >= 2 and len(corpus.articles) >= parallel_min and pool.can_fork():
        for n in range(len(MAKERS)):  # lookups worked out once, before the fork
            render_job(corpus, env, (n, 0, 0))
        parts = pool.render_forked(corpus, env, job_list(corpus, jobs * 6), jobs, render_job)
    else:
        parts = (render_job(corpus, env, job) for job in job_list(corpus, 1))
    pages: dict[str, Page] = {}
    with closing(parts):  # on a fault, stop the workers now
        for part in parts:
            for page in part:
                if page.path in pages:
                    raise DuplicatePathError(f"two generated pages would be written to {page.path}")
                pages[page.path] = page
    return [pages[path] for path in sorted(pages)]


def job_list(corpus: Corpus, pieces: int) -> list[Job]:
    """Return every maker's item ranges (about `pieces` each) then its rest, in maker order."""
    jobs: list[Job] = []
    for n, maker in enumerate(MAKERS):
        count = maker.count(corpus)
        size = max(1, -(-count // pieces))
        jobs += [(n, start, min(start + size, count)) for start in range(0, count, size)]
        jobs.append((n, -1, -1))
    return jobs


def render_job(corpus: Corpus, env: jinja2.Environment, job: Job) -> list[Page]:
    """Render one job: a range of a maker's items, or the rest of its pages."""
    n, start, stop = job
    maker = MAKERS[n]
    if start < 0:
        return maker.rest(corpus, env)
    return maker.items(corpus, env, start, stop)
