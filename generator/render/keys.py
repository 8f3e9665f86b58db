"""Digests of what an item's pages are made of, so that an update renders only what changed.

A page maker that renders a page (or a few) per item can say, for each item, a digest of every
value its pages print: the item itself and whatever of the corpus they show of other items. An
item whose digest is the same as when its pages were last written has the same pages, so an
update keeps them from disk. A value left out of a digest would leave a stale page: each digest
is written next to the code that renders its pages, and tests compare updates with full builds.

Digests are made of `repr`: plain values (str, int, date, None, tuples) print the same in every
run, unlike a pickle, which depends on which equal strings are one object. No set may go in.
"""

from __future__ import annotations

import hashlib
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
    EventMention,
    Quote,
)
from generator.render.shared import per_corpus

Digest = bytes


def digest(*parts: object) -> Digest:
    """Return a digest of plain values (no sets: their order changes between runs)."""
    text = repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function giving every field of a dataclass instance, as a tuple, in C."""
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


_ARTICLE = _values(Article)
_DATE = _values(DateInfo)
_BLOCK = _values(Block)
_ACTOR_MENTION = _values(ActorMention)
_QUOTE = _values(Quote)
_EVENT_MENTION = _values(EventMention)
# The fields of an Article that hold dataclasses, and how to flatten each into plain values;
# every other field holds plain values already (a test checks that this stays so).
_NESTED: dict[str, Callable[[Any], Any]] = {
    "date": _DATE,
    "blocks": lambda blocks: tuple(map(_BLOCK, blocks)),
    "actor_mentions": lambda mentions: tuple(map(_ACTOR_MENTION, mentions)),
    "quotes": lambda quotes: tuple(map(_QUOTE, quotes)),
    "event_mentions": lambda mentions: tuple(
        (*values[:2], _DATE(values[2]), *values[3:]) for values in map(_EVENT_MENTION, mentions)
    ),
}
_NESTED_AT = [(i, _NESTED[f.name]) for i, f in enumerate(fields(Article)) if f.name in _NESTED]


def article_values(article: Article) -> tuple[Any, ...]:
    """Return every field of an article, nested ones too, as plain values."""
    values = list(_ARTICLE(article))
    for i, flatten in _NESTED_AT:
        values[i] = flatten(values[i])
    return tuple(values)


def article_digests(corpus: Corpus) -> dict[int, Digest]:
    """Return a digest of each article of the corpus, by identity, worked out once per corpus.

    The corpus holds its articles, so no identity is reused while it lives.
    """
    return per_corpus(corpus, _article_digests)


def _article_digests(corpus: Corpus) -> dict[int, Digest]:
    found: dict[int, Digest] = {}
    for article in (*corpus.articles, *corpus.article_by_id.values()):
        if id(article) not in found:
            found[id(article)] = digest(article_values(article))
    return found
