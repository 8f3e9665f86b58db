"""An article full of markup, script and template syntax is shown as text, and runs nothing."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Served, Watched
from tests.browser.reading import INDEX_ENTRY, search

pytestmark = pytest.mark.browser

INJECTED = ", ".join(
    [
        "article script",
        "article iframe",
        "article img[src='x']",
        "[onerror]",
        "[onclick]",
        "a[href^='javascript:']",
        "img[src^='javascript:']",
        ".evil",
        "article b",
    ]
)


def test_hostile_articles_run_nothing(reader: Watched, hostile_site: Served) -> None:
    page = reader.page
    page.goto(hostile_site.url + "articles/")
    entries = page.locator(f"article.md-content__inner {INDEX_ENTRY}")
    urls = [entries.nth(i).evaluate("a => a.href") for i in range(entries.count())]
    assert len(urls) >= 2, "both hostile fixtures are published"
    texts = []
    for url in urls:
        page.goto(url)
        injected = page.locator(INJECTED)
        assert injected.count() == 0, injected.first.evaluate("e => e.outerHTML")
        assert page.locator("article h1").count() == 1, f"a '# ' line is no heading: {url}"
        texts.append(page.locator("article").inner_text())
    body = "\n".join(texts)
    assert '<script>alert("xss")</script>' in body, "the script is shown as the text it was"
    assert "{{ 7*7 }}" in body, "template syntax is shown, not evaluated"
    search(page, "protesters")
    reader.assert_clean()


def test_hostile_site_pages_load_cleanly(reader: Watched, hostile_site: Served) -> None:
    for path in ("", "articles/", "actors/", "events/", "timeline/", "data/", "report/"):
        reader.page.goto(hostile_site.url + path)
        assert reader.page.locator(INJECTED).count() == 0, path
    reader.assert_clean()
