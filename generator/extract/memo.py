"""Remember what a pure function of one sentence returned, for a sentence read again.

Articles repeat whole sentences: wire copy run by several outlets, boilerplate ("The ministry
did not respond to a request for comment"), a story updated in place. Finding a sentence's
tokens, event triggers or date phrases depends only on the sentence and on settings fixed for
the run (the compiled event types, the language), so a sentence seen before need not be read
again.

Most sentences are read once, though, and remembering them all would cost memory for nothing
(a sentence's tokens take a few kilobytes). So a result is kept only from a sentence's second
reading on: the first is noted by the sentence's hash alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
S = TypeVar("S")
R = TypeVar("R")

# Results kept per function, and sentences noted as read once; past either the memory starts
# afresh. A hash takes ~60 bytes to note, a result a few hundred to a few thousand.
MAX_RESULTS = 20_000
MAX_SEEN = 400_000

_MISSING: Any = object()


class Memo(Generic[K, R]):
    """Results by key, kept for the keys asked for more than once."""

    def __init__(self) -> None:
        self.results: dict[K, R] = {}
        self.seen: set[int] = set()  # hashes of the keys asked for once
        _MEMOS.append(self)

    def get(self, key: K) -> R:
        """Return the result kept for `key`, or _MISSING."""
        return self.results.get(key, _MISSING)  # type: ignore[no-any-return]

    def put(self, key: K, result: R) -> None:
        """Keep `result` if `key` was asked for before; else note that it was asked for."""
        noted = hash(key)
        if noted not in self.seen:
            if len(self.seen) >= MAX_SEEN:
                self.seen.clear()
            self.seen.add(noted)
            return
        if len(self.results) >= MAX_RESULTS:
            self.results.clear()
        self.results[key] = result

    def clear(self) -> None:
        """Forget everything."""
        self.results.clear()
        self.seen.clear()


_MEMOS: list[Memo[Any, Any]] = []  # every memo made, for forget_all


def forget_all() -> None:
    """Forget every remembered result (a benchmark of first readings, a test)."""
    for memo in _MEMOS:
        memo.clear()


def per_sentence(function: Callable[[str, S], R]) -> Callable[[str, S], R]:
    """Wrap `function(sentence, setting)` to compute once per repeated sentence and setting.

    `function` must be pure and return a value nobody changes (a tuple, a frozen dataclass).
    The setting is held and compared by identity: a run compiles its settings once, and
    another setting (another catalogue, a test's language) forgets what the first gave.
    """
    memo: Memo[str, R] = Memo()
    held: list[Any] = [None]  # the setting the memo's results were computed with

    @functools.wraps(function)
    def remembered(sentence: str, setting: S) -> R:
        if setting is not held[0]:
            memo.clear()
            held[0] = setting
        result = memo.get(sentence)
        if result is _MISSING:
            result = function(sentence, setting)
            memo.put(sentence, result)
        return result

    return remembered


def per_call(function: Callable[..., R]) -> Callable[..., R]:
    """Wrap a pure function of hashable arguments to compute once per repeated call.

    Like functools.lru_cache, but a call is remembered only when it comes a second time.
    """
    memo: Memo[tuple[Any, ...], R] = Memo()

    @functools.wraps(function)
    def remembered(*args: Any) -> R:
        result = memo.get(args)
        if result is _MISSING:
            result = function(*args)
            memo.put(args, result)
        return result

    return remembered
