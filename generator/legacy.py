"""Choose the 8-bit code page of a file that is not UTF-8: the one whose text reads least oddly.

Bytes that are not UTF-8 often decode without error in many 8-bit code pages, each giving other
letters: Windows-1252 "étrangères" is Windows-1250 "étrangčres", and charset-normalizer, which
judges text by the mess it makes and by its commonest letters, rates the two alike. So every
code page of encodings.yaml and every 8-bit one charset-normalizer proposes reads the file's
words that have 8-bit bytes, and the reading with the fewest oddities is kept. An oddity is a
letter outside the one alphabet that explains most of them (or an alphabet of a language other
than the one charset-normalizer hears in a longer text), punctuation or a symbol that text does
not use, or uses only outside words, found inside one, a control character, a lone accent, a
capital after a small letter, two scripts in one word.

Readings with as few oddities go by the list's order, the commonest code page first, except
that one in another script wins if charset-normalizer finds it much more coherent (Hebrew read
as Hebrew, not as Russian letters that no Russian word has). When the runner-up is about as
plausible, the choice is a guess, and says so with the first word the two read differently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import charset_normalizer

from generator.errors import BinaryInputError
from generator.knowledge import Encodings, script_of

_WORD_8BIT = re.compile(rb"[^\s]*[\x80-\xff][^\s]*")  # a word with a byte past ASCII
EVIDENCE = 65_536  # bytes of such words weighed at most: a long file says it all early on
LANGUAGE_FROM = 150  # bytes from which charset-normalizer's guess of the language counts
COHERENCE_GAP = 0.2  # how much more coherent a reading in another script must be to win a tie
_ASCII = "".join(map(chr, range(128)))
_ODD = frozenset(("Cc", "Co", "Cn"))  # controls, private use, unassigned
# Scripts whose letters do not share a word; a letter of any other (a modifier, a micro sign,
# the ordinal indicators of "nº") is a letter of none and mixes with all.
SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI", "ARMENIAN", "GEORGIAN")


@dataclass(frozen=True, slots=True)
class Choice:
    """The codec to read a file in, the name the report gives it, and a doubt if it is a guess."""

    codec: str
    name: str
    doubt: str = ""


@dataclass(frozen=True, slots=True, order=True)
class Reading:
    """The file's 8-bit words as some code pages read them (alike), and how odd that reads.

    Readings sort best first: the fewest oddities, then the commonest code page.
    """

    oddities: int
    rank: int  # the place of its first code page in encodings.yaml (those not there: after)
    codecs: tuple[str, ...]  # the commonest first
    words: str  # the words with 8-bit bytes, a space apart
    coherence: float  # charset-normalizer's, 0 where it did not propose the reading
    script: str  # of most of its letters past ASCII
    plain: int  # the oddities less the one of an unlikely language


def choose(data: bytes, encodings: Encodings) -> Choice:
    """Return the code page to read `data` in; raise BinaryInputError if none reads it.

    A few words charset-normalizer finds nothing in are read if one reading has no oddity.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    coherence: dict[str, float] = {}  # each codec charset-normalizer proposes
    for match in matches:
        for codec in (match.encoding, *match.could_be_from_charset):
            coherence.setdefault(codec, match.coherence)
    likely: frozenset[str] = frozenset()  # the detector's language guess is noise on a line or two
    if best is not None and len(data) >= LANGUAGE_FROM:
        likely = frozenset(language.casefold() for language in best.languages[:3])
    readings = sorted(_readings(_evidence(data), coherence, encodings, likely))
    if best is None and (not readings or readings[0].oddities):  # none at all, even "l'été."
        raise BinaryInputError("not text in UTF-8 or any encoding that could be detected")
    if best is not None and (
        not readings or (not single_byte(best.encoding) and readings[0].oddities > 0)
    ):
        return Choice(best.encoding, best.encoding)  # a multi-byte text (CJK): trust the detector
    rival = _rival(readings)
    if rival is not None:
        readings.remove(rival)
        readings.insert(0, rival)
    chosen, name = readings[0], _name(readings[0].codecs[0], encodings)
    if len(readings) == 1 or _sure(chosen, readings[1]):
        return Choice(chosen.codecs[0], name)
    runner = readings[1]
    ours, theirs = _first_difference(chosen.words, runner.words)
    other = _name(runner.codecs[0], encodings)
    doubt = f"the encoding is a guess: read as {name} ({ours!r}), not {other} ({theirs!r})"
    return Choice(chosen.codecs[0], name, doubt)


def _sure(chosen: Reading, runner: Reading) -> bool:
    """Say whether the runner-up is clearly odder, by more than the chosen reading's oddities.

    The language charset-normalizer hears may order two readings, but not settle between them.
    """
    return runner.oddities - chosen.oddities > chosen.oddities and runner.plain > chosen.plain


def _rival(readings: list[Reading]) -> Reading | None:
    """Return the reading, as odd as the first but in another script, that is far more coherent."""
    first = readings[0]
    rivals = [r for r in readings if r.oddities == first.oddities and r.script != first.script]
    rival = max(rivals, key=lambda r: r.coherence, default=None)
    if rival is None or rival.coherence - first.coherence <= COHERENCE_GAP:
        return None
    return rival


def _evidence(data: bytes) -> bytes:
    """Return the words of `data` that have 8-bit bytes, a space apart, up to EVIDENCE bytes."""
    words, size = [], 0
    for match in _WORD_8BIT.finditer(data):
        words.append(match.group())
        size += len(words[-1]) + 1
        if size > EVIDENCE:
            break
    return b" ".join(words)


