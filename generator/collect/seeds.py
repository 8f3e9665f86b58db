"""The input folder as the collector sees it: what it already holds, and new files written into it.

An article already there (the same address, after normalising, or the same text) is not added
again; a file already there is never overwritten or changed. New files are named by date and
the title's slug ("2025-03-14-dockworkers-end-strike.md"), so the folder lists in story order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from generator.collect.found import Found
from generator.errors import InputError
from generator.read import (
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    parse_front_matter,
    read_html,
)
from generator.weburl import same_page_key, web_url

SLUG_WORDS = 60  # characters of the title in a new file's name
_SOURCE_LINE = re.compile(r"^(?:source|url)\s*:\s*(https?://\S+)\s*$", re.IGNORECASE | re.M)
ADDRESS_FIELDS = ("url", "canonical", "requested")
KNOWN_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES


def text_key(text: str) -> str:
    """Return what two copies of one article's text share: its words, case folded."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()


@dataclass
class Seeds:
    """The articles of an input folder, by address and by text, and where each one is."""

    root: Path
    addresses: dict[str, str] = field(default_factory=dict)  # page key -> file
    texts: dict[str, str] = field(default_factory=dict)  # text key -> file

    @classmethod
    def scan(cls, root: Path) -> Seeds:
        """Read what the folder holds: .txt and .md files, and saved .html pages (their
        canonical address and their article text, as the pipeline reads them)."""
        seeds = cls(root)
        if not root.is_dir():
            return seeds
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES:
                seeds._learn(path)
        return seeds

    def _learn(self, path: Path) -> None:
        name = path.relative_to(self.root).as_posix()
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix.lower() in HTML_SUFFIXES:
                meta, body = read_html(text)
            else:
                meta, body = parse_front_matter(text, name)
        except (OSError, InputError):
            return
        addresses = [meta.get(f) for f in ADDRESS_FIELDS]
        addresses += _SOURCE_LINE.findall(body[-2000:])
        for address in filter(None, map(web_url, addresses)):
            self.addresses.setdefault(same_page_key(address), name)
        self.texts.setdefault(text_key(body), name)

    def holding_address(self, *addresses: str | None) -> str | None:
        """Return the file that holds the article at any of these addresses, if one does."""
        keys = (same_page_key(a) for a in addresses if a)
        return next((self.addresses[k] for k in keys if k in self.addresses), None)

    def holding(self, found: Found) -> str | None:
        """Return the file that already holds this article (its address or its text)."""
        held = self.holding_address(found.url, found.canonical, found.origin)
        return held or self.texts.get(text_key(found.text))

    def copy(self, path: Path, text: str) -> str:
        """Copy a saved .txt or .md file in under its own name (numbered if that is taken)."""
        return self._create(path.stem, path.suffix.lower(), text)

    def write(self, found: Found, fetched: dt.datetime | None) -> str:
        """Write the article as a new Markdown file with front matter; return its name."""
        fields: dict[str, object] = {"title": found.title, "date": found.date}
        fields |= {"date_from": found.date_from, "outlet": found.outlet}
        fields |= {"outlet_from": found.outlet_from, "url": found.url}
        fields |= {"canonical": found.canonical, "author": found.author}
        if found.origin != found.url and web_url(found.origin):
            fields["requested"] = found.origin
        if fetched is not None:
            fields["fetched"] = fetched.isoformat(timespec="seconds")
        meta = {k: v for k, v in fields.items() if v}
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        return self._create(_stem(found), ".md", f"---\n{head}---\n\n{found.text}")

    def _create(self, stem: str, suffix: str, content: str) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
            try:  # "x": never overwrite a file that is there, even one made since the scan
                with open(self.root / name, "x", encoding="utf-8", newline="\n") as out:
                    out.write(content)
            except FileExistsError:
                continue
            self._learn(self.root / name)
            return name
        raise FileExistsError(f"{stem}{suffix} and 998 numbered copies exist already")


def _stem(found: Found) -> str:
    """Return a new file's name without extension: its date and its title's slug."""
    day = found.date.isoformat() if found.date else "undated"
    words = found.title or found.text[:200]
    slug = slugify(words, max_length=SLUG_WORDS, word_boundary=True) or "article"
    return f"{day}-{slug}"
