"""The built seed site: every internal link resolves, every page has a title, one h1, alt text."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow

# Attributes that make the browser fetch or navigate to another resource.
LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class PageParser(HTMLParser):
    """Collect what the checks need from one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.titles: list[str] = []
        self.h1 = 0
        self.images_without_alt: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        attr = LINK_ATTRS.get(tag)
        if attr and found.get(attr):
            self.links.append(str(found[attr]))
        if tag == "h1":
            self.h1 += 1
        if tag == "img" and not (found.get("alt") or "").strip():
            self.images_without_alt.append(str(found.get("src")))
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def parse(path: Path) -> PageParser:
    """Parse one built page."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    """Return every HTML page of the site but the 404 page (served for missing pages)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """Return the file an internal link points at and its fragment; None for outside links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else None
    path = site / target if target else page
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_site_has_pages(seed_site: Path) -> None:
    assert (seed_site / "index.html").is_file()
    assert len(pages(seed_site)) >= 10


def test_no_broken_internal_link(seed_site: Path) -> None:
    broken = []
    parsed = {p: parse(p) for p in pages(seed_site)}
    for page, found in parsed.items():
        for href in found.links:
            resolved = resolve(seed_site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.is_file():
                broken.append(f"{page.relative_to(seed_site)} -> {href}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(seed_site)} -> {href} (no #{fragment})")
    assert not broken, "\n".join(broken)


def test_no_link_leaves_the_site_for_a_resource(seed_site: Path) -> None:
    """Scripts, styles and images come from the site itself: it works offline."""
    outside = []
    for page in pages(seed_site):
        text = page.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com"):
            if marker in text:
                outside.append(f"{page.relative_to(seed_site)}: {marker}")
    assert not outside, outside


@pytest.mark.parametrize("check", ["title", "h1", "alt"])
def test_every_page_is_well_formed(seed_site: Path, check: str) -> None:
    faults = []
    for page in pages(seed_site):
        found = parse(page)
        name = page.relative_to(seed_site).as_posix()
        if check == "title" and not "".join(found.titles).strip():
            faults.append(f"{name}: no <title>")
        if check == "h1" and found.h1 != 1:
            faults.append(f"{name}: {found.h1} h1 elements")
        if check == "alt" and found.images_without_alt:
            faults.append(f"{name}: images without alt {found.images_without_alt}")
    assert not faults, "\n".join(faults)


def test_feed_is_valid_atom_linked_from_every_page(seed_site: Path) -> None:
    feed = ET.parse(seed_site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert entries, "the feed lists the newest articles"
    updated = [e.findtext(f"{atom}updated") or "" for e in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    for entry in entries:
        href = entry.find(f"{atom}link").get("href")  # type: ignore[union-attr]
        resolved = resolve(seed_site, seed_site / "feed.xml", href or "")
        assert resolved is not None and resolved[0].is_file(), href
    for page in pages(seed_site):
        assert 'type="application/atom+xml"' in page.read_text(encoding="utf-8"), page


def test_home_shows_a_chart_with_alt_text(seed_site: Path) -> None:
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "articles-per-month.svg" in home
    svg = ET.parse(seed_site / "charts" / "articles-per-month.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.findall(".//{http://www.w3.org/2000/svg}rect"), "one bar per month at least"


ACTIVE_TAB = re.compile(r'md-tabs__item--active">\s*<a [^>]*>\s*([^<]*?)\s*<')


def _active_tabs(page: Path) -> list[str]:
    return ACTIVE_TAB.findall(page.read_text("utf-8"))


def test_the_tab_of_a_section_is_active_on_its_pages(seed_site: Path) -> None:
    """Articles, actors and events are not in the nav; their tab shows where the reader is."""
    first = {
        folder: sorted((seed_site / folder).glob("*/index.html"))[0]
        for folder in ("articles", "actors", "events")
    }
    assert _active_tabs(seed_site / "index.html") == ["Home"]
    assert _active_tabs(first["articles"]) == ["Articles"]
    assert _active_tabs(first["actors"]) == ["Actors"]
    assert _active_tabs(first["events"]) == ["Events"]
    assert _active_tabs(seed_site / "report" / "index.html") == ["About"]
    assert all(len(_active_tabs(page)) <= 1 for page in pages(seed_site))
