"""Find sentences that report something happening, with their type, actors, figures and date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.extract.event_dates import EventDate, Phrase, event_date, find_phrases
from generator.extract.event_demonyms import demonym_countries, modifying_country, with_modifier
from generator.extract.event_roles import Roles, Span, article_pair, sentence_spans, split_roles
from generator.extract.furniture import credits
from generator.extract.memo import per_sentence
from generator.extract.scan import finditer_at, scanner
from generator.knowledge import Knowledge
from generator.models import ActorMention, DateInfo, EventMention, Role

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
# What crossing a comma costs when a date phrase looks for its trigger, in characters.
CLAUSE_GAP = 60
# How far (characters) a date phrase may sit from the trigger it dates.
REACH = 80
# Sentences this close to the top carry the article's news.
LEAD_SENTENCES = 2
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


def find_events(
    sentences: Sequence[str],
    mentions: Sequence[ActorMention],
    published: DateInfo,
    knowledge: Knowledge,
) -> tuple[EventMention, ...]:
    """Return the event mentions of an article's sentences."""
    types = event_types(knowledge)
    by_sentence: dict[int, list[ActorMention]] = {}
    for actor in mentions:
        by_sentence.setdefault(actor.sentence, []).append(actor)
    caption = credits(tuple(knowledge.language.photo_credits))
    found: list[EventMention] = []
    spans = sentence_spans(sentences, mentions)  # where each sentence names its actors
    pair = article_pair(sentences, mentions, spans)
    demonyms = demonym_countries(knowledge)
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) else ""
        if caption.search(sentence) or caption.fullmatch(following.strip()):
            continue  # a photo caption describes a picture, not the news
        triggers = find_triggers(sentence, types)
        if not triggers:
            continue  # most sentences report nothing happening
        context = _Context(
            i, sentence, by_sentence.get(i, []), published, types, pair, demonyms, spans[i]
        )
        found += _sentence_events(context, triggers, knowledge)
    return _with_names(found, sentences, by_sentence, types)


def _with_names(
    found: Sequence[EventMention],
    sentences: Sequence[str],
    by_sentence: Mapping[int, Sequence[ActorMention]],
    types: EventTypes,
) -> tuple[EventMention, ...]:
    """Give each mention the names of its sentence that no actor mention covers.

    Clustering ties mentions across articles on them; worked out here, they are cached with
    the article instead of read again on every build. Mentions of one sentence share one set.
    """
    names: dict[int, frozenset[str]] = {}
    for mention in found:
        at = mention.sentence
        if at not in names:
            covered = {_fold(w) for m in by_sentence.get(at, ()) for w in m.surface.split()}
            names[at] = frozenset(participant_keys(sentences[at], types) - covered)
    return tuple(dataclasses.replace(m, names=names[m.sentence]) for m in found)


def _fold(word: str) -> str:
    """Return a word of an actor's name folded, without a possessive ending."""
    return word.casefold().removesuffix("’s").removesuffix("'s")


@dataclass(frozen=True, slots=True)
class _Context:
    """One sentence with what its events are read against."""

    index: int
    sentence: str
    actors: Sequence[ActorMention]
    published: DateInfo
    types: EventTypes
    pair: tuple[str, ...] = ()  # the article's two main sides, for "the two sides"
    demonyms: Mapping[str, str] = field(default_factory=dict)  # folded demonym -> country
    spans: list[Span] | None = None  # where the sentence names its actors, if known


def _sentence_events(
    context: _Context, triggers: list[Trigger], knowledge: Knowledge
) -> list[EventMention]:
    """Return the event mentions of the triggers of one sentence, each dated by its phrase."""
    found = find_phrases(context.sentence, knowledge.language)
    phrases = assign_phrases(context.sentence, triggers, found)
    published = context.published.value
    anchor = _anchor(phrases.values(), published)
    events = []
    for trigger in dedupe_triggers(triggers, phrases):
        phrase = phrases.get(trigger)
        resolved = event_date(phrase, published, anchor)
        if phrase is not None and phrase.anchored and resolved.date.value is None:
            phrase = None  # "six weeks before" with nothing to count from dates nothing
            resolved = event_date(None, published)
        mention = _mention(context, trigger, phrase, resolved)
        if mention is not None:
            events.append(mention)
    return events


def _anchor(phrases: Iterable[Phrase], published: dt.date | None) -> DateInfo | None:
    """Return the first day-precise date of the sentence that needs no other date."""
    for phrase in sorted(phrases, key=lambda p: p.start):
        if not phrase.anchored:
            date = event_date(phrase, published).date
            if date.value is not None and date.precision == "day":
                return date
    return None


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
    absorbed = {a for t in found for a in _type(types, t.type).absorbs if t.type in names}
    if any(not _type(types, t.type).minor for t in found):
        absorbed |= {t.type for t in found if _type(types, t.type).minor}
    return tuple(sorted((t for t in found if t.type not in absorbed), key=lambda t: t.start))


