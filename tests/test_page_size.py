"""Page size stays flat as a dossier grows: index, actor and event pages are split, not endless."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from functools import cache

import pytest

from generator.models import (
    UNKNOWN_DATE,
    Actor,
    ActorMention,
    Article,
    Block,
    Corpus,
    DateInfo,
    Event,
    EventRef,
    Page,
    Quote,
)
from generator.render import archive, render_pages
from generator.render.environment import make_environment
from tests.conftest import ROOT

START = dt.date(2020, 1, 1)
PEOPLE = 20
LINK = re.compile(r"\]\(<?([^)<>#\s]+\.md)")


def _article(i: int) -> Article:
    """Return article i: two years of daily news naming one country in every article."""
    person = f"person-{i % PEOPLE}"
    sentences = (
        f"Country A signed accord number {i} with partners on the border question.",
        f"Officials of Country A said the talks of round {i} would go on next week.",
        f"Person {i % PEOPLE} said the deal was fair and would hold for years.",
        "Analysts noted that the decision could reshape relations across the region.",
    )
    undated = i % 20 == 7
    day = None if undated else START + dt.timedelta(days=(i * 7) % 730)
    return Article(
        id=f"a{i:05d}",
        slug=f"accord-number-{i}-signed-on-the-border-question",
        source_file=f"a{i:05d}.txt",
        title=f"Accord number {i} signed on the border question",
        title_source="headline",
        date=DateInfo(day, "explicit" if day else "unknown"),
        outlet="Reuters",
        outlet_source="source line",
        summary=sentences[0],
        blocks=tuple(Block("paragraph", s) for s in sentences),
        sentences=sentences,
        word_count=60,
        actor_mentions=(
            ActorMention("country-a", "Country A", 0),
            ActorMention("country-a", "Country A", 1),
            ActorMention(person, f"Person {i % PEOPLE}", 2),
        ),
        quotes=(Quote(person, "the deal was fair and would hold for years", 2),),
    )


def _order(article: Article) -> tuple[bool, dt.date, str]:
    return (article.date.value is None, article.date.value or dt.date.min, article.id)


@cache
def corpus_of(n: int) -> Corpus:
    """Return a corpus of n articles, one actor named in all, one event reported by all."""
    articles = sorted((_article(i) for i in range(n)), key=_order)
    actors = {"country-a": Actor("country-a", "Country A", "country")}
    actors |= {f"person-{k}": Actor(f"person-{k}", f"Person {k}", "person") for k in range(PEOPLE)}
    summit = Event(
        "border-accord",
        "Border accord",
        "agreement",
        DateInfo(START),
        ("country-a",),
        articles=tuple(EventRef(a.id, "reports", (0,)) for a in articles),
    )
    actor_articles = {
        actor: tuple(a.id for a in articles if actor in a.actor_ids) for actor in sorted(actors)
    }
    return Corpus(
        articles=tuple(articles),
        actors=dict(sorted(actors.items())),
        events={summit.id: summit},
        article_by_id={a.id: a for a in articles},
        actor_articles=actor_articles,
    )


@cache
def pages_of(n: int) -> dict[str, Page]:
    """Render the corpus of n articles; return its Markdown pages by path."""
    pages = render_pages(corpus_of(n), make_environment(ROOT / "templates"))
    return {p.path: p for p in pages if p.path.endswith(".md")}


def _largest(pages: dict[str, Page], folder: str) -> int:
    return max(len(p.text.encode()) for path, p in pages.items() if path.startswith(folder))


@pytest.mark.parametrize("folder", ["articles/", "actors/", "events/", "timeline/", ""])
def test_largest_page_does_not_grow_with_the_corpus(folder: str) -> None:
    small, large = _largest(pages_of(300), folder), _largest(pages_of(1200), folder)
    assert large < 200_000, f"{folder}: {large} bytes at 1,200 articles"
    assert large < small * 1.5, f"{folder}: {small} bytes at 300, {large} at 1,200"


def _links_from(path: str, page: Page) -> set[str]:
    """Return the docs-relative pages a page links to."""
    start = posixpath.dirname(path)
    return {posixpath.normpath(posixpath.join(start, t)) for t in LINK.findall(page.text)}


def _reached(pages: dict[str, Page], start: str, within: tuple[str, ...]) -> set[str]:
    """Return the pages reached from `start` through pages under the folders `within`."""
    seen, todo = {start}, [start]
    while todo:
        path = todo.pop()
        for target in _links_from(path, pages[path]):
            if target not in seen and target in pages:
                seen.add(target)
                if target.startswith(within) and not _is_leaf(target):
                    todo.append(target)
    return seen


def _is_leaf(path: str) -> bool:
    """Tell whether a page is an article page (whose links are not index links)."""
    return path.startswith("articles/") and not path.startswith("articles/by-year/")


def test_every_article_is_linked_from_the_articles_index_pages() -> None:
    pages = pages_of(1200)
    reached = _reached(pages, "articles/index.md", ("articles/",))
    missing = [a.slug for a in corpus_of(1200).articles if f"articles/{a.slug}.md" not in reached]
    assert not missing, f"{len(missing)} articles not reachable from the index"


@pytest.mark.parametrize(("start", "folder"), [("actors/country-a.md", "actors/country-a/")])
def test_every_article_is_reachable_from_its_actor(start: str, folder: str) -> None:
    pages = pages_of(1200)
    reached = _reached(pages, start, (folder,))
    assert all(f"articles/{a.slug}.md" in reached for a in corpus_of(1200).articles)


def test_every_article_is_reachable_from_its_event() -> None:
    pages = pages_of(1200)
    reached = _reached(pages, "events/border-accord.md", ("events/border-accord/",))
    assert all(f"articles/{a.slug}.md" in reached for a in corpus_of(1200).articles)


def test_every_link_of_the_split_pages_resolves() -> None:
    pages = pages_of(1200)
    for path, page in pages.items():
        if path.startswith(("articles/by-year/", "actors/country-a", "events/border-accord")):
            broken = {t for t in _links_from(path, page) if t not in pages}
            broken = {t for t in broken if not t.startswith(("charts/", "data/"))}
            assert not broken, f"{path} links to missing pages {sorted(broken)[:3]}"


BREADCRUMB = re.compile(r"\[[^\]]+\]\(([^)#]+)#([a-z0-9-]+)\)\n\{: \.dossier-breadcrumbs \}")


@pytest.mark.parametrize(("n", "sheet"), [(900, "2021.md"), (1200, "2021-03.md")])
def test_article_breadcrumbs_lead_to_their_month_on_the_index(n: int, sheet: str) -> None:
    pages = pages_of(n)
    assert f"articles/by-year/{sheet}" in pages, "a year page, or a month page of a busy year"
    for article in corpus_of(n).articles:
        path = f"articles/{article.slug}.md"
        found = BREADCRUMB.search(pages[path].text)
        assert found, path
        target = posixpath.normpath(posixpath.join("articles", found.group(1)))
        index = pages[target].text
        assert f"({posixpath.relpath(path, posixpath.dirname(target))})" in index
        heading = found.group(2).replace("-", " ")
        assert f"\n## {heading}\n" in index.lower(), (path, target, heading)


def test_a_new_article_changes_only_its_own_month_page() -> None:
    """A month's index page names nothing of other months (no running total), so an update
    rewrites, and MkDocs renders again, only the month the new article falls in."""
    before, after = pages_of(1200), pages_of(1201)
    months = sorted(p for p in before if p.startswith("articles/by-year/"))
    assert len(months) > 12
    changed = [p for p in months if before[p].data != after[p].data]
    assert len(changed) == 1
    assert "accord-number-1200-" in after[changed[0]].text


@pytest.mark.parametrize("folder", ["actors/country-a/", "events/border-accord/"])
def test_a_new_article_changes_one_part_of_a_long_article_list(folder: str) -> None:
    """Parts start where the articles' ids say, not every PER_PAGE articles: an article dated
    in the middle of the list rewrites the part it falls in, not every part after it."""
    before, after = pages_of(1200), pages_of(1201)
    new = corpus_of(1201).article_by_id["a01200"]
    assert START < new.date.value < START + dt.timedelta(days=500)  # in the middle
    parts = sorted(p for p in after if p.startswith(folder))
    assert len(parts) >= 4 and parts == sorted(p for p in before if p.startswith(folder))
    changed = [p for p in parts if before[p].data != after[p].data]
    assert len(changed) == 1
    assert "accord-number-1200-" in after[changed[0]].text


def test_a_new_undated_article_moves_no_other_on_the_index() -> None:
    """Undated articles are listed by id in parts: a new one leaves the others' parts alone,
    so their article pages, which link to their index part, stay as they were."""
    undated = [dataclasses.replace(_article(i), date=UNKNOWN_DATE) for i in range(0, 3200, 2)]
    extra = dataclasses.replace(_article(1601), date=UNKNOWN_DATE)  # an id among the others

    def parts(articles: list[Article]) -> dict[str, tuple[str, ...]]:
        ordered = sorted(articles, key=lambda a: a.id)
        return {
            s.path: tuple(a.id for a in s.articles)
            for s in archive._parts("undated", "Undated", "Undated", None, ordered)
        }

    before, after = parts(undated), parts([*undated, extra])
    assert len(before) >= 4
    moved = {p for p in after if before.get(p) != after[p]}
    assert len(moved) == 1 and extra.id in after[moved.pop()]
