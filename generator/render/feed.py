"""The Atom feed of the newest articles, written as one more generated file (`feed.xml`).

Our own few lines rather than mkdocs-rss-plugin: that plugin dates pages from git history or
needs its own front matter conventions, and MkDocs 2 drops plugins. Links in the feed are
relative; RFC 4287 resolves them against the feed's own address, so the feed is right under any
sub-path without knowing `site_url`. Entry ids are stable `urn:uuid:` names derived from the
article id, so a rebuild never shows readers old entries as new.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

import jinja2

from generator.models import Article, Corpus, Page
from generator.render.links import article_path, site_url

FEED = "feed.xml"
ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 forbids: article text is untrusted and may carry any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMESPACE = uuid.UUID("6f1d2c52-6b0e-4d8e-9a51-2f1b8c7d0e11")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _stamp(article: Article) -> str:
    assert article.date.value is not None
    return f"{article.date.value.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def build_feed(corpus: Corpus, title: str = "Dossier: latest articles") -> str:
    """Return the Atom XML of the newest dated articles, newest first."""
    ET.register_namespace("", ATOM)
    newest = list(reversed(corpus.dated))[:ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed')}")
    _sub(feed, "updated", _stamp(newest[0]) if newest else "1970-01-01T00:00:00Z")
    _sub(feed, "link", rel="self", href=FEED)
    _sub(feed, "link", rel="alternate", type="text/html", href="./")
    _sub(_sub(feed, "author"), "name", "Dossier")
    for article in newest:
        entry = _sub(feed, "entry")
        _sub(entry, "title", article.title)
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'article:' + article.id)}")
        _sub(
            entry,
            "link",
            rel="alternate",
            type="text/html",
            href=site_url(article_path(article.slug)),
        )
        _sub(entry, "updated", _stamp(article))
        _sub(entry, "published", _stamp(article))
        if article.outlet:
            _sub(_sub(entry, "author"), "name", article.outlet)
        _sub(entry, "summary", article.summary)
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def render_feed(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render `feed.xml`; the theme links it from every page's head."""
    return [Page.of(FEED, build_feed(corpus))]
