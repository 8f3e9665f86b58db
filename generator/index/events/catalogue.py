"""Apply the user's events catalogue (catalogue/events*.yaml): name, merge or split events.

Each entry describes one event and the mentions that belong to it. A mention matches an entry
when it meets every criterion the entry gives (type, date, words, articles, actors); all the
mentions an entry matches become that one event (merge), whatever clustering would have done
(split), under the entry's id and title (name).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.errors import CatalogueError
from generator.index.events.dates import compatible
from generator.index.events.model import CatalogueEntry, Item
from generator.knowledge import Knowledge
from generator.models import DateInfo, Precision

KEYS = frozenset({"id", "title", "type", "date", "words", "articles", "actors"})


def catalogue_entries(knowledge: Knowledge) -> tuple[CatalogueEntry, ...]:
    """Return the events catalogue, checked; every fault is reported at once."""
    entries, errors = [], []
    for n, raw in enumerate(knowledge.events, 1):
        try:
            entries.append(_entry(raw))
        except (ValueError, TypeError) as exc:
            errors.append(f"events catalogue, entry {n}: {exc}")
    if errors:
        raise CatalogueError("; ".join(errors))
    return tuple(entries)


def _entry(raw: Mapping[str, Any]) -> CatalogueEntry:
    unknown = set(raw) - KEYS
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)} (known: {sorted(KEYS)})")
    entry = CatalogueEntry(
        id=_text(raw.get("id")),
        title=_text(raw.get("title")),
        type=_text(raw.get("type")),
        date=_date(raw.get("date")),
        words=_texts(raw.get("words")),
        articles=_texts(raw.get("articles")),
        actors=_texts(raw.get("actors")),
    )
    if not (entry.type or entry.date or entry.words or entry.articles or entry.actors):
        raise ValueError("give at least one of type, date, words, articles, actors to match")
    return entry


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _date(value: Any) -> DateInfo | None:
    """Read 2022, "2022-11" or 2022-11-15 as a date of year, month or day precision."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return DateInfo(value, "explicit", "events catalogue", "day")
    text = str(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if match is None:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    precision: Precision = "day" if day else "month" if month else "year"
    return DateInfo(dt.date(year, month or 1, day or 1), "explicit", "events catalogue", precision)


def entry_for(entries: Sequence[CatalogueEntry], item: Item) -> CatalogueEntry | None:
    """Return the first entry the mention matches, if any."""
    return next((e for e in entries if _matches(e, item)), None)


def _matches(entry: CatalogueEntry, item: Item) -> bool:
    mention = item.mention
    if entry.type and mention.type != entry.type:
        return False
    if entry.articles and item.article.id not in entry.articles:
        return False
    if entry.actors and not set(entry.actors) <= set(mention.actors + mention.targets):
        return False
    sentence = item.sentence.casefold()
    if any(w.casefold() not in sentence for w in entry.words):
        return False
    if entry.date is not None:
        date = mention.date
        return date.value is not None and compatible(entry.date, date)
    return True
