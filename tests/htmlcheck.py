"""Inspect HTML for injected elements and visible text, with Python's own html.parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
import yaml

from tests.conftest import ROOT

# Elements article text must never create; the theme's own are checked separately.
FORBIDDEN = {
    "script",
    "img",
    "iframe",
    "object",
    "embed",
    "style",
    "form",
    "input",
    "svg",
    "math",
    "base",
    "link",
    "meta",
    "video",
    "audio",
}
# Elements that would change a page's structure: a prose paragraph must create none of them.
STRUCTURE = {"blockquote", "table", "hr", "pre", "ul", "ol", "dl", "h1", "h2", "h3", "a", "code"}


@dataclass
class Scan:
    """What an HTML fragment holds: its elements, attributes, comments and visible text."""

    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # tag, name, value
    comments: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def visible(self) -> str:
        """Return the visible text, whitespace collapsed."""
        return squash(" ".join(self.text))

    def injected(self) -> list[str]:
        """Return every sign that markup got in: forbidden tags, handlers, script URLs."""
        found = [f"<{t}>" for t in self.tags if t in FORBIDDEN]
        for tag, name, value in self.attributes:
            if name.startswith("on"):
                found.append(f"{tag} {name}=")
            if re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                found.append(f"{tag} {name}={value}")
        found += [f"<!--{c}-->" for c in self.comments]
        return found


class _Scanner(HTMLParser):
    def __init__(self, scan: Scan) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = scan
        self._hidden = 0
        self._hiding: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.tags.append(tag)
        self.scan.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag in {"script", "style"} or ("class", "headerlink") in attrs:  # ¶ permalinks
            self._hidden += 1
            self._hiding.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._hiding and self._hiding[-1] == tag:
            self._hiding.pop()
            self._hidden -= 1

    def handle_comment(self, data: str) -> None:
        self.scan.comments.append(data)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.scan.text.append(data)


def scan_html(html: str) -> Scan:
    """Parse `html` and return what it holds."""
    scan = Scan()
    scanner = _Scanner(scan)
    scanner.feed(html)
    scanner.close()
    return scan


def squash(text: str) -> str:
    """Collapse whitespace, so line wrapping does not count."""
    return re.sub(r"\s+", " ", text).strip()


def _extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """Return the Markdown extensions and their settings from the project's mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)
    names: list[str] = []
    settings: dict[str, dict[str, object]] = {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(item)
    return names, settings


class _Loader(yaml.SafeLoader):
    """Read mkdocs.yml, whose !ENV and !!python/name tags mean nothing here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def render_markdown(text: str) -> str:
    """Render Markdown as MkDocs would, with the extensions mkdocs.yml lists."""
    names, settings = _extensions()
    return markdown.markdown(text, extensions=names, extension_configs=settings)


def render_page(page_text: str) -> str:
    """Render a generated page (front matter + Markdown) to HTML, front matter dropped."""
    return render_markdown(frontmatter.loads(page_text).content)


def article_content(path: Path) -> str:
    """Return the HTML of a built page's article content (between the theme's markers)."""
    html = path.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.index("</article>", start)]
