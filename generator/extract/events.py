"""Find sentences that report something happening, with their type, actors, figures and date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.extract.clauses import Clause, find_clauses, object_words, subject_words, verb_form
from generator.extract.event_dates import EventDate, Phrase, event_date, find_phrases
from generator.extract.event_demonyms import demonym_countries, modifying_country, with_modifier
from generator.extract.event_roles import Roles, Span, article_pair, sentence_spans, split_roles
from generator.extract.furniture import credits
from generator.extract.memo import per_sentence
from generator.extract.scan import finditer_at, scanner
from generator.knowledge import ClauseWords, Knowledge
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
# How close (characters) a clause's verb may stand to a type's trigger and be its wording.
TYPED_REACH = 12
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
    lead: int = LEAD_SENTENCES,
) -> tuple[EventMention, ...]:
    """Return the event mentions of an article's sentences.

    An event type's trigger labels a happening of a known kind; any other clause with a finite
    verb is a happening when it is the main clause of the lead (the first `lead` sentences:
    the headline and the opening), or when it carries a date of its own.
    """
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
        clauses = _clauses_of(sentence, (i < lead, i == 0 < lead - LEAD_SENTENCES), knowledge)
        if not triggers and not clauses:
            continue  # most sentences report nothing happening
        context = _Context(
            i, sentence, by_sentence.get(i, []), published, types, pair, demonyms, spans[i]
        )
        if triggers:
            found += _sentence_events(context, triggers, knowledge)
        if clauses:
            found += clause_events(context, clauses, triggers, i < lead, knowledge)
    return _with_names(found, sentences, by_sentence, types)


def _clauses_of(
    sentence: str, where: tuple[bool, bool], knowledge: Knowledge
) -> tuple[Clause, ...]:
    """Return the clauses of a sentence that may state a happening.

    Outside the lead only a sentence with a date phrase is read: a clause there is a happening
    only with a date of its own.
    """
    in_lead, headline = where
    if not in_lead and not find_phrases(sentence, knowledge.language):
        return ()
    return find_clauses(sentence, knowledge.clauses, headline)


def _typed(clause: Clause, triggers: Sequence[Trigger]) -> bool:
    """Tell whether an event type's trigger labels a clause's happening already."""
    return any(
        t.start < clause.end + TYPED_REACH and clause.head < t.end + TYPED_REACH for t in triggers
    )


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
    return names_in(sentence, types.stopwords)


# A capitalised word (not the inside of one, as in "McDonald"): the word boundary is checked
# behind the capital, as a pattern that opens with a letter class is searched for faster.
CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]*\w")


def names_in(sentence: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Return the capitalised words of a sentence but `stopwords`, folded, without a possessive.

    The sentence's first word is capitalised anyway: it is a name unless it is a verb form
    ("Ties worsened", "Shares fell"). Clustering reads cached mentions the same way.
    """
    keys = set()
    for match in CAPITALISED.finditer(sentence):
        word = match.group(0)
        word = word[:-2] if word.endswith(("’s", "'s")) else word
        folded = word.casefold()
        if folded in stopwords or len(word) < 2:
            continue
        if verb_form(folded) and not sentence[: match.start()].strip(" “\"'‘"):
            continue
        keys.add(folded)
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


def clause_events(
    context: _Context,
    clauses: Sequence[Clause],
    triggers: Sequence[Trigger],
    in_lead: bool,
    knowledge: Knowledge,
) -> list[EventMention]:
    """Return the happenings the clauses of one sentence state, each dated by its phrase."""
    sentence, published = context.sentence, context.published.value
    found = find_phrases(sentence, knowledge.language)
    main = next((c for c in clauses if not c.background), None) if in_lead else None
    untyped = [c for c in clauses if not _typed(c, triggers)]
    verbs = {Trigger(c.sense, c.head, c.end, c.verb): c for c in untyped}
    phrases = assign_phrases(sentence, [*triggers, *verbs], found)
    anchor = _anchor(phrases.values(), published)
    events: list[EventMention] = []
    for verb, clause in verbs.items():
        phrase = phrases.get(verb)
        if phrase is not None and not _within(phrase, clause, sentence, clauses, main):
            phrase = None  # "X fell short, results showed on Monday": the showing's date
        resolved = event_date(phrase, published, anchor)
        if phrase is not None and resolved.date.value is None and phrase.anchored:
            phrase, resolved = None, event_date(None, published)
        if clause is not main and (phrase is None or not _salient(clause, resolved, published)):
            continue  # not the lead's news, nor dated: a detail of the story
        if _future(resolved.date, published) or _history(resolved.date, published, clause is main):
            continue
        agents, targets = split_roles(
            sentence, clause.head, clause.end, context.actors, Roles(), context.spans
        )
        if phrase is None and not (agents or targets or participant_keys(sentence, context.types)):
            continue
        events.append(
            EventMention(
                type=clause.sense,
                sentence=context.index,
                date=resolved.date,
                actors=agents,
                targets=targets,
                figures=_figures(sentence, context.types),
                trigger=clause.verb,
                role=_clause_role(clause is main, phrase, resolved.date, published),
                weekday=resolved.weekday,
                month=resolved.month,
                day=resolved.day,
                headline=clause_title(context, clause, found, agents, knowledge),
            )
        )
    return events


# Words that open a noun phrase, which an antecedent may begin with.
DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "these"))
# A happening dated this long before the article is its background, not its story.
HISTORY_DAYS = 730


