"""Pagefind's index of a built site: in full, skipped when nothing changed, or a delta of the
pages an update changed, merged by the search box (the browser side is in
tests/browser/test_browser_pagefind.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.search_index import (
    BUNDLE,
    DELTA,
    DELTA_FILE,
    FILTER_VALUES,
    STATE,
    fragment_ids,
    index_site,
    page_url,
    site_pages,
)

WORDS = ["truce", "border", "summit", "envoy", "sanctions", "protest", "ballot", "treaty"]


def _page(site: Path, name: str, text: str, indexed: bool = True) -> Path:
    path = site / name / "index.html" if name else site / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = " data-pagefind-body" if indexed else ""
    path.write_text(f"<html><body><main{body}><h1>{name}</h1><p>{text}</p></main></body></html>")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site of 20 indexed pages and one listing page Pagefind does not index."""
    site = tmp_path / "site"
    for i in range(20):
        _page(site, f"page-{i:02}", f"The {WORDS[i % len(WORDS)]} of page {i}.")
    _page(site, "by-year", "Every page by year.", indexed=False)
    return site


def _state(site: Path) -> dict:
    return json.loads((site / BUNDLE / STATE).read_text(encoding="utf-8"))


def _delta(site: Path) -> dict:
    return json.loads((site / BUNDLE / DELTA_FILE).read_text(encoding="utf-8"))


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_page_url_is_the_url_pagefind_gives_each_page() -> None:
    assert page_url("index.html") == "/"
    assert page_url("articles/talks/index.html") == "/articles/talks/"
    assert page_url("about.html") == "/about.html"


def test_site_pages_are_the_html_pages_pagefind_reads_with_size_and_mtime(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "about.html", "a/index.html", "a/b/c/index.html", "a/404.html"):
        _write(site / name, "<p>page</p>")
    for name in ("pagefind/x/page.html", "404.html", ".staging/page.html", "a/page.css"):
        _write(site / name, "not a page")
    _write(site / "a/pagefind/index.html", "a page in a folder named like the bundle")
    _write(site / "a/.hidden/index.html", "a page below a dot folder that is not the site's")
    _write(tmp_path / "elsewhere" / "index.html", "<p>outside</p>")
    (site / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    os.utime(site / "about.html", ns=(0, 123))
    pages = site_pages(site)
    assert list(pages) == [
        "a/.hidden/index.html",
        "a/404.html",
        "a/b/c/index.html",
        "a/index.html",
        "a/pagefind/index.html",
        "about.html",
        "index.html",
    ]
    assert pages["about.html"] == [len("<p>page</p>"), 123]
    assert site_pages(tmp_path / "missing") == {}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_full_index_records_the_id_of_every_page_it_indexed(site: Path) -> None:
    assert index_site(site) == "full"
    ids = fragment_ids(site / BUNDLE)
    assert sorted(ids) == [f"/page-{i:02}/" for i in range(20)]  # the listing is not indexed
    assert len(set(ids.values())) == 20
    state = _state(site)
    assert state["ids"] == ids
    assert sorted(state["pages"]) == sorted(site_pages(site))
    assert _delta(site) == {"replaced": []}


def test_index_site_writes_the_filter_values_beside_the_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><body><main data-pagefind-body><h1>Talks</h1><p>The talks resumed.</p>"
        '<span data-pagefind-filter="year">2021</span></main></body></html>',
        encoding="utf-8",
    )
    index_site(site, {"year": ["2021"], "outlet": ["Ré & Co <b>"]})
    written = json.loads((site / BUNDLE / FILTER_VALUES).read_text(encoding="utf-8"))
    assert written == {"outlet": ["Ré & Co <b>"], "year": ["2021"]}
    assert (site / BUNDLE / "pagefind.js").is_file()


def test_nothing_runs_when_no_page_changed(site: Path) -> None:
    assert index_site(site, {"year": ["2021"]}) == "full"
    entry = site / BUNDLE / "pagefind-entry.json"
    built = entry.stat().st_mtime_ns
    (site / "404.html").write_text("<html><body><h1>Not found</h1></body></html>")
    assert index_site(site, {"year": ["2021", "2022"]}) == "unchanged"  # only the 404 page
    assert entry.stat().st_mtime_ns == built
    written = json.loads((site / BUNDLE / FILTER_VALUES).read_text(encoding="utf-8"))
    assert written == {"year": ["2021", "2022"]}  # the lists follow the values all the same


def test_changed_and_deleted_pages_go_to_a_delta_that_replaces_their_entries(site: Path) -> None:
    index_site(site, share=0.5)
    ids = _state(site)["ids"]
    _page(site, "page-03", "The ceasefire of page 3.")
    _page(site, "page-20", "A new page about the ceasefire.")
    (site / "page-07" / "index.html").unlink()
    assert index_site(site, share=0.5) == "delta"
    delta = _delta(site)
    assert delta["bundle"] == f"{DELTA}/"
    assert delta["replaced"] == sorted([ids["/page-03/"], ids["/page-07/"]])
    assert sorted(fragment_ids(site / BUNDLE / DELTA)) == ["/page-03/", "/page-20/"]
    assert fragment_ids(site / BUNDLE) == ids  # the full index is kept as it was
    assert not (site / ".pagefind-pages").exists()
    assert index_site(site, share=0.5) == "unchanged"
    # The next update's delta holds every page changed since the full index, not only its own.
    _page(site, "page-11", "The envoy of page 11, again.")
    assert index_site(site, share=0.5) == "delta"
    assert sorted(fragment_ids(site / BUNDLE / DELTA)) == ["/page-03/", "/page-11/", "/page-20/"]
    assert ids["/page-07/"] in _delta(site)["replaced"]


def test_a_page_rewritten_with_the_same_text_keeps_its_entry(site: Path) -> None:
    index_site(site, share=0.5)
    ids = _state(site)["ids"]
    _touch_later(site / "page-05" / "index.html")
    _page(site, "page-06", "The ceasefire of page 6.")
    assert index_site(site, share=0.5) == "delta"
    delta = fragment_ids(site / BUNDLE / DELTA)
    assert delta["/page-05/"] == ids["/page-05/"]  # same text, same id: shown once, not dropped
    assert _delta(site)["replaced"] == [ids["/page-06/"]]


def test_a_changed_listing_page_is_not_indexed_into_the_delta(site: Path) -> None:
    index_site(site, share=0.5)
    _page(site, "by-year", "Every page by year, and one more.", indexed=False)
    assert index_site(site, share=0.5) == "delta"
    assert _delta(site) == {"replaced": []}
    assert not (site / BUNDLE / DELTA).exists()


def test_past_the_share_every_page_is_indexed_again(site: Path) -> None:
    index_site(site, share=0.1)
    _page(site, "page-01", "The ceasefire of page 1.")
    _page(site, "page-20", "A new page about the ceasefire.")
    assert index_site(site, share=0.1) == "delta"  # 2 of 20 pages
    for i in (2,):
        _page(site, f"page-{i:02}", f"The ceasefire of page {i}.")
    assert index_site(site, share=0.1) == "full"
    assert not (site / BUNDLE / DELTA).exists()
    assert _delta(site) == {"replaced": []}
    assert "/page-02/" in fragment_ids(site / BUNDLE)


def test_an_index_from_another_pagefind_or_none_is_rebuilt(site: Path) -> None:
    index_site(site)
    state = _state(site)
    (site / BUNDLE / STATE).write_text(json.dumps({**state, "settings": "older"}))
    assert index_site(site) == "full"
    (site / BUNDLE / STATE).unlink()
    assert index_site(site) == "full"
