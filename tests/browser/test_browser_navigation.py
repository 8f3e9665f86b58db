"""Reading the site: home, article, actor, event, timeline, by clicking as a reader would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import Served, Watched
from tests.browser.reading import INDEX_ENTRY, first_link, h1, screenshot, search

pytestmark = pytest.mark.browser

README_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "screenshots"


def test_home_page_says_what_the_dossier_holds(
    reader: Watched, root_site: Served, artifacts: Path
) -> None:
    page = reader.page
    page.goto(root_site.url)
    text = page.locator("article").inner_text()
    assert "5 articles" in text
    assert "Latest articles" in text
    chart = page.locator("img.dossier-chart")
    assert chart.count() == 1 and chart.get_attribute("alt")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0"), "the chart loads"
    assert page.locator("link[type='application/atom+xml']").count() == 1
    screenshot(page, artifacts, "home")
    reader.assert_clean()


def test_article_actor_event_and_back(reader: Watched, root_site: Served, artifacts: Path) -> None:
    page = reader.page
    page.goto(root_site.url + "articles/")
    first_link(page, INDEX_ENTRY).click()
    article = h1(page)
    assert page.locator(".admonition.abstract").count() == 1, "metadata box"
    screenshot(page, artifacts, "article")
    article_url = page.url
    first_link(page, ".admonition a[href*='actors/']").click()
    actor = h1(page)
    assert "/actors/" in page.url
    screenshot(page, artifacts, "actor")
    first_link(page, "a[href*='events/']").click()
    assert "/events/" in page.url
    screenshot(page, artifacts, "event")
    page.go_back()
    assert h1(page) == actor
    page.go_back()
    assert page.url == article_url and h1(page) == article
    reader.assert_clean()


def test_previous_and_next_follow_the_dates(reader: Watched, root_site: Served) -> None:
    page = reader.page
    page.goto(root_site.url + "articles/")
    first_link(page, INDEX_ENTRY).click()
    start = h1(page)
    nav = page.locator("nav.dossier-prevnext a")
    assert nav.count() >= 1, "an article has a neighbour by date"
    nav.last.click()
    assert h1(page) != start
    back = page.locator("nav.dossier-prevnext a")
    assert start in [back.nth(i).inner_text() for i in range(back.count())], "links both ways"
    reader.assert_clean()


def test_timeline_lists_events(reader: Watched, root_site: Served, artifacts: Path) -> None:
    page = reader.page
    page.goto(root_site.url + "timeline/")
    assert h1(page) == "Timeline"
    screenshot(page, artifacts, "timeline")
    assert page.locator("article a[href*='events/']").count() > 0, "the timeline links events"
    reader.assert_clean()


def test_readme_screenshots(reader: Watched, root_site: Served, artifacts: Path) -> None:
    """Take the two screenshots the README shows; `make screenshots` refreshes the README's."""
    folder = README_SCREENSHOTS if os.environ.get("DOSSIER_UPDATE_SCREENSHOTS") else artifacts
    page = reader.page
    page.set_viewport_size({"width": 1280, "height": 800})  # wide enough for the tabs
    folder.mkdir(parents=True, exist_ok=True)
    page.goto(root_site.url)
    page.screenshot(path=str(folder / "home.png"))
    results = [r for r in search(page, "Pashinian") if "/actors/" in r.path]
    assert results, "an actor page to show"
    page.goto(root_site.at(results[0].path))
    page.screenshot(path=str(folder / "actor.png"))
    reader.assert_clean()


def test_site_works_under_a_sub_path(reader: Watched, subpath_site: Served) -> None:
    page = reader.page
    page.goto(subpath_site.url)
    assert page.locator("img.dossier-chart").evaluate("img => img.naturalWidth > 0")
    results = search(page, "impartial")
    assert results and all(r.path.startswith("/repo/") for r in results)
    articles = [r for r in results if r.path.startswith("/repo/articles/")]
    assert articles, "the word is in two seed articles"
    page.goto(subpath_site.at(articles[0].path))
    assert page.locator("article h1").count() == 1
    first_link(page, ".dossier-breadcrumbs a").click()
    assert page.url.startswith(subpath_site.url + "articles/")
    reader.assert_clean()


@pytest.mark.parametrize("site", ["root_site", "subpath_site"])
def test_an_event_strip_lies_over_the_days_of_every_event(
    reader: Watched, site: str, request: pytest.FixtureRequest, artifacts: Path
) -> None:
    """The stylesheet draws the days of every event under an event's strip: both load, and
    the drawing under it is the dossier's one picture of event days."""
    served: Served = request.getfixturevalue(site)
    pages = sorted((served.site / "events").glob("*/index.html"))
    path = next(p for p in pages if "dossier-strip" in p.read_text(encoding="utf-8"))
    page = reader.page
    page.goto(served.url + path.parent.relative_to(served.site).as_posix() + "/")
    strip = page.locator("img.dossier-strip")
    assert strip.evaluate("img => img.complete && img.naturalWidth > 0"), "the strip loads"
    under = strip.evaluate("img => getComputedStyle(img).backgroundImage")
    assert under.startswith('url("') and under.endswith('/charts/event-days.svg")'), under
    fetched = page.request.get(under[5:-2])
    assert fetched.ok and b"<circle" in fetched.body(), "the event days load"
    screenshot(page, artifacts, f"event-strip-{site}")
    reader.assert_clean()
