"""Search in a real browser: Pagefind in the header of a large dossier, Material's in a small one.

It shares the one Chromium of tests/browser/conftest.py: a second Playwright in the same process
would fail. The corpus is small (the engine is forced by the setting), so this runs in
`make test`; the timing at 10,000 articles is measured by the bench (BENCHMARKS.md), not
asserted here.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import serve
from bench.corpus import write_corpus
from generator import search_index
from tests.browser.conftest import HOSTILE, watch
from tests.scalekit import build, write_config

pytestmark = pytest.mark.browser


def _served(tmp: Path, engine: str, extra: Path | None = None) -> Iterator[str]:
    seeds = tmp / "seeds"
    write_corpus(seeds, 24, seed=21)
    for path in sorted(extra.iterdir()) if extra else ():
        shutil.copy(path, seeds / path.name)
    site = build(tmp, seeds, write_config(tmp, engine), tmp / "cache")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("pagefind"), "pagefind")


@pytest.fixture(scope="module")
def hostile_pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("pagefind-hostile"), "pagefind", HOSTILE)


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("material"), "material")


BOX = "header .dossier-search .dossier-search__input"
RESULT = ".dossier-search__result"
LINK = "a.dossier-search__link"


def _search(page: Any, site: str, query: str) -> None:
    page.goto(site, wait_until="networkidle")
    page.locator(BOX).fill(query)
    page.locator(RESULT).first.wait_for(timeout=15_000)


def _hrefs(page: Any) -> list[str]:
    hrefs: list[str] = page.locator(LINK).evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return hrefs


def test_pagefind_box_in_header_finds_articles(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(pagefind_site, wait_until="networkidle")
    box = page.locator(BOX)
    assert box.is_visible()
    assert page.locator(".md-search__input").count() == 0  # Material's box is replaced
    box.fill("officials")
    first = page.locator(RESULT).first
    first.wait_for(timeout=15_000)
    assert 1 <= page.locator(RESULT).count() <= 5  # the first page of results
    status = page.locator(".dossier-search__status").inner_text()
    assert status.endswith("for \u201cofficials\u201d") and "result" in status
    # An excerpt is text with the matches marked, nothing else.
    assert first.locator(".dossier-search__excerpt mark").count() >= 1
    tags = first.locator(".dossier-search__excerpt *").evaluate_all(
        "els => els.map(e => e.tagName)"
    )
    assert set(tags) == {"MARK"}
    assert "\u00b6" not in first.inner_text()  # headings' permalink signs are not indexed
    # Under an article's title: its date and outlet, as its front matter gives them.
    meta = page.locator(f"{RESULT} .dossier-search__meta").all_inner_texts()
    assert meta and all(re.fullmatch(r"(\d{4}-\d\d-\d\d)?( · )?.*", m) for m in meta)
    hrefs = page.locator(f"{RESULT} {LINK}").evaluate_all("els => els.map(e => e.href)")
    articles = [n for n, href in enumerate(hrefs) if "/articles/" in href]
    assert articles, hrefs  # articles among the first results, beside actor and event pages
    link = page.locator(f"{RESULT} {LINK}").nth(articles[0])
    link.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator("article h1").count() == 1
    assert errors == []
    page.close()


def test_a_result_shows_its_articles_date_and_outlet(pagefind_site: str, browser: Any) -> None:
    with urllib.request.urlopen(f"{pagefind_site}data/corpus.json") as response:
        export = json.load(response)
    article = next(a for a in export["articles"] if a["date"] and a["outlet"])
    page = browser.new_page()
    _search(page, pagefind_site, article["title"])
    meta = page.locator(f"{RESULT} .dossier-search__meta").all_inner_texts()
    assert f"{article['date']} · {article['outlet']}" in meta, meta
    page.close()


def test_more_results_shows_the_next_ones(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    _search(page, pagefind_site, "the")
    total = int(page.locator(".dossier-search__status").inner_text().split()[0].replace(",", ""))
    assert total > 5 and page.locator(RESULT).count() == 5
    page.locator(".dossier-search__more").click()
    page.wait_for_function(f"document.querySelectorAll('{RESULT}').length > 5")
    hrefs = _hrefs(page)
    assert len(hrefs) == min(10, total) and len(set(hrefs)) == len(hrefs)
    page.close()


def test_pagefind_offers_the_dossier_filters(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    _search(page, pagefind_site, "talks")
    page.locator(".dossier-search__filters summary").click()
    names = page.locator(".dossier-search__filter-name").all_inner_texts()
    assert {n.strip().casefold() for n in names} == {"actor", "event type", "outlet", "year"}
    year = page.locator("select[data-filter='year']")
    page.wait_for_function(
        "document.querySelectorAll(\"select[data-filter='year'] option\").length > 1"
    )
    years = [v for v in year.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert years and all(len(y) == 4 and y.isdigit() for y in years)
    unfiltered = page.locator(".dossier-search__status").inner_text()
    year.select_option(years[-1])
    page.wait_for_function(
        "s => document.querySelector('.dossier-search__status').textContent !== s", arg=unfiltered
    )
    filtered = page.locator(".dossier-search__status").inner_text()
    count = int(filtered.split()[0]) if filtered[0].isdigit() else 0
    assert count < int(unfiltered.split()[0].replace(",", ""))
    page.close()


def test_filters_alone_list_their_articles(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="networkidle")
    page.locator(BOX).click()
    page.locator(".dossier-search__filters summary").click()
    outlet = page.locator("select[data-filter='outlet']")
    page.wait_for_function(
        "document.querySelectorAll(\"select[data-filter='outlet'] option\").length > 1"
    )
    outlet.select_option(index=1)
    page.locator(RESULT).first.wait_for(timeout=15_000)
    assert "for these filters" in page.locator(".dossier-search__status").inner_text()
    assert all("/articles/" in h for h in _hrefs(page))
    page.close()


def test_slash_focuses_the_box_and_escape_closes_it(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('dossier-search__input')")
    page.keyboard.type("talks")
    page.locator(RESULT).first.wait_for(timeout=15_000)
    assert page.locator(".dossier-search__panel").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".dossier-search__panel").is_visible()
    assert page.locator(BOX).input_value() == ""
    page.close()


RUNTIME_LOADED = """() => performance.getEntriesByType("resource")
    .some(entry => entry.name.endsWith("/pagefind/pagefind.js"))"""


def test_pagefind_loads_once_the_page_is_idle(pagefind_site: str, browser: Any) -> None:
    """The first search does not wait for Pagefind's runtime: it loads after the page does."""
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="load")
    page.wait_for_function(RUNTIME_LOADED, timeout=10_000)
    assert page.evaluate("document.activeElement === document.body")  # nobody touched the box
    page.close()


