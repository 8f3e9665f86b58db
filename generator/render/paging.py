"""Long article lists split over pages of bounded size, so no page grows with the dossier."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from generator.models import Article, Corpus, Event, Page
from generator.render.links import article_path, link, relative
from generator.render.page import long_date, markdown_page
from generator.render.runs import runs_by_content

T = TypeVar("T")
SHOWN = 30  # articles an actor or event page shows with their sentences: the latest
PER_PAGE = 300  # entries of one compact list, on the page itself or on each of its parts
SPREAD = PER_PAGE // 3  # about as many entries in each part of a split list


# Rows of the lists pages print. Templates read their fields as attributes, which a dataclass
# answers at once and a dict only after a failed attribute lookup.
@dataclass(frozen=True, slots=True)
class Entry:
    """An article in a compact list: its link, date and outlet."""

    link: Markup
    date: str
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Excerpt:
    """An article shown with some of its sentences."""

    link: Markup
    date: str
    outlet: str | None
    sentences: list[str]


@dataclass(frozen=True, slots=True)
class Dated:
    """A link with the date of what it links to."""

    link: Markup
    date: str


@dataclass(frozen=True, slots=True)
class ArticleList:
    """An owner page's list of all its articles: inline when short, else links to its parts."""

    count: int
    entries: list[Entry] = field(default_factory=list)  # the list, when inline
    parts: list[dict[str, Any]] = field(default_factory=list)  # links to the part pages
    pages: list[Page] = field(default_factory=list)  # the part pages


def _runs(articles: Sequence[Article]) -> list[Sequence[Article]]:
    """Return the articles in runs of at most PER_PAGE, cut where their ids say."""
    return runs_by_content(articles, _article_id, PER_PAGE, SPREAD)


def _article_id(article: Article) -> str:
    return article.id


def latest(items: Sequence[T], dated: Callable[[T], bool], count: int = SHOWN) -> list[T]:
    """Return the newest `count` of items in date order, undated ones only if there is room."""
    known = [i for i in items if dated(i)]
    unknown = [i for i in items if not dated(i)]
    return known[-count:] + unknown[: max(0, count - len(known))]


def is_dated(article: Article) -> bool:
    """Tell whether the article's date is known."""
    return article.date.value is not None


def entry(article: Article, page: str) -> Entry:
    """Return an article's link, date and outlet, for a compact list on `page`."""
    return Entry(
        link(article.title, article_path(article.slug), page),
        long_date(article.date),
        article.outlet,
    )


def part_path(owner: str, number: int) -> str:
    """Return the path of part `number` of the article list of the page at `owner`."""
    return f"{owner.removesuffix('.md')}/articles-{number}.md"


def article_list(
    env: jinja2.Environment, owner: str, title: str, articles: Sequence[Article]
) -> ArticleList:
    """List every article of the page at `owner`, in date order; split it when it is long.

    Parts follow the date order (oldest first, undated last) and start where the articles' ids
    say (runs.py), so a new article changes the part it falls in, not the parts after it.
    """
    if len(articles) <= SHOWN:
        return ArticleList(len(articles))  # the page already shows them all, with sentences
    if len(articles) <= PER_PAGE:
        return ArticleList(len(articles), entries=[entry(a, owner) for a in articles])
    dated = [a for a in articles if is_dated(a)]
    undated = [a for a in articles if not is_dated(a)]  # never mixed with dated
    runs = [*_runs(dated), *_runs(undated)]
    paths = [part_path(owner, n) for n in range(1, len(runs) + 1)]
    parts, pages = [], []
    for n, (path, run) in enumerate(zip(paths, runs, strict=True)):
        span = _span(run)
        parts.append({"link": link(span, path, owner), "count": len(run)})
        pages.append(
            markdown_page(
                env,
                path,
                "article_list.md.j2",
                {"title": f"{title}: {span}", "search": {"exclude": True}},
                title=title,
                span=span,
                owner=link(title, owner, path),
                entries=[entry(a, path) for a in run],
                nav=_nav(paths, n),
            )
        )
    return ArticleList(len(articles), parts=parts, pages=pages)


def _nav(paths: Sequence[str], n: int) -> Markup:
    """Return links from part n to the parts before and after it."""
    here = paths[n]
    links = [Markup(f"[← Earlier articles]({relative(paths[n - 1], here)})")] if n else []
    if n + 1 < len(paths):
        links.append(Markup(f"[Later articles →]({relative(paths[n + 1], here)})"))
    return Markup(" · ").join(links)


def _span(run: Sequence[Article]) -> str:
    """Return the dates a run of articles covers: "3 May 2021 – 9 June 2022"."""
    first, last = long_date(run[0].date), long_date(run[-1].date)
    return first if first == last else f"{first} – {last}"


def event_articles(corpus: Corpus, event: Event) -> tuple[set[str], list[Article]]:
    """Return the ids of an event's articles shown with sentences, and all of them by date."""
    known = corpus.article_by_id
    ids = dict.fromkeys(r.article_id for r in event.articles if r.article_id in known)
    articles = sorted((known[i] for i in ids), key=_date_order)
    return {a.id for a in latest(articles, is_dated)}, articles


def _date_order(article: Article) -> tuple[bool, dt.date, str]:
    return (article.date.value is None, article.date.value or dt.date.min, article.id)