def _within(
    phrase: Phrase, clause: Clause, sentence: str, clauses: Sequence[Clause], main: Clause | None
) -> bool:
    """Tell whether a date phrase dates a clause: it lies inside it, from its subject to its
    object's end (or, for the lead's main clause, outside every other clause), and not in
    words set off by commas between the subject and the verb ("X, detained in 2022, was
    flown")."""

    def inside(c: Clause) -> bool:
        return c.subject_start <= phrase.start <= phrase.end <= c.object_end

    if not inside(clause) and (clause is not main or any(inside(c) for c in clauses)):
        return False
    before = sentence[clause.subject_start : phrase.start]
    between = sentence[phrase.end : clause.start]
    return not (phrase.end <= clause.start and "," in before and "," in between)


def _salient(clause: Clause, resolved: EventDate, published: dt.date | None) -> bool:
    """Tell whether a dated clause outside the lead's main one is one of the story's events.

    A relative or subordinate clause ("which opened in 1869") is, only dated to the day or
    month: a year alone dates background.
    """
    date = resolved.date
    return not clause.background or (date.value is not None and date.precision != "year")


def _history(date: DateInfo, published: dt.date | None, main: bool) -> bool:
    """Tell whether a date lies so long before publication that it dates background."""
    return (
        not main
        and date.value is not None
        and published is not None
        and (published - date.value).days > HISTORY_DAYS
    )


def _clause_role(
    main: bool, phrase: Phrase | None, date: DateInfo, published: dt.date | None
) -> Role:
    """Say whether the article reports a happening as its news or mentions it as background."""
    if date.value is not None and published is not None and date.precision == "day":
        return "reports" if 0 <= (published - date.value).days <= 1 or main else "mentions"
    if phrase is not None and phrase.weekday is not None and phrase.modifier is None:
        return "reports"
    return "reports" if main else "mentions"


MAX_TITLE_WORDS = 12
MAX_SUBJECT_WORDS = 6


def clause_title(
    context: _Context,
    clause: Clause,
    phrases: Sequence[Phrase],
    agents: Sequence[str],
    knowledge: Knowledge,
) -> str:
    """Return a headline for a happening: its subject, its verb in the past, its object."""
    sentence = context.sentence
    words = knowledge.clauses
    subject = _without_phrases(
        subject_words(sentence, clause), sentence, clause.subject_start, phrases, words
    )
    subject_list = _head_words(subject, words)[:MAX_SUBJECT_WORDS]
    if not subject_list or " ".join(subject_list).casefold() in words.pronouns | words.relative:
        subject_list = _antecedent(context, clause, agents, words)
    room = MAX_TITLE_WORDS - len(subject_list) - len(clause.verb.split())
    rest = _without_phrases(object_words(sentence, clause), sentence, clause.end, phrases, words)
    objects: list[str] = []
    for word in rest.split():
        if len(objects) >= room or word.casefold().strip(".,") in words.title_stops:
            break
        objects.append(word)
    while objects and objects[-1].casefold().strip(".,") in words.title_junk:
        objects.pop()
    title = " ".join([*subject_list, clause.verb, *objects]).strip(" ,.;:")
    return title[:1].upper() + title[1:]


ANTECEDENT_WORDS = 4


def _head_words(subject: str, words: ClauseWords) -> list[str]:
    """Return the words of a subject up to what qualifies it: a comma or a participle
    ("Protesters waving flags", "The guard, a 27-year-old man,")."""
    head: list[str] = []
    words_of = subject.split()
    if len(words_of) > MAX_SUBJECT_WORDS:  # "Families of six men who died in ...": the noun
        cut = next(
            (n for n, w in enumerate(words_of) if n and w.casefold() in words.relative), None
        )
        words_of = words_of[:cut] if cut else words_of
    for word in words_of:
        lower = word.casefold()
        if head and (lower.endswith("ing") and word.islower() and len(word) > 5):
            break
        if lower not in words.coordinators or head:
            head.append(word.rstrip(","))
        if word.endswith(","):
            break
    return head


def _antecedent(
    context: _Context, clause: Clause, agents: Sequence[str], words: ClauseWords
) -> list[str]:
    """Return who a clause with no subject of its own is about.

    A relative clause is about the noun before its pronoun ("the junta that seized power");
    a clause after "and" or a pronoun about whom the sentence names as acting.
    """
    before = context.sentence[: clause.subject_start].split()
    if before and before[-1].casefold() in words.relative:
        noun: list[str] = []
        for word in reversed(before[:-1]):
            if word.casefold() in words.noun_markers - DETERMINERS or word.endswith(","):
                break
            noun.insert(0, word)
            if len(noun) >= ANTECEDENT_WORDS:
                break
        if noun:
            return noun
    for mention in context.actors:
        if agents and mention.actor_id == agents[0]:
            return mention.surface.split()
    return []


def _without_phrases(
    text: str, sentence: str, offset: int, phrases: Sequence[Phrase], words: ClauseWords
) -> str:
    """Return a part of a sentence (starting at `offset`) with its date phrases cut out, and
    the part of the day that follows one ("on Tuesday night")."""
    start = sentence.find(text, offset) if text else -1
    if start < 0:
        return text
    kept, at = [], start
    for phrase in sorted(phrases, key=lambda p: p.start):
        if phrase.end <= start or phrase.start >= start + len(text):
            continue
        kept.append(sentence[at : max(at, phrase.start)])
        at = max(at, phrase.end)
        if sentence.startswith(("’s", "'s"), at):
            at += 2  # "Monday's demolition"
        part = re.match(r"\s+(\w+)", sentence[at:])
        if part and part.group(1).casefold() in words.day_parts:
            at += part.end()
    kept.append(sentence[at : start + len(text)])
    return " ".join(" ".join(kept).split())
