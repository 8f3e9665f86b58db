"""Escape untrusted text at the boundary, so it is shown literally and never interpreted.

Article text goes into Markdown pages rendered by Python-Markdown with Material's extensions,
into YAML front matter, and into HTML attributes. Everything a reader could type that one of
them would interpret becomes a backslash escape or an HTML entity, which the browser shows as
the character the author wrote.
"""

from __future__ import annotations

import functools
import html
import re

from markupsafe import Markup

# Characters that no backslash escape covers in Python-Markdown, or that HTML would read.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
}
# Everything else special gets a backslash, which Python-Markdown removes when it renders.
_INLINE = re.compile(r"[\\`*_\[\]#&<>{}|~^=]")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65_536)  # names, titles and dates are escaped on many pages
def markdown_inline(text: str) -> Markup:
    """Escape text for a Markdown paragraph, heading or table cell: it renders as written."""
    text = _SPACE.sub(" ", text).strip()
    escaped = _INLINE.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)
    escaped = _NUMBERED.sub(r"\1\\\2", escaped)  # "1. " would start a list
    if escaped.startswith(("-", "+", ":", "!")):  # a list item, rule, definition, admonition
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return Markup(escaped.replace("://", "&#58;//"))  # no autolinking of bare addresses


def html_text(text: str) -> str:
    """Escape text for HTML element content or an attribute value (front matter titles)."""
    return html.escape(re.sub(r"\s+", " ", text).strip(), quote=True)
