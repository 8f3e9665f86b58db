"""Find where any of many patterns matches in one pass, then try each pattern only there.

Event triggers are a hundred case-insensitive patterns; scanning a sentence once for all of
them, then matching each only where the scan stopped, gives what scanning with each gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

try:  # the parser re compiles with: private, so without it the scan is one plain alternation
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
    _parser = None

# A back-reference would point at another trigger's group once the triggers are joined.
_BACKREF = re.compile(r"\\(?:[1-9]|g<)|\(\?P=")
# Groups of triggers sorted by first letter that are tried one after another, not halved again.
_LEAF = 3
# A character range wider than this is not worth listing as the letters a trigger starts with.
_WIDEST_RANGE = 256
# Categories a class may hold (by the name re gives them), as written in a class of the scan.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
}


class _Unknown(Exception):
    """A pattern whose first character the analysis cannot tell."""


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
        return re.compile(_lookahead(triggers), flags.pop() if flags else re.I)
    except re.error:
        return None


def _lookahead(triggers: Sequence[re.Pattern[str]]) -> str:
    """Return a lookahead that matches where any of `triggers` matches.

    Plainly that is `(?=t1|t2|…)`, but then re tries every trigger at every position of a
    sentence, which was most of the cost of finding events. So the triggers are sorted by the
    letters they may start with, and those sets are halved like a binary search: at a position
    re first tests a handful of one-letter classes, then only the triggers that may start with
    the letter found there. When every trigger starts with \\b, that is tested once, first.
    Each class is a superset of what its triggers may start with, so the positions found are
    exactly those of the plain alternation.
    """
    plain = "|".join(f"(?:{t.pattern})" for t in triggers)
    if _parser is None or not triggers:
        return f"(?={plain})"
    by_letter: dict[str, list[re.Pattern[str]]] = {}  # folded first letter -> its triggers
    letters: dict[str, set[str]] = {}  # folded first letter -> the letters as written
    # A "letter" is one character, or a category such as \d (kept as written).
    anywhere: list[re.Pattern[str]] = []  # triggers whose first letter cannot be told
    for trigger in triggers:
        first = _first_letters(trigger)
        if first is None:
            anywhere.append(trigger)
            continue
        for letter in first:
            key = letter.lower() if len(letter) == len(letter.lower()) == 1 else letter
            if trigger not in by_letter.setdefault(key, []):
                by_letter[key].append(trigger)
            letters.setdefault(key, set()).add(letter)
    groups = [(letters[key], by_letter[key]) for key in sorted(by_letter)]
    branches = [_dispatch(groups)] if groups else []
    branches += [f"(?:{t.pattern})" for t in anywhere]
    boundary = r"\b" if all(t.pattern.startswith(r"\b") for t in triggers) else ""
    return f"{boundary}(?={'|'.join(branches)})"


def _dispatch(groups: Sequence[tuple[set[str], list[re.Pattern[str]]]]) -> str:
    """Return alternatives that try each group's triggers only after one of its letters."""
    if len(groups) <= _LEAF:
        return "|".join(
            _gate(letters, "|".join(f"(?:{t.pattern})" for t in found)) for letters, found in groups
        )
    half = len(groups) // 2
    low, high = groups[:half], groups[half:]
    return "|".join(
        _gate(set().union(*(letters for letters, _ in part)), _dispatch(part))
        for part in (low, high)
    )


def _gate(letters: set[str], then: str) -> str:
    """Return `then`, tried only where the next character is one of `letters` in any case."""
    listed = "".join(re.escape(x) if len(x) == 1 else x for x in sorted(letters))
    return f"(?=(?i:[{listed}]))(?:{then})"


def _first_letters(trigger: re.Pattern[str]) -> frozenset[str] | None:
    """Return the characters a match of `trigger` may start with (in some case), or None.

    A category it may start with is given as written in a class ("\\d"). None when the analysis
    cannot tell: a class like [^x], a dot, a back-reference, or a trigger that may match empty.
    """
    try:
        letters, empty = _first_of_sequence(_parser.parse(trigger.pattern, trigger.flags))
    except _Unknown:
        return None
    return None if empty else frozenset(letters)


def _first_of_sequence(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """Return what a sequence of parsed items may start with, and whether it may match empty."""
    letters: set[str] = set()
    for op, value in items:
        found, empty = _first_of_item(op, value)
        letters |= found
        if not empty:
            return letters, False
    return letters, True


def _first_of_item(op: Any, value: Any) -> tuple[set[str], bool]:
    """Return what one parsed item may start with, and whether it may match empty."""
    c = _constants
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # \b, lookarounds: match no character
        return set(), True
    if op is c.LITERAL:
        return {chr(value)}, False
    if op is c.IN:
        return _class_letters(value), False
    if op is c.SUBPATTERN:  # (group, flags added, flags removed, items)
        return _first_of_sequence(value[3])
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(value)
    if op is c.BRANCH:
        letters: set[str] = set()
        empty = False
        for alternative in value[1]:
            found, may_be_empty = _first_of_sequence(alternative)
            letters |= found
            empty = empty or may_be_empty
        return letters, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):  # (least, most, items)
        found, empty = _first_of_sequence(value[2])
        return found, empty or value[0] == 0
    raise _Unknown(op)


def _class_letters(items: Iterable[tuple[Any, Any]]) -> set[str]:
    """Return the characters and categories a class [...] lists; raise _Unknown for [^...]."""
    letters: set[str] = set()
    for op, value in items:
        if op is _constants.LITERAL:
            letters.add(chr(value))
        elif op is _constants.RANGE and value[1] - value[0] < _WIDEST_RANGE:
            letters.update(chr(code) for code in range(value[0], value[1] + 1))
        elif op is _constants.CATEGORY and str(value) in _CATEGORIES:
            letters.add(_CATEGORIES[str(value)])
        else:
            raise _Unknown(op)
    return letters


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
