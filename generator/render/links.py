"""Relative links between generated pages: MkDocs checks them and they work under any sub-path."""

from __future__ import annotations

import functools
import posixpath

from markupsafe import Markup

from generator.escape import markdown_inline
from generator.weburl import web_url


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
    # The link depends only on the page's folder, and pages link to the same targets from a
    # few folders, so links are worked out once per target and folder.
    return _relative(target, _folder(page))


@functools.lru_cache(maxsize=65_536)  # every page's folder, at 10,000 articles too
def _folder(page: str) -> str:
    return posixpath.dirname(page) or "."


@functools.lru_cache(maxsize=131_072)
def _relative(target: str, start: str) -> Markup:
    if (
        not target
        or ".." in target
        or ".." in start
        or target.startswith("/")
        or start.startswith("/")
    ):
        return Markup(posixpath.relpath(target, start))
    # What relpath computes, without the two getcwd() calls it makes: below the current
    # folder, both paths share its prefix, so only their own parts count.
    start_parts, target_parts = _parts(start), _parts(target)
    common = 0
    for a, b in zip(start_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    rest = [".."] * (len(start_parts) - common) + list(target_parts[common:])
    return Markup("/".join(rest) if rest else ".")


@functools.lru_cache(maxsize=65_536)
def _parts(path: str) -> tuple[str, ...]:
    """Return the parts of a relative path, as relpath splits it."""
    return tuple(part for part in posixpath.normpath(path).split("/") if part and part != ".")


def link(text: str, target: str, page: str) -> Markup:
    """Return a Markdown link with escaped text from `page` to `target`."""
    return Markup(f"[{markdown_inline(text)}]({relative(target, page)})")


def external_link(text: str, url: str | None) -> Markup | None:
    """Return a Markdown link with escaped text to a plain http(s) address; None for anything
    else (an address with a space, a quote or an angle bracket would break out of the link)."""
    address = web_url(url)
    return Markup(f"[{markdown_inline(text)}](<{address}>)") if address else None


def site_url(path: str) -> str:
    """Return the site URL (relative to the site root) that MkDocs gives a docs page."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"
