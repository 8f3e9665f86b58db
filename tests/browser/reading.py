"""What a reader does in the browser: search, follow links, take screenshots."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SEARCH_BOX = "input.md-search__input"
INDEX_ENTRY = "ul li a"  # an entry of an index page (articles, actors, events)
RESULTS_DONE = (
    "() => /matching/i.test("
    "(document.querySelector('.md-search-result__meta') || {}).textContent || '')"
)


@dataclass(frozen=True)
class Result:
    """One page in the search results: where it leads and its title."""

    path: str  # URL path, without query or fragment
    title: str


def search(page: Any, query: str) -> list[Result]:
    """Type `query` into the search box and return the pages found, best first."""
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => !({RESULTS_DONE})()")  # no results left from a last query
    box.fill(query)
    box.press("End")  # Material reads the query on key events, as when a reader types
    page.wait_for_function(RESULTS_DONE)
    rows = page.eval_on_selector_all(  # in one go: Material renders results in batches
        ".md-search-result__item > a",
        "links => links.map(a => [a.href, (a.querySelector('h1, h2') || {}).textContent || ''])",
    )
    found: dict[str, Result] = {}
    for href, title in rows:
        path = urlsplit(href).path
        found.setdefault(path, Result(path, title.strip()))
    return list(found.values())


def show(results: list[Result]) -> str:
    """Describe results for an assertion message."""
    return "; ".join(f"{r.title} <{r.path}>" for r in results) or "no results"


def first_link(page: Any, selector: str) -> Any:
    """Return the first link matching `selector` in the page's content, failing if none."""
    links = page.locator(f"article.md-content__inner {selector}")
    assert links.count() > 0, f"no link {selector!r} on {page.url}"
    return links.first


def screenshot(page: Any, folder: Path, name: str) -> Path:
    """Save a full-page screenshot as `name`.png."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def h1(page: Any) -> str:
    """Return the text of the page's one h1."""
    return str(page.locator("article h1").first.inner_text()).strip().rstrip("¶").strip()
