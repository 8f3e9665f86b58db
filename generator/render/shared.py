"""Lookups that many pages need, worked out once per corpus rather than once per page.

A Corpus is frozen, so the last corpus asked about (by identity) keeps its lookups. Rendering
on several processes works them out before forking, so the workers share them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from generator.models import Corpus

T = TypeVar("T")
_LAST: list[tuple[Corpus, dict[Callable[[Corpus], Any], Any]]] = []


def per_corpus(corpus: Corpus, build: Callable[[Corpus], T]) -> T:
    """Return build(corpus), built once for the last corpus asked about."""
    if not _LAST or _LAST[0][0] is not corpus:
        _LAST[:] = [(corpus, {})]
    found = _LAST[0][1]
    if build not in found:
        found[build] = build(corpus)
    return cast(T, found[build])
