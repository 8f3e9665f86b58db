"""Render: turn a Corpus into Pages (Markdown with front matter, and the JSON export).

Pages of articles, actors and events render in ranges of items, so a large corpus renders on
every core (see pool.py); the pages, and their order, are the same either way.

An update renders only what changed: a maker may give a digest of each item's inputs (see
keys.py), and an item whose digest the caller still holds pages for on disk is not rendered;
the caller keeps those pages. Pages of the rest (indexes, export, charts) always render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field

import jinja2

from generator.collector import collector_paused
from generator.errors import DuplicatePathError
from generator.models import Corpus, Page
from generator.render import (
    actor_index,
    actors,
    articles,
    charts,
    event_index,
    events,
    export,
    feed,
    home,
    pool,
    report,
)
from generator.render.keys import Digest

PageMaker = Callable[[Corpus, jinja2.Environment], list[Page]]
RangeMaker = Callable[[Corpus, jinja2.Environment, int, int], list[Page]]
KeyMaker = Callable[[Corpus], list[Digest]]
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
    keys: KeyMaker | None = None  # a digest of each item's inputs, if its pages may be kept


MAKERS: tuple[Maker, ...] = (
    Maker(home.render_home),
    Maker(
        articles.articles_index,
        lambda c: len(c.articles),
        articles.article_pages,
        articles.article_keys,
    ),
    Maker(
        actor_index.actors_index,
        lambda c: len(c.actors),
        actors.actor_pages,
        actors.actor_keys,
    ),
    Maker(
        event_index.events_index,
        lambda c: len(c.events),
        events.event_pages,
        events.event_keys,
    ),
    Maker(export.render_data),
    Maker(report.render_report),
    Maker(
        charts.render_home_chart,
        lambda c: len(c.actors),
        charts.actor_charts,
        charts.actor_chart_keys,
    ),
    Maker(
        charts.render_event_days,
        lambda c: len(c.events),
        charts.event_strips,
        charts.event_strip_keys,
    ),
    Maker(feed.render_feed),
)


@dataclass(frozen=True, slots=True)
class Rendered:
    """The pages an update rendered, the ones it kept, and what each item's pages are."""

    pages: list[Page]  # by path
    kept: list[str] = field(default_factory=list)  # paths of pages kept as they are on disk
    items: dict[Digest, tuple[str, ...]] = field(default_factory=dict)  # digest -> its pages


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
    return render_update(corpus, env, {}, jobs, parallel_min).pages


def render_update(
    corpus: Corpus,
    env: jinja2.Environment,
    kept: Mapping[Digest, Sequence[str]],
    jobs: int | None = None,
    parallel_min: int = PARALLEL_MIN,
) -> Rendered:
    """Render the pages of every item whose digest is not in `kept`, and all the rest.

    `kept` maps an item's digest to the paths of its pages as a previous run wrote them and
    they still are on disk; those pages are kept, not rendered (see render_pages).
    """
    jobs = pool.cores() if jobs is None else jobs
    with collector_paused():  # many small tuples, no cycles
        keys = [maker.keys(corpus) if maker.keys else [] for maker in MAKERS]
    todo = [
        [i for i, key in enumerate(keys[n]) if key not in kept] if keys[n] else None
        for n in range(len(MAKERS))
    ]
    parts: Iterator[pool.Pages]
    parallel = jobs >= 2 and len(corpus.articles) >= parallel_min and pool.can_fork()
    work = job_list(corpus, jobs * 6 if parallel else 1, todo)
    if parallel and len(work) > 1:
        for n in range(len(MAKERS)):  # lookups worked out once, before the fork
            render_job(corpus, env, (n, 0, 0))
        parts = pool.render_forked(corpus, env, work, jobs, render_job)
    else:
        parts = (render_job(corpus, env, job) for job in work)
    pages: dict[str, Page] = {}
    items: dict[Digest, tuple[str, ...]] = {}
    with closing(parts):  # on a fault, stop the workers now
        for (n, start, stop), part in zip(work, parts, strict=True):
            for group in part:
                for page in group:
                    if page.path in pages:
                        raise DuplicatePathError(
                            f"two generated pages would be written to {page.path}"
                        )
                    pages[page.path] = page
            if keys[n] and start >= 0:
                for i, group in zip(range(start, stop), part, strict=True):
                    items[keys[n][i]] = tuple(page.path for page in group)
    kept_paths: list[str] = []
    for n in range(len(MAKERS)):
        for key in dict.fromkeys(keys[n]):
            if key in kept and key not in items:
                items[key] = tuple(kept[key])
                kept_paths += kept[key]
    for path in kept_paths:
        if path in pages:
            raise DuplicatePathError(f"two generated pages would be written to {path}")
    return Rendered([pages[path] for path in sorted(pages)], sorted(kept_paths), items)


def job_list(
    corpus: Corpus, pieces: int, todo: Sequence[Sequence[int] | None] | None = None
) -> list[Job]:
    """Return every maker's item ranges (about `pieces` each) then its rest, in maker order.

    A maker with a list in `todo` renders only those items, in ranges of consecutive ones; with
    None (or no `todo`) it renders all.
    """
    jobs: list[Job] = []
    for n, maker in enumerate(MAKERS):
        wanted = todo[n] if todo else None
        if wanted is None:
            wanted = range(maker.count(corpus))
        size = max(1, -(-len(wanted) // pieces))
        for run in _runs(wanted):
            jobs += [
                (n, start, min(start + size, run.stop))
                for start in range(run.start, run.stop, size)
            ]
        jobs.append((n, -1, -1))
    return jobs


def _runs(items: Sequence[int]) -> list[range]:
    """Return the runs of consecutive numbers in `items` (ascending)."""
    runs: list[range] = []
    for i in items:
        if runs and runs[-1].stop == i:
            runs[-1] = range(runs[-1].start, i + 1)
        else:
            runs.append(range(i, i + 1))
    return runs


def render_job(corpus: Corpus, env: jinja2.Environment, job: Job) -> pool.Pages:
    """Render one job: a range of a maker's items (pages item by item), or the rest of its pages."""
    n, start, stop = job
    maker = MAKERS[n]
    if start < 0:
        return [maker.rest(corpus, env)]
    return [maker.items(corpus, env, i, i + 1) for i in range(start, stop)]
