"""Relative links between generated pages: MkDocs checks them and they work under any sub-path."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from generator.escape import markdown_inline


def article_path(slug: str) -> str:
    """Return the docs-relative path of an article page."""
    return f"articles/{slug}.md"


def actor_path(actor_id: str) -> str:
    """Return the docs-relative path of an actor page."""
    return f"actors/{actor_id}.md"


def event_path(event_id: str) -> str:
    """Return the docs-relative path of an event page."""
    return f"events/{event_id}.md"


def relative(target: str, page: str) -> Markup:
    """Return the link from the page at `page` to the page at `target`, both docs-relative."""
    start = posixpath.dirname(page) or "."
    return Markup(posixpath.relpath(target, start))


def link(text: str, target: str, page: str) -> Markup:
    """Return a Markdown link with escaped text from `page` to `target`."""
    return Markup(f"[{markdown_inline(text)}]({relative(target, page)})")


def site_url(path: str) -> str:
    """Return the site URL (relative to the site root) that MkDocs gives a docs page."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"