def _readings(
    words: bytes, coherence: Mapping[str, float], encodings: Encodings, likely: frozenset[str]
) -> Iterator[Reading]:
    """Yield each distinct reading of `words` in the 8-bit code pages listed or proposed."""
    pages = list(encodings.code_pages)

    def rank(codec: str) -> tuple[int, float, str]:  # the name last: no order from a set's
        listed = pages.index(codec) if codec in pages else len(pages)
        return listed, -coherence.get(codec, 0.0), codec

    found: dict[str, list[str]] = {}
    for codec in sorted({*pages, *coherence}, key=rank):
        if single_byte(codec):
            try:
                found.setdefault(words.decode(codec), []).append(codec)
            except UnicodeDecodeError:
                continue
    for text, names in found.items():
        odd, plain, script = oddities(text, encodings, likely)
        best = max(coherence.get(codec, 0.0) for codec in names)
        yield Reading(odd, rank(names[0])[0], tuple(names), text, best, script, plain)


def single_byte(codec: str) -> bool:
    """Say whether `codec` reads one byte as one character and ASCII as ASCII."""
    try:
        decoded = bytes(range(256)).decode(codec, errors="replace")
    except LookupError:
        return False
    return len(decoded) == 256 and decoded.startswith(_ASCII)


def oddities(
    text: str, encodings: Encodings, likely: frozenset[str] = frozenset()
) -> tuple[int, int, str]:
    """Count what is unlike the text of any one language in `text`; name its main script.

    Each letter outside the alphabet that explains the most counts. The second count adds one
    for taking an alphabet of none of the `likely` languages (if any is given) instead of one
    of theirs, if that explains more.
    """
    text = unicodedata.normalize("NFC", text)  # a letter and its accent, as the page will have it
    counts = Counter(text)  # counting every character is faster than filtering them first
    for c in [c for c in counts if c.isascii()]:
        del counts[c]
    typographic = encodings.inside_words | encodings.punctuation
    scripts: dict[str, str] = {}
    checked: dict[str, int] = {}  # the letters of scripts an alphabet is given for
    odd = 0
    for c, n in counts.items():
        kind = unicodedata.category(c)
        mark = kind[0] == "M" and unicodedata.name(c, "").startswith("COMBINING")  # a lone accent
        if kind in _ODD or mark or ((kind[0] in "PS" or kind == "No") and c not in typographic):
            odd += n
        # A Thai digit or an Arabic vowel sign in a Latin word is as odd as a letter would be.
        script = script_of(c) if c.isalnum() or kind[0] == "M" else ""
        if script in SCRIPTS:
            scripts[script] = scripts.get(script, "") + c
        if script in encodings.scripts and c.isalpha():
            checked[c] = n
    wedged = "".join(c for c in counts if c in encodings.punctuation - encodings.inside_words)
    odd += len(_in_words(counts, scripts, wedged).findall(text))
    outside = {
        language: sum(n for c, n in checked.items() if c not in alphabet)
        for language, alphabet in encodings.alphabets.items()
    }
    plain = min(outside.values(), default=0)
    # With no letter to explain too: the text may still be in a language it is unlikely to be.
    heard = min(
        (n + (bool(likely) and lang not in likely) for lang, n in outside.items()), default=0
    )
    main = max(scripts, key=lambda s: sum(counts[c] for c in scripts[s]), default="")
    return odd + heard, odd + plain, main


def _in_words(counts: Counter[str], scripts: dict[str, str], wedged: str) -> re.Pattern[str]:
    """Return a pattern of the oddities in words that the characters of `counts` can make.

    A mark of `wedged` between two letters, a capital after a small letter or two capitals
    before one (a letter past ASCII among them), two letters of two scripts side by side.
    """
    small = re.escape("".join(c for c in counts if c.islower()))
    capitals = re.escape("".join(c for c in counts if c.isupper()))
    classes = {s: re.escape(letters) for s, letters in scripts.items() if s != "LATIN"}
    classes["LATIN"] = "a-zA-Z" + re.escape(scripts.get("LATIN", ""))
    parts = ["(?!)"]  # matches nothing, when nothing else is possible
    if wedged:
        parts.append(rf"(?<=[^\W\d_])[{re.escape(wedged)}]+(?=[^\W\d_])")
    if small:
        parts.append(rf"[{small}][A-Z{capitals}]")
    if capitals:
        parts.append(rf"[a-z][{capitals}]|[{capitals}][A-Z{capitals}](?=[a-z{small}])")
        parts.append(rf"[A-Z][{capitals}](?=[a-z{small}])")
    pairs = [(one, two) for a, one in classes.items() for b, two in classes.items() if a != b]
    return re.compile("|".join(parts + [f"[{one}][{two}]" for one, two in pairs]))


def _first_difference(ours: str, theirs: str) -> tuple[str, str]:
    """Return the first word the two readings of the same bytes differ in, as each reads it."""
    for one, two in zip(ours.split(" "), theirs.split(" "), strict=False):
        if one != two:
            return one[:40], two[:40]
    return ours[:40], theirs[:40]


def _name(codec: str, encodings: Encodings) -> str:
    """Return the name the report gives `codec`."""
    return encodings.code_pages.get(codec) or codecs.lookup(codec).name
