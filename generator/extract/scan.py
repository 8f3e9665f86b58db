"""Find where any of many patterns matches in one pass, then try each pattern only there.

Event triggers are a hundred case-insensitive patterns; scanning a sentence once for all of
them, then matching each only where the scan stopped, gives what scanning with each gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# A back-reference would point at another trigger's group once the triggers are joined.
_BACKREF = re.compile(r"\\(?:[1-9]|g<)|\(\?P=")


def scanner(triggers: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """Return one pattern matching (empty) wherever any trigger matches, or None if unjoinable.

    One pass of it over a sentence replaces a pass of every trigger: each trigger is then only
    tried where the scan found that some trigger starts.
    """
    triggers = list(triggers)
    flags = {t.flags for t in triggers}
    sources = [t.pattern for t in triggers]
    if len(flags) > 1 or any(_BACKREF.search(source) for source in sources):
        return None  # joined, they would not match as they do apart
    try:
        joined = "|".join(f"(?:{source})" for source in sources)
        return re.compile(f"(?={joined})", flags.pop() if flags else re.I)
    except re.error:
        return None


def finditer_at(
    pattern: re.Pattern[str], sentence: str, starts: Sequence[int] | None
) -> Iterable[re.Match[str]]:
    """Return what `pattern.finditer(sentence)` yields, trying only the positions `starts`."""
    if starts is None:
        return pattern.finditer(sentence)
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        match = pattern.match(sentence, start) if start >= end else None
        if match is not None:
            if match.end() == start:  # an empty match: let finditer apply its own rules
                return pattern.finditer(sentence)
            found.append(match)
            end = match.end()
    return found