def dedupe_triggers(
    triggers: Sequence[Trigger], phrases: Mapping[Trigger, Phrase]
) -> list[Trigger]:
    """Keep one trigger per type and date phrase: a type named twice is one event unless dated
    apart ("called in on 18 September, a week after he was summoned")."""
    kept: dict[tuple[str, str | None], Trigger] = {}
    for trigger in triggers:
        phrase = phrases.get(trigger)
        key = (trigger.type, phrase.text if phrase else None)
        kept.setdefault(key, trigger)
    dated = {t for (t, text) in kept if text is not None}
    return [t for (name, text), t in kept.items() if text is not None or name not in dated]


def _type(types: EventTypes, name: str) -> EventType:
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


def assign_phrases(
    sentence: str, triggers: Sequence[Trigger], phrases: Sequence[Phrase]
) -> dict[Trigger, Phrase]:
    """Give each date phrase to the nearest trigger; a trigger keeps the nearest of its phrases.

    Distance counts characters, and a comma or semicolon in between counts as a long way: a
    date belongs to its own clause ("a call on Monday, hours after an earthquake struck").
    """
    owned: dict[Trigger, list[tuple[int, Phrase]]] = {}
    for phrase in phrases:
        if (
            len(triggers) > 1
            and min(_gap("", t.start, t.end, phrase.start, phrase.end) for t in triggers) > REACH
        ):
            continue  # too far from any trigger to date one: it dates something unnamed
        distance, nearest = min(
            ((_gap(sentence, t.start, t.end, phrase.start, phrase.end), t) for t in triggers),
            key=lambda pair: (pair[0], pair[1].start),
        )
        owned.setdefault(nearest, []).append((distance, phrase))
    return {t: min(c, key=lambda p: (p[0], p[1].start))[1] for t, c in owned.items()}


def _gap(sentence: str, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    lo, hi = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    between = sentence[lo:hi] if lo < hi else ""
    return max(0, hi - lo) + CLAUSE_GAP * len(re.findall(r"[,;:(]\s", between))


def _mention(
    context: _Context, trigger: Trigger, phrase: Phrase | None, resolved: EventDate
) -> EventMention | None:
    sentence, types, published = context.sentence, context.types, context.published
    if _future(resolved.date, published.value):
        return None  # announced or planned, not happened (yet)
    kind = _type(types, trigger.type)
    roles = Roles(symmetric=kind.parties >= 2, speech=kind.speech, pair=context.pair)
    agents, targets = split_roles(
        sentence, trigger.start, trigger.end, context.actors, roles, context.spans
    )
    country = modifying_country(sentence, trigger.start, trigger.text, context.demonyms)
    if country is not None:  # "an Azerbaijani offensive": Azerbaijan carried it out
        found = (agents, targets)
        agents, targets = with_modifier(
            country, found, sentence, trigger.end, roles.symmetric, context.actors
        )
    if phrase is None and not (agents or targets or participant_keys(sentence, types)):
        return None  # a trigger with neither a date nor a participant is background talk
    return EventMention(
        type=trigger.type,
        sentence=context.index,
        date=resolved.date,
        actors=agents,
        targets=targets,
        figures=_figures(sentence, types),
        trigger=trigger.text,
        role=_role(context.index, trigger, phrase, resolved.date, published.value, types),
        weekday=resolved.weekday,
        month=resolved.month,
        day=resolved.day,
    )


@per_sentence
def _figures(sentence: str, types: EventTypes) -> tuple[str, ...]:
    """Return the figures a sentence gives ("412 to 98", "at least 20 people"), as written.

    Every figure has a number, in digits or in words ("three"): without one, the long pattern
    of figures need not run.
    """
    if _DIGIT.search(sentence) is None and (
        types.figure_words is not None and types.figure_words.search(sentence) is None
    ):
        return ()
    return tuple(dict.fromkeys(m.group(0).strip() for m in types.figures.finditer(sentence)))


@per_sentence
def participant_keys(sentence: str, types: EventTypes) -> frozenset[str]:
    """Return the capitalised names of a sentence, folded: who or where, when no actor is known."""
    keys = set()
    for match in re.finditer(r"\b([A-Z][\w’'-]*\w)", sentence):
        word = re.sub(r"(?:’s|'s)$", "", match.group(1))
        if word.casefold() not in types.stopwords and len(word) > 1:
            keys.add(word.casefold())
    return frozenset(keys)


def _future(date: DateInfo, published: dt.date | None) -> bool:
    """Tell whether a day-precise date lies after the publication date."""
    return (
        date.value is not None
        and published is not None
        and date.precision == "day"
        and date.value > published
    )


def _role(
    index: int,
    trigger: Trigger,
    phrase: Phrase | None,
    date: DateInfo,
    published: dt.date | None,
    types: EventTypes,
) -> Role:
    """Say whether the article reports the event as its news or mentions it as background."""
    if date.value is not None and published is not None:
        fresh = date.precision == "day" and 0 <= (published - date.value).days <= 1
        return "reports" if fresh else "mentions"
    if phrase is not None:
        plain_weekday = phrase.weekday is not None and phrase.modifier is None
        news = plain_weekday or (
            phrase.unit == "day" and phrase.offset >= -1 and not phrase.anchored
        )
        return (
            "reports" if news or (date.value is not None and index < LEAD_SENTENCES) else "mentions"
        )
    if index < LEAD_SENTENCES or _type(types, trigger.type).minor:
        return "reports"
    return "mentions"
