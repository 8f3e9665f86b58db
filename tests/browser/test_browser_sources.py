"""An article collected from the web cites where it was published: outlet, date, author and a
link to the original; an address that is no web address is never a link."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Served, Watched
from tests.browser.reading import INDEX_ENTRY

pytestmark = pytest.mark.browser

ORIGINAL = "https://news.korsby.example/2025/03/14/dockworkers-end-strike?ref=home&x=1"


def _article(reader: Watched, site: Served, title: str) -> str:
    page = reader.page
    page.goto(site.url + "articles/")
    entry = page.locator(f"article.md-content__inner {INDEX_ENTRY}", has_text=title)
    assert entry.count() == 1, f"{title!r} is listed once"
    page.goto(entry.first.evaluate("a => a.href"))
    return page.locator("article").inner_text()


def test_a_collected_article_links_to_its_original(reader: Watched, collected_site: Served) -> None:
    text = _article(reader, collected_site, "Dockworkers end strike at Korsby port")
    link = reader.page.locator("article a", has_text="news.korsby.example")
    assert link.count() == 1, text
    assert link.first.get_attribute("href") == ORIGINAL
    assert "Korsby Harbour News" in text and "by Lene Marsk" in text
    reader.assert_clean()


def test_an_address_that_is_no_web_address_is_no_link(
    reader: Watched, collected_site: Served
) -> None:
    text = _article(reader, collected_site, "Ferry timetable changes after the strike")
    page = reader.page
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("article img").count() == 0, "the author's markup is text"
    assert "<img src=x onerror=alert(1)>" in text
    reader.assert_clean()
