"""The event types of event_types.yaml, compiled: triggers that label a known kind of happening."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.extract.memo import per_sentence
from generator.extract.scan import finditer_at, scanner
from generator.knowledge import Knowledge

# Words just before a trigger that make it a wish, a plan or a denial, not a happening.
IRREALIS = frozenset(
    (
        "to",
        "would",
        "will",
        "could",
        "should",
        "might",
        "may",
        "must",
        "not",
        "never",
        "cannot",
        "expected",
        "plans",
        # talks frozen or suspended did not take place
        "freeze",
        "froze",
        "suspend",
        "suspended",
        "suspending",
    )
)


# Words before a trigger (and its determiner, owner or adjective) that make it still to come.
AHEAD = re.compile(
    r"\b(?:ahead\s+of|upcoming|forthcoming|next)\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,2}$",
    re.I,
)


NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands"
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class EventType:
    """One entry of event_types.yaml, compiled."""

    name: str
    label: str
    verb: str
    triggers: tuple[re.Pattern[str], ...]
    objects: tuple[str, ...] = ()
    absorbs: frozenset[str] = frozenset()
    minor: bool = False
    kin: frozenset[str] = frozenset()  # types whose reports may be of the same event
    span_days: int = 0  # how long one event of this type may last (a war: weeks)
    verb_plural: str = ""
    parties: int = 1  # how many sides a title names
    direct_object: bool = False  # the title goes on with the words after the trigger
    speech: bool = False  # a statement: who speaks is who acts
    scan: re.Pattern[str] | None = None  # where any of its triggers may start (see _scanner)


@dataclass(frozen=True, slots=True)
class EventTypes:
    """The event dictionary: types in priority order, figure pattern, participant stopwords."""

    types: tuple[EventType, ...]
    figures: re.Pattern[str]
    stopwords: frozenset[str]
    scan: re.Pattern[str] | None = None  # where any trigger may start (see _scanner)
    figure_words: re.Pattern[str] | None = None  # a number written in words ("three")

    def get(self, name: str) -> EventType | None:
        """Return the type called `name`, if any."""
        return next((t for t in self.types if t.name == name), None)

    def related(self, a: str, b: str) -> bool:
        """Tell whether mentions of types `a` and `b` may report one event."""
        kind_a, kind_b = self.get(a), self.get(b)
        return a == b or bool(kind_a and b in kind_a.kin) or bool(kind_b and a in kind_b.kin)

    def first(self, a: str, b: str) -> str:
        """Return whichever of two types comes first in the dictionary (the more specific)."""
        names = [t.name for t in self.types]
        return min((a, b), key=lambda n: names.index(n) if n in names else len(names))

    def span_days(self, name: str) -> int:
        """Return how many days apart two reports of one event of this type may date it."""
        kind = self.get(name)
        return kind.span_days if kind else 0


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where a sentence says an event of some type happened."""

    type: str
    start: int
    end: int
    text: str


_LOADED: dict[str, EventTypes] = {}


# The dictionaries last compiled, by identity: knowledge is loaded once and never changed in
# place, and writing its dictionary out as the key above costs more than a millisecond.
_SEEN: dict[int, tuple[Mapping[str, Any], EventTypes]] = {}


_SEEN_MAX = 64


def event_types(knowledge: Knowledge) -> EventTypes:
    """Return the compiled event dictionary of `knowledge` (compiled once per content)."""
    data = knowledge.event_types
    seen = _SEEN.get(id(data))
    if seen is not None and seen[0] is data:
        return seen[1]
    key = json.dumps(data, sort_keys=True, default=str)
    if key not in _LOADED:
        _LOADED[key] = _compile(data)
    if len(_SEEN) >= _SEEN_MAX:
        _SEEN.clear()
    _SEEN[id(data)] = (data, _LOADED[key])  # holding `data` keeps its id from being reused
    return _LOADED[key]