def test_pagefind_waits_for_the_box_when_the_reader_saves_data(
    pagefind_site: str, browser: Any
) -> None:
    page = browser.new_page()
    page.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true } })"
    )
    page.goto(pagefind_site, wait_until="networkidle")
    page.wait_for_timeout(2500)  # past the idle callback's own deadline (2 s)
    assert not page.evaluate(RUNTIME_LOADED)
    page.locator(BOX).focus()
    page.wait_for_function(RUNTIME_LOADED, timeout=10_000)
    page.close()


def test_an_actor_page_is_found_by_its_name(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(pagefind_site + "actors/", wait_until="networkidle")
    link = page.locator("article a[href$='/']").filter(has_text=re.compile(r"^[A-Z]\w+ \w+$"))
    name, href = link.first.inner_text(), link.first.get_attribute("href") or ""
    _search(page, pagefind_site, name)
    slug = href.rstrip("/").rsplit("/", 1)[-1]
    assert any(h.rstrip("/").endswith(f"/actors/{slug}") for h in _hrefs(page)), (name, slug)
    page.close()


def test_article_index_pages_are_not_indexed(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    _search(page, pagefind_site, "officials")
    hrefs = _hrefs(page)
    assert hrefs and not any(h.rstrip("/").endswith("/articles") for h in hrefs)
    page.close()


@pytest.mark.parametrize("query", ["alert", "onerror", "javascript"])
def test_hostile_text_found_by_search_is_shown_as_text(
    hostile_pagefind_site: str, browser: Any, query: str
) -> None:
    page = browser.new_page()
    seen = watch(page)
    _search(page, hostile_pagefind_site, query)
    panel = page.locator(".dossier-search__panel")
    tags = panel.locator(".dossier-search__results *").evaluate_all(
        "els => [...new Set(els.map(e => e.tagName))]"
    )
    assert set(tags) <= {"LI", "A", "P", "MARK"}, tags
    hrefs = _hrefs(page)
    assert hrefs and all(h.startswith("/") for h in hrefs)
    assert page.locator("[onerror], [onclick], [href^='javascript:']").count() == 0
    assert query in panel.inner_text().casefold()  # the words are there, as text
    page.locator(LINK).first.hover()
    seen.assert_clean()
    page.close()


def test_small_dossier_keeps_material_search(material_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(material_site, wait_until="networkidle")
    assert page.locator(".dossier-search").count() == 0
    page.locator(".md-search__input").click()
    page.keyboard.type("officials")  # Material listens to key events, not to fill()
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert page.locator(".md-search-result__item").count() >= 1
    page.close()


def _found(page: Any, site: str, query: str) -> tuple[int, list[str]]:
    """Search `query` in a fresh page; return the count the box states and every result's link."""
    page.goto(site, wait_until="networkidle")
    page.locator(BOX).fill(query)
    status = page.locator(".dossier-search__status")
    page.wait_for_function(
        "() => /result/.test(document.querySelector('.dossier-search__status').textContent)"
    )
    text = status.inner_text()
    count = int(text.split()[0].replace(",", "")) if text[0].isdigit() else 0
    for shown in range(5, count + 5, 5):
        page.wait_for_function(
            f"document.querySelectorAll('{RESULT}').length >= {min(shown, count)}"
        )
        if shown < count:
            page.locator(".dossier-search__more").click()
    return count, [href.rstrip("/").rsplit("/", 1)[-1] for href in _hrefs(page)]


def _slugs(docs: Path) -> dict[str, str]:
    export = json.loads((docs / "data" / "corpus.json").read_text("utf-8"))
    return {a["id"]: a["url"].rstrip("/").rsplit("/", 1)[-1] for a in export["articles"]}


def test_an_update_is_searched_through_the_delta_index(tmp_path: Path, browser: Any) -> None:
    """Edit one article and delete another: the small delta index shows the edit, drops the
    deleted article, and no page is listed twice or where it no longer is."""
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 24, seed=21)
    config = write_config(tmp_path, "pagefind")
    site = build(tmp_path, seeds, config, tmp_path / "cache")
    export = json.loads((tmp_path / "docs" / "data" / "corpus.json").read_text("utf-8"))
    edited, deleted = sorted(export["articles"], key=lambda a: a["id"])[:2]
    title = " ".join(re.findall(r"[A-Za-z]+", deleted["title"]))
    slugs = _slugs(tmp_path / "docs")
    with serve(site) as url:
        context = browser.new_context()
        before, found = _found(context.new_page(), url, title)
        assert slugs[deleted["id"]] in found and before == len(found)
        context.close()

        path = seeds / edited["source_file"]
        path.write_text(path.read_text("utf-8") + "\nThe Zanzibari envoy left the talks.\n")
        (seeds / deleted["source_file"]).unlink()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search_index, "DELTA_SHARE", 1.0)  # 24 articles: one changes many pages
            build(tmp_path, seeds, config, tmp_path / "cache")
        delta = json.loads((site / "pagefind" / search_index.DELTA_FILE).read_text("utf-8"))
        assert delta["bundle"] == "delta/" and delta["replaced"]
        slugs = _slugs(tmp_path / "docs")  # later articles of a deleted one's title take its URL
        pages = set(slugs.values())

        context = browser.new_context()
        page = context.new_page()
        watched = watch(page)
        assert _found(page, url, "zanzibari") == (1, [slugs[edited["id"]]])
        after, found = _found(page, url, title)
        assert after == before - 1 == len(found) == len(set(found)) and set(found) <= pages
        count, found = _found(page, url, "envoy")
        assert count == len(found) == len(set(found))  # changed pages are not listed twice
        assert slugs[edited["id"]] in found
        watched.assert_clean()
        context.close()


def test_a_word_shows_its_exact_matches_then_every_match(pagefind_site: str, browser: Any) -> None:
    """The box searches a single word exactly first (fast), then in full: the count it settles
    on is Pagefind's own for the word, longer words included, and no page is listed twice."""
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="networkidle")
    counts = page.evaluate(
        """async () => {
            const pf = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
            await pf.init();
            const exact = await pf.search('"part"');
            const full = await pf.search("part");
            return [exact.results.length, full.results.length];
        }"""
    )
    exact, full = counts
    assert 0 < exact < full  # "party", "partner"... only by the full search
    page.locator(BOX).fill("part")
    page.wait_for_function(
        "n => document.querySelector('.dossier-search__status').textContent.startsWith(n + ' ')",
        arg=str(full),
    )
    shown = page.locator(RESULT).count()
    for _ in range(full // 5 + 1):
        if not page.locator(".dossier-search__more").is_visible():
            break
        page.locator(".dossier-search__more").click()
        page.wait_for_function(f"document.querySelectorAll('{RESULT}').length > {shown}")
        shown = page.locator(RESULT).count()
    hrefs = _hrefs(page)
    assert len(hrefs) == full == len(set(hrefs))
    page.close()
