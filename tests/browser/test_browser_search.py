"""Search as a reader uses it: names, variant spellings, event words and quoted phrases."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Served, Watched
from tests.browser.reading import Result, search, show

pytestmark = pytest.mark.browser


def find(reader: Watched, site: Served, query: str) -> list[Result]:
    """Open the home page and search for `query`."""
    reader.page.goto(site.url)
    return search(reader.page, query)


def actor_results(results: list[Result]) -> list[Result]:
    """Keep the results that are actor pages."""
    return [r for r in results if "/actors/" in r.path and not r.path.endswith("/actors/")]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Macron", "Macron"),  # an actor by name
        ("Pashinian", "Pashinyan"),  # a variant spelling seen in the texts
        ("Ilham", "Aliyev"),  # without the dotted capital İ the texts also use
        ("Abdullayeva", "Abdullayeva"),  # a diplomat named in passing
    ],
)
def test_search_finds_the_actor_page_first(
    reader: Watched, root_site: Served, query: str, name: str
) -> None:
    results = find(reader, root_site, query)
    actors = actor_results(results)
    assert actors, f"{query!r} found no actor page: {show(results)}"
    assert name in actors[0].title, f"the named actor is the first actor: {show(results)}"
    ranks = {r.path: i for i, r in enumerate(results)}
    articles = [ranks[r.path] for r in results if "/articles/" in r.path]
    assert all(ranks[actors[0].path] < i for i in articles), f"above articles: {show(results)}"
    reader.assert_clean()


def test_search_resolves_a_misspelling_the_texts_use(reader: Watched, root_site: Served) -> None:
    """A seed text misspells "Emmanual Macron"; the site resolves it, and so does search."""
    results = find(reader, root_site, "Emmanual")
    assert any("Emmanuel Macron" in r.title for r in actor_results(results)), show(results)
    reader.assert_clean()


def test_search_finds_event_pages_by_their_words(reader: Watched, root_site: Served) -> None:
    results = find(reader, root_site, "summons")
    events = [r for r in results if "/events/" in r.path and not r.path.endswith("/events/")]
    assert events, f"no event page for 'summons': {show(results)}"
    reader.assert_clean()


def test_quoted_phrase_requires_every_word(reader: Watched, root_site: Served) -> None:
    loose = [r for r in find(reader, root_site, "fair mediator") if "/articles/" in r.path]
    exact = [r for r in search(reader.page, '"impartial and fair"') if "/articles/" in r.path]
    assert exact, "the phrase is in two seed articles"
    assert {r.path for r in exact} < {r.path for r in loose}, (show(exact), show(loose))
    assert all("/articles/" in r.path for r in exact)
    reader.assert_clean()


def test_index_pages_stay_out_of_results(reader: Watched, root_site: Served) -> None:
    """The home page and the articles index list every title; they must not drown results."""
    results = find(reader, root_site, "Azerbaijan")
    paths = {r.path for r in results}
    assert "/" not in paths and "/articles/" not in paths, show(results)
    assert results, "Azerbaijan is in every seed article"
    reader.assert_clean()
