"""Digests of what an item's pages are made of, so that an update renders only what changed.

A page maker that renders a page (or a few) per item can say, for each item, a digest of every
value its pages print: the item itself and whatever of the corpus they show of other items. An
item whose digest is the same as when its pages were last written has the same pages, so an
update keeps them from disk. A value left out of a digest would leave a stale page: each digest
is written next to the code that renders its pages, and tests compare updates with full builds.

Digests are of plain values (str, int, date, None, tuples, lists) pickled without the memo, so
the bytes do not depend on which equal strings are one object. No set or dict may go in: their
order can change between runs, which would only cost renders, but keeps digests comparable.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from generator.models import (
    ActorMention,
    Article,
    Block,
    Corpus,
    DateInfo,
    Event,
    EventRef,
    Quote,
)
from generator.render.shared import per_corpus

Digest = bytes


def digest(*parts: object) -> Digest:
    """Return a digest of plain values (no sets: their order changes between runs)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: equal values give equal bytes whatever objects they are
    pickler.dump(parts)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).digest()


def field_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function giving every field of a dataclass instance, as a tuple, in C."""
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


_ARTICLE = field_values(Article)
_DATE = field_values(DateInfo)
_BLOCK = field_values(Block)
_ACTOR_MENTION = field_values(ActorMention)
_QUOTE = field_values(Quote)
# Fields of an Article that no page prints (a test checks that render/ and the templates never
# name them): the index makes events of the event mentions, and events have digests of their
# own; the overrides only steer the index, and the fingerprint only finds duplicates. Left
# out, they cost a third less to digest.
UNPRINTED = ("event_mentions", "actor_overrides", "event_overrides", "fingerprint")
# The fields of an Article that hold dataclasses, and how to flatten each into plain values;
# every other field holds plain values already (a test checks that this stays so).
_NESTED: dict[str, Callable[[Any], Any]] = {
    "date": _DATE,
    "blocks": lambda blocks: tuple(map(_BLOCK, blocks)),
    "actor_mentions": lambda mentions: tuple(map(_ACTOR_MENTION, mentions)),
    "quotes": lambda quotes: tuple(map(_QUOTE, quotes)),
    **dict.fromkeys(UNPRINTED, lambda value: None),
}
_NESTED_AT = [(i, _NESTED[f.name]) for i, f in enumerate(fields(Article)) if f.name in _NESTED]


def article_values(article: Article) -> tuple[Any, ...]:
    """Return every field of an article that pages may print, nested ones too, as plain values.

    The fields in UNPRINTED are None.
    """
    values = list(_ARTICLE(article))
    for i, flatten in _NESTED_AT:
        values[i] = flatten(values[i])
    return tuple(values)


_EVENT = field_values(Event)
_EVENT_REF = field_values(EventRef)


def event_values(event: Event) -> tuple[Any, ...]:
    """Return every field of an event, its date and article references too, as plain values."""
    values = _EVENT(event)
    return (*values[:3], _DATE(event.date), *values[4:6], tuple(map(_EVENT_REF, event.articles)))


def article_digests(corpus: Corpus) -> dict[int, Digest]:
    """Return per article a digest of it and of the names of its actors (None: no page).

    Worked out once per corpus, by identity: the corpus holds its articles, so no identity is
    reused while it lives.
    """
    return per_corpus(corpus, _article_digests)


def _article_digests(corpus: Corpus) -> dict[int, Digest]:
    found: dict[int, Digest] = {}
    actors = corpus.actors
    for article in (*corpus.articles, *corpus.article_by_id.values()):
        if id(article) not in found:
            names = [actors[i].name if i in actors else None for i in article.actor_ids]
            found[id(article)] = digest(article_values(article), names)
    return found
