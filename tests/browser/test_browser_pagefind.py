"""Search in a real browser: Pagefind in the header of a large dossier, Material's in a small one.

It shares the one Chromium of tests/browser/conftest.py: a second Playwright in the same process
would fail. The corpus is small (the engine is forced by the setting), so this runs in
`make test`; the timing at 10,000 articles is measured by the bench (BENCHMARKS.md), not
asserted here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import serve
from bench.corpus import write_corpus
from tests.scalekit import build, write_config

pytestmark = pytest.mark.browser


def _served(tmp: Path, engine: str) -> Iterator[str]:
    seeds = tmp / "seeds"
    write_corpus(seeds, 24, seed=21)
    site = build(tmp, seeds, write_config(tmp, engine), tmp / "cache")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("pagefind"), "pagefind")


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("material"), "material")


def test_pagefind_box_in_header_finds_articles(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(pagefind_site, wait_until="networkidle")
    box = page.locator("header .dossier-search .pagefind-ui__search-input")
    assert box.is_visible()
    assert page.locator(".md-search__input").count() == 0  # Material's box is replaced
    box.fill("officials")
    first = page.locator(".pagefind-ui__result").first
    first.wait_for(timeout=15_000)
    assert page.locator(".pagefind-ui__result").count() >= 1
    link = first.locator("a.pagefind-ui__result-link")
    href = link.get_attribute("href") or ""
    assert "/articles/" in href
    link.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator("article h1").count() == 1
    assert errors == []
    page.close()


def test_pagefind_offers_the_dossier_filters(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="networkidle")
    page.locator(".pagefind-ui__search-input").fill("talks")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
    legends = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    names = {text.strip().casefold() for text in legends}
    assert "year" in names
    assert names <= {"actor", "event type", "outlet", "year"}
    page.close()


def test_article_index_pages_are_not_indexed(pagefind_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(pagefind_site, wait_until="networkidle")
    page.locator(".pagefind-ui__search-input").fill("officials")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
    hrefs = page.locator("a.pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert hrefs and not any(h.rstrip("/").endswith("/articles") for h in hrefs)
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
