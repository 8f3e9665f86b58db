"""Ships and other vessels, named beside a word that says so: "the container ship Dali", "MV
Dali", "the Titan submersible", "Dali, a cargo vessel,", "its parent ship, the Polar Prince".

A ship's name may hold words that name nothing elsewhere ("Morning", "Sea", "Ever"), so the name
is the run of capitalised words the cue points at, not a run of name words.
"""

from __future__ import annotations

from generator.extract.discover import record
from generator.extract.reading import Reading

DETERMINERS = ("the", "a", "an")
_NOT_MODIFIERS = frozenset(
    ["of", "for", "and", "or", "that", "which", "who", "whose", "with", "the", "a", "an"]
)
APPOSITION = 6  # words between ", a" and the ship noun: "Dali, a Singapore-flagged container ship"


def find_vessels(reading: Reading) -> None:
    """Record the vessels the article names, before the other names are judged."""
    words = reading.index.words
    nouns, prefixes = words.vessel_nouns, words.vessel_prefixes
    for s, toks in enumerate(reading.tokens):
        for k, tok in enumerate(toks):
            if tok.key in prefixes and tok.text.isupper():
                _take(reading, s, k + 1, _run_after(reading, s, k + 1))  # "MV Dali"
            elif tok.key in nouns and tok.text.islower() and not reading.covered[s][k]:
                _around_noun(reading, s, k)
            elif tok.key in nouns and _capital(reading, s, k - 1) and _capital(reading, s, k + 1):
                # "the Canadian Coast Guard Ship John Cabot": the owner's name, then the ship's;
                # not "Korsby Ferry Lines", a company
                end = _run_after(reading, s, k + 1)
                if not any(reading.key(s, n) in words.heads for n in range(k + 1, end)):
                    _take(reading, s, k + 1, end)


def _around_noun(reading: Reading, s: int, k: int) -> None:
    """Record the name a lower-case ship noun at k points at, after or before it."""
    after = k + 1
    if reading.key(s, k + 1) == "," and reading.key(s, k + 2) == "the":
        after = k + 3  # "its parent ship, the Canadian-owned Polar Prince"
        after += 1 if _modifier(reading, s, after) else 0
    elif reading.key(s, k + 1) == ",":
        after = k + 2  # "the vessel, Dali, is"
    end = _run_after(reading, s, after)
    if end > after:
        _take(reading, s, after, end)
        return
    start = k - 1 if _modifier(reading, s, k - 1) else k  # "the Dali container ship"
    first = _run_before(reading, s, start)
    if first < start and reading.key(s, first - 1) == "the":  # not "a Canadian salvage vessel"
        _take(reading, s, first, start)
        return
    _apposition_before(reading, s, k)


def _apposition_before(reading: Reading, s: int, k: int) -> None:
    """Record "Dali" in "Dali, a Singapore-flagged container ship," (the noun at k)."""
    if reading.key(s, k + 1) not in (",", ".", "", "that", "which", "-", "—", "–"):
        return  # "Grace Ocean, the registered owner of the vessel", not "... the vessel,"
    for det in range(k - 2, max(k - APPOSITION, 1), -1):  # a word between: "a cargo ship"
        if reading.key(s, det) in DETERMINERS and reading.key(s, det - 1) == ",":
            first = _run_before(reading, s, det - 1)
            if first < det - 1:
                _take(reading, s, first, det - 1)
            return
        text = reading.tokens[s][det].text
        if not any(c.isalnum() for c in text) or reading.key(s, det) in _NOT_MODIFIERS:
            return  # "Grace Ocean, the owner of the vessel,", "X, the company that runs a ferry,"


def _modifier(reading: Reading, s: int, k: int) -> bool:
    """Return whether token k is a lower-case or hyphenated word before a ship's name or noun
    ("container", "Canadian-owned")."""
    toks = reading.tokens[s]
    if not 0 <= k < len(toks) or toks[k].key in DETERMINERS:
        return False
    text = toks[k].text
    return (text.isalpha() and text.islower()) or ("-" in text and text[0].isalnum())


def _capital(reading: Reading, s: int, k: int) -> bool:
    toks = reading.tokens[s]
    return 0 <= k < len(toks) and toks[k].text[:1].isupper() and not reading.covered[s][k]


def _run_after(reading: Reading, s: int, k: int) -> int:
    end = k
    while _capital(reading, s, end):
        end += 1
    return end


def _run_before(reading: Reading, s: int, k: int) -> int:
    first = k
    while first > 0 and _capital(reading, s, first - 1):
        if reading.key(s, first - 1) in DETERMINERS:  # "The Dali container ship"
            break
        first -= 1
    return first


def _take(reading: Reading, s: int, i: int, j: int) -> None:
    """Record tokens [i, j) as a vessel, unless they are only calendar words ("on Sunday")."""
    if j <= i or all(reading.key(s, k) in reading.calendar for k in range(i, j)):
        return
    if i == 0 and j - i == 1 and reading.key(s, 0) in reading.calendar:
        return
    record(reading, s, i, j, "vessel")