def _compile(data: Mapping[str, Any]) -> EventTypes:
    types = []
    for name, entry in (data.get("types") or {}).items():
        triggers = tuple(re.compile(rf"\b(?:{p})", re.I) for p in entry.get("triggers", ()))
        types.append(
            EventType(
                name=str(name),
                label=str(entry.get("label") or name),
                verb=str(entry.get("verb") or name),
                triggers=triggers,
                scan=scanner(triggers, by_letter=False),  # only tried where `scan` below stops
                objects=tuple(str(o) for o in entry.get("objects") or ()),
                absorbs=frozenset(entry.get("absorbs") or ()),
                minor=bool(entry.get("minor")),
                kin=frozenset(entry.get("kin") or ()),
                span_days=int(entry.get("span_days") or 0),
                verb_plural=str(entry.get("verb_plural") or entry.get("verb") or name),
                parties=int(entry.get("parties", 1)),
                direct_object=bool(entry.get("direct_object")),
                speech=bool(entry.get("speech")),
            )
        )
    nouns = "|".join(map(re.escape, data.get("figure_nouns") or ("people",)))
    number = rf"(?:\d[\d,.]*|{NUMBER_WORDS})(?:\s+(?:million|billion|thousand))?"
    figures = re.compile(
        rf"\b\d[\d,]*\s+(?:votes\s+)?to\s+\d[\d,]*\b"
        rf"|(?:\b(?:at\s+least|over|more\s+than|nearly|almost|about|some|up\s+to)\s+)?"
        rf"(?:\$|€|£)?\b{number}\s+(?:[A-Z][\w-]+\s+)?(?:{nouns})\b"
        rf"|(?:\$|€|£)\d[\d,.]*(?:\s+(?:million|billion))?"
        rf"|\bmagnitude\s+\d+(?:\.\d+)?",
        re.I,
    )
    stop = frozenset(str(w).casefold() for w in data.get("stopwords") or ())
    scan = scanner(t for k in types for t in k.triggers)
    words = scanner(re.compile(rf"\b(?:{w})", re.I) for w in NUMBER_WORDS.split("|"))
    return EventTypes(tuple(types), figures, stop, scan, words)


def find_triggers(sentence: str, types: EventTypes) -> list[Trigger]:
    """Return the triggers of a sentence in text order, less absorbed and minor types."""
    return list(_triggers(sentence, types))


@per_sentence
def _triggers(sentence: str, types: EventTypes) -> tuple[Trigger, ...]:
    """Return find_triggers' triggers as a tuple (remembered: most sentences come back)."""
    found: list[Trigger] = []
    starts = None if types.scan is None else [m.start() for m in types.scan.finditer(sentence)]
    if starts == []:
        return ()
    for kind in types.types:
        here = starts  # where one of this type's triggers starts, when known
        if starts is not None and kind.scan is not None:
            here = [start for start in starts if kind.scan.match(sentence, start)]
            if not here:
                continue
        matches = sorted(
            (
                m
                for p in kind.triggers
                for m in finditer_at(p, sentence, here)
                if _real(sentence, m)
            ),
            key=lambda m: (m.start(), -m.end()),
        )
        for m in matches:
            if all(m.start() >= t.end or m.end() <= t.start for t in found):
                found.append(Trigger(kind.name, m.start(), m.end(), m.group(0)))
    names = {t.type for t in found}
    absorbed = {a for t in found for a in kind_of(types, t.type).absorbs if t.type in names}
    if any(not kind_of(types, t.type).minor for t in found):
        absorbed |= {t.type for t in found if kind_of(types, t.type).minor}
    return tuple(sorted((t for t in found if t.type not in absorbed), key=lambda t: t.start))


def kind_of(types: EventTypes, name: str) -> EventType:
    kind = types.get(name)
    assert kind is not None
    return kind


def _real(sentence: str, match: re.Match[str]) -> bool:
    """Tell whether a trigger reports a fact rather than a wish or a plan ("to impose")."""
    if AHEAD.search(sentence[: match.start()]):
        return False  # "ahead of the country's parliamentary elections": not held yet
    before = re.findall(r"[\w’']+", sentence[: match.start()])
    first = match.group(0).split()[0].casefold() if match.group(0).split() else ""
    return not before or before[-1].casefold() not in IRREALIS or first in IRREALIS


@per_sentence
def sentence_figures(sentence: str, types: EventTypes) -> tuple[str, ...]:
    """Return the figures a sentence gives ("412 to 98", "at least 20 people"), as written.

    Every figure has a number, in digits or in words ("three"): without one, the long pattern
    of figures need not run.
    """
    if _DIGIT.search(sentence) is None and (
        types.figure_words is not None and types.figure_words.search(sentence) is None
    ):
        return ()
    return tuple(dict.fromkeys(m.group(0).strip() for m in types.figures.finditer(sentence)))
