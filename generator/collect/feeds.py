"""Read an RSS or Atom feed (feedparser): the address and date of each of its entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.collect.found import NotAnArticle
from generator.weburl import web_url


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a feed: the article's address, and the date the feed gives it."""

    url: str
    date: dt.date | None


def feed_entries(data: bytes, origin: str) -> list[Entry]:
    """Return the entries of a feed with an http(s) link, in the feed's order."""
    import feedparser  # only `add --feed` pays for its import

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        why = getattr(parsed, "bozo_exception", None)
        raise NotAnArticle(f"not an RSS or Atom feed ({why or 'no entries'})")
    entries = []
    for item in parsed.entries:
        link = web_url(item.get("link"))
        if link is None:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(Entry(link, dt.date(*stamp[:3]) if stamp else None))
    return entries
