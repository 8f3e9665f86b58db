"""The trigger scanner finds exactly the positions where one plain alternation of them matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.events.kinds import event_types
from generator.extract.scan import scanner
from generator.knowledge import Knowledge
from tests.conftest import CORPUS, SEEDS

# Triggers the first-letter sorting must cope with: classes, optional starts, a case-sensitive
# part, a lookbehind, a start it cannot tell (\w, a digit), one that may match empty, non-ASCII.
ODD = (
    r"\b(?:(?-i:[A-Z][a-z]+(?:an|ish))\s+strikes?)",
    r"\b(?:(?:peace\s+)?talks)",
    r"\b(?:(?<!end )fighting)",
    r"\b(?:\d[\d,]*\s+votes?)",
    r"\b(?:\w+-day\s+war)",
    r"\b(?:x*)",
    r"(?:Émeutes?|ÉLECTION)",
    r"(?:[^a-z]bc|\$\d+)",
    r"(?:ſtrike|K-?pop)",
    r"(?i:élection|peace)",
)
# Patterns that start with \b, or seem to ("\bA|B" does not), for the test below.
BOUNDED = (r"\b(?:(?:peace\s+)?talks)", r"\b(?:\d[\d,]*\s+votes?)", r"\bfighting|\$\d+")
# Patterns that differ in flags and share group names, as date phrases do.
MIXED = (
    (r"\b(?P<n>\d+|a|one)\s+(?P<u>day|week)s?\s+ago\b", re.I),
    (r"\b(?:in|since)\s+(?P<year>(?:19|20)\d\d)\b", 0),
    (r"\b(?P<year>\d{4})\b", re.ASCII),
    (r"^(?P<n>Lead)", re.MULTILINE),
    (r"(?P<u>a.b)", re.DOTALL | re.I),
    (r"(?a:\W)x|[\W\d]y", re.ASCII),  # "éx": é is no word character in ASCII
)
WORDS = (
    "Peace talks",
    "talks",
    "end fighting",
    "fighting",
    "Russian strike",
    "12 votes",
    "émeutes",
    "Élection",
    "$5",
    "strike",
    "STRIKE",
    "kpop",
    "\u212a-pop",
    "three-day war",
    "xx",
    "İstanbul",
    "In 2020",
    "é1999",
    "in 2020",
    "２０２０",
    "One week ago",
    "\nLead",
    "a\nb",
    "éx",
    "éy",
)


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _anywhere(patterns: Sequence[re.Pattern[str]], text: str) -> list[int]:
    """Return where one of the patterns matches, trying every position."""
    return [i for i in range(len(text) + 1) if any(p.match(text, i) for p in patterns)]


def _plain(triggers: Sequence[re.Pattern[str]], flags: int = re.I) -> re.Pattern[str]:
    return re.compile("(?=" + "|".join(f"(?:{t.pattern})" for t in triggers) + ")", flags)


def _texts() -> list[str]:
    files = [*SEEDS.glob("*.txt"), *CORPUS.glob("*.txt")]
    return [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]


def test_catalogue_triggers_scan_as_one_plain_alternation(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    triggers = [t for kind in types.types for t in kind.triggers]
    plain = _plain(triggers)
    assert types.scan is not None
    for text in _texts():
        assert _positions(types.scan, text) == _positions(plain, text)
    for kind in types.types:
        assert kind.scan is not None
        for text in _texts()[:200]:
            assert _positions(kind.scan, text) == _positions(_plain(kind.triggers), text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=12),
    st.sampled_from((re.I, 0, re.ASCII | re.I)),
)
def test_odd_triggers_scan_as_one_plain_alternation(words: list[str], flags: int) -> None:
    triggers = [re.compile(source, flags) for source in ODD]
    text = " ".join(words)
    scan = scanner(triggers)
    assert scan is not None
    assert _positions(scan, text) == _positions(_plain(triggers, flags), text)
    for trigger in triggers:
        alone = scanner([trigger])
        assert alone is not None
        assert _positions(alone, text) == _positions(_plain([trigger], flags), text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=12),
    st.sampled_from((MIXED, MIXED[:2], MIXED[1:3], MIXED[2:])),  # all start with \b, or not
)
def test_patterns_with_named_groups_and_other_flags_scan_as_apart(
    words: list[str], mixed: tuple[tuple[str, int], ...]
) -> None:
    patterns = [re.compile(source, flags) for source, flags in mixed]
    text = " ".join(words)
    scan = scanner(patterns)
    assert scan is not None
    assert _positions(scan, text) == _anywhere(patterns, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=12),
    st.sampled_from((BOUNDED, BOUNDED[:2], BOUNDED[2:])),
)
def test_patterns_seeming_to_start_with_a_boundary_scan_as_apart(
    words: list[str], sources: tuple[str, ...]
) -> None:
    patterns = [re.compile(source, re.I) for source in sources]
    text = " ".join(words)
    scan = scanner(patterns)
    assert scan is not None
    assert _positions(scan, text) == _anywhere(patterns, text)


def test_what_cannot_be_joined_is_not() -> None:
    assert scanner([re.compile(r"(a)\1"), re.compile("b")]) is None  # a back-reference
    assert scanner([re.compile(r"[(?P<x>]"), re.compile("b")]) is None  # a class, not a group
    assert scanner([re.compile("a", re.VERBOSE), re.compile("b")]) is None
