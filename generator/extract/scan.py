"""Find where any of many patterns matches in one pass, then try each pattern only there.

Event triggers are a hundred case-insensitive patterns, date phrases a few dozen; scanning a
sentence once for all of them, then matching each only where the scan stopped, gives what
scanning with each gives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

try:  # the parser re compiles with: private, so without it the scan is one plain alternation
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
    _parser = None

# A back-reference or a conditional would point at another pattern's group once joined.
_BACKREF = re.compile(r"\\(?:[1-9]|g<)|\(\?P=|\(\?\(")
# A named group "(?P<name>" not escaped: two patterns may use one name, a joined pattern not.
_NAMED = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
# Flags a pattern may have to be joined, and how a group of the scan sets them.
_INLINE = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.ASCII: "a"}
# Groups of triggers sorted by first letter that are tried one after another, not halved again.
_LEAF = 3
# A character range wider than this is not worth listing as the letters a trigger starts with.
_WIDEST_RANGE = 256
# Categories a class may hold (by the name re gives them), as written in a class of the scan.
# Not \D, \W, \S: under (?a) they hold letters that the scan's own \D, \W, \S would not.
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


class _Unknown(Exception):
    """A pattern whose first character the analysis cannot tell."""


def scanner(triggers: Iterable[re.Pattern[str]], by_letter: bool = True) -> re.Pattern[str] | None:
    """Return one pattern matching (empty) wherever any trigger matches, or None if unjoinable.

    One pass of it over a sentence replaces a pass of every trigger: each trigger is then only
    tried where the scan found that some trigger starts. Triggers may name their groups alike
    and differ in flags (case, ASCII, multiline, dotall): the scan needs neither their groups
    nor one set of flags. `by_letter` sorts them by first letter (see _lookahead): worth its
    compile time for a scan over whole texts, not for one tried at a few positions.
    """
    triggers = list(triggers)
    flags = {t.flags & ~re.UNICODE for t in triggers}
    if any(_BACKREF.search(t.pattern) or t.flags & ~re.UNICODE & ~sum(_INLINE) for t in triggers):
        return None  # joined, they would not match as they do apart
    common = flags.pop() if len(flags) == 1 else None
    alternatives: dict[re.Pattern[str], str] = {}
    for trigger in triggers:
        source = _unnamed(trigger)
        if source is None:
            return None
        inline = "" if common is not None else _inline_flags(trigger.flags)
        alternatives[trigger] = f"(?{inline}:{source})"
    # Each group sets its own flags when they differ; the scan's ASCII flag is for \b below.
    ascii = {t.flags & re.ASCII for t in triggers}
    flags_of_scan = common if common is not None else re.I | (ascii.pop() if len(ascii) == 1 else 0)
    try:
        return re.compile(_lookahead(triggers, alternatives, dispatch=by_letter), flags_of_scan)
    except re.error:
        return None


def _inline_flags(flags: int) -> str:
    """Return `flags` as a group sets them: "i", or "a-i" for ASCII with case mattering."""
    return "".join(letter for flag, letter in _INLINE.items() if flags & flag) + (
        "" if flags & re.IGNORECASE else "-i"
    )


def _unnamed(pattern: re.Pattern[str]) -> str | None:
    """Return the source of `pattern` with its named groups made plain, or None if unsure.

    The groups only capture, so they can go; a text edit is checked against re's own parse.
    """
    source = _NAMED.sub(r"\1(?:", pattern.pattern)
    if source == pattern.pattern:
        return source
    if _parser is None:
        return None
    same = _shape(_parse(source, pattern.flags)) == _shape(_parse(pattern.pattern, pattern.flags))
    return source if same else None


@functools.lru_cache(maxsize=4096)
def _parse(source: str, flags: int) -> Any:
    """Return re's parse of a pattern (read, never changed: one parse serves every scan)."""
    return _parser.parse(source, flags)


def _shape(items: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Return parsed items as plain lists and tuples, with no groups: what they match.

    A group that sets no flag is spliced into its sequence, as re does with "(?:...)".
    """
    c = _constants
    shape: list[tuple[Any, Any]] = []
    for op, value in items:
        if op is c.SUBPATTERN:  # (group, flags added, flags removed, items)
            if not value[1] and not value[2]:
                shape += _shape(value[3])
                continue
            value = (None, value[1], value[2], _shape(value[3]))
        elif op is c.BRANCH:
            value = [_shape(alternative) for alternative in value[1]]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            value = (value[0], value[1], _shape(value[2]))
        elif op in (c.ASSERT, c.ASSERT_NOT):  # (direction, items)
            value = (value[0], _shape(value[1]))
        elif op is c.ATOMIC_GROUP:
            value = _shape(value)
        shape.append((op, value))
    return shape


def _lookahead(
    triggers: Sequence[re.Pattern[str]],
    alternatives: dict[re.Pattern[str], str],
    dispatch: bool = True,
) -> str:
    """Return a lookahead that matches where any of `triggers` matches.

    Plainly that is `(?=t1|t2|…)`, but then re tries every trigger at every position of a
    sentence, which was most of the cost of finding events. So the triggers are sorted by the
    letters they may start with, and those sets are halved like a binary search: at a position
    re first tests a handful of one-letter classes, then only the triggers that may start with
    the letter found there. When every trigger starts with \\b (all ASCII or none), that is
    tested once, first. Each class is a superset of what its triggers may start with, so the
    positions found are exactly those of the plain alternation.
    """
    if _parser is None or not triggers or not dispatch:
        return "(?=" + "|".join(alternatives[t] for t in triggers) + ")"
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
    groups = [
        (letters[key], [alternatives[t] for t in by_letter[key]]) for key in sorted(by_letter)
    ]
    branches = [_dispatch(groups)] if groups else []
    branches += [alternatives[t] for t in anywhere]
    same_words = len({t.flags & re.ASCII for t in triggers}) == 1  # what \b sees as a word
    boundary = same_words and all(_starts_at_boundary(t) for t in triggers)
    return (r"\b" if boundary else "") + "(?=" + "|".join(branches) + ")"


def _starts_at_boundary(pattern: re.Pattern[str]) -> bool:
    """Tell whether every match of `pattern` starts where \\b does ("\\bA|B" does not)."""
    items = _parse(pattern.pattern, pattern.flags)
    return len(items) > 0 and items[0] == (_constants.AT, _constants.AT_BOUNDARY)


def _dispatch(groups: Sequence[tuple[set[str], list[str]]]) -> str:
    """Return alternatives that try each group's triggers only after one of its letters."""
    if len(groups) <= _LEAF:
        return "|".join(_gate(letters, "|".join(found)) for letters, found in groups)
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
        letters, empty = _first_of_sequence(_parse(trigger.pattern, trigger.flags))
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


@dataclass(frozen=True, slots=True)
class PatternSet:
    """Patterns run one after another over many texts, with the scan that joins them."""

    patterns: tuple[re.Pattern[str], ...]
    scan: re.Pattern[str] | None

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> PatternSet:
        """Return the patterns with their scan (built here, once: it costs a compile)."""
        patterns = tuple(patterns)
        return cls(patterns, scanner(patterns))

    def matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Yield (pattern number, match) as `finditer` of each pattern in turn would."""
        starts = None if self.scan is None else [m.start() for m in self.scan.finditer(text)]
        if starts == []:
            return  # no pattern matches anywhere: most sentences
        for number, pattern in enumerate(self.patterns):
            for match in finditer_at(pattern, text, starts):
                yield number, match


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
