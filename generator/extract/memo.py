"""Remember what a pure function of one sentence returned, for a sentence read again.

Articles repeat whole sentences: wire copy run by several outlets, boilerplate ("The ministry
did not respond to a request for comment"), a story updated in place. Finding a sentence's
event triggers or date phrases depends only on the sentence and on settings fixed for the run
(the compiled event types, the language), so a sentence seen before need not be read again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

S = TypeVar("S")
R = TypeVar("R")

# Sentences remembered per function; past this the memory starts afresh (a sentence is ~150
# bytes, and what the functions return for it about as much).
MAX_SENTENCES = 50_000


def per_sentence(function: Callable[[str, S], R]) -> Callable[[str, S], R]:
    """Wrap `function(sentence, setting)` to compute once per sentence and setting.

    `function` must be pure and return a value nobody changes (a tuple, a frozen dataclass).
    The setting is held and compared by identity: a run compiles its settings once, and
    another setting (another catalogue, a test's language) forgets what the first gave.
    """
    results: dict[str, R] = {}
    held: list[Any] = [None]  # the setting `results` were computed with

    @functools.wraps(function)
    def remembered(sentence: str, setting: S) -> R:
        if setting is not held[0]:
            results.clear()
            held[0] = setting
        found = results.get(sentence, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        result = function(sentence, setting)
        if len(results) >= MAX_SENTENCES:
            results.clear()
        results[sentence] = result
        return result

    return remembered


_MISSING = object()
