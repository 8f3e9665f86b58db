"""Cut a long ordered list into runs that start where its entries say, not where a count does.

Cutting a sorted list into blocks of a fixed size moves every later block when an entry lands
in the middle, so an update would rewrite every page after it. Here a run starts at an entry
whose key hashes to a multiple of `spread`: where the runs start depends on the keys there,
not on how many entries came before, and a new entry changes the run it falls in only (or,
when its own key starts a run, splits that run in two).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
FALLBACK = 16  # where a full run ends: the last key there that hashes to a multiple of this


def runs_by_content(
    items: Sequence[T], key: Callable[[T], str], size: int, spread: int
) -> list[Sequence[T]]:
    """Split items into runs of at most `size`, which hold about `spread` items each.

    A run starts at an item whose key hashes to a multiple of `spread` once the run before holds
    a third of that. A run that would grow past `size` ends at the last key there that hashes
    to a multiple of a small number instead. Items of one key stay in one run unless it fills.
    """
    found: list[Sequence[T]] = []
    start = 0
    while start < len(items):
        stop = _run_end(items, key, start, spread, size)
        found.append(items[start:stop])
        start = stop
    return found


def _run_end(
    items: Sequence[T], key: Callable[[T], str], start: int, spread: int, size: int
) -> int:
    """Return where the run of items from `start` ends (the index after its last)."""
    end, fallback = min(start + size, len(items)), 0
    for i in range(max(start + 1, start + spread // 3), end):
        here = key(items[i])
        if here == key(items[i - 1]):
            continue
        hashed = _hash(here)
        if hashed % spread == 0:
            return i
        if hashed % FALLBACK == 0:
            fallback = i
    return end if end == len(items) else fallback or end


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
