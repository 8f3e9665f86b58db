"""Name an event like a headline: who (actor names) + the type's verb + a clean object phrase.

A title is never a raw sentence: with nobody named it is the type's label and a place or a date
("Protest in Accra", "Ruling of March 2021"). An object phrase ends at a clean noun-phrase
boundary or is left out ("rejects a new French resolution", never "recognises the so-called").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache

from generator.extract.events.kinds import EventType, EventTypes
from generator.extract.names import verb_only
from generator.models import DateInfo, EventMention

MAX_TITLE = 90
PRECISION = {"day": 0, "month": 1, "year": 2}  # a report's rank by how precise its date is


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_OBJECT_WORDS = 8
# Words that end an object phrase: a new clause, a place, a time or a reason begins.
OBJECT_STOPS = _wordset(
    "that which who whom whose after amid as with in on at from by to for and but when "
    "while late early last since over before during despite because had has have was were "
    "is are would will could should may might later next this earlier yesterday today"
)
# Words an object phrase may not end on: it would read as a fragment.
TRAILING_JUNK = _wordset(
    "a an the its their his her and or of so-called this that these those any some new"
)
# Words an object phrase may not start with: a pronoun or quantifier needs its clause.
LEADING_JUNK = _wordset("any it that this these those he she they we all some which")
QUOTES = "\"“”‘’'"
NUMBER = re.compile(r"\d[\d,.]*")
# A report of the event: its sentence, the mention, and who acts in it (principal actor).
Report = tuple[str, EventMention, str | None]


def event_title(
    kind: str,
    reports: Sequence[Report],
    names: Mapping[str, str],
    types: EventTypes,
    date: DateInfo | None = None,
) -> str:
    """Return a headline for an event from the mentions that report it."""
    event_type = types.get(kind)
    label = event_type.label if event_type else kind.replace("_", " ").capitalize()
    ranked = sorted(reports, key=_representative)
    # the words of the clause that states it: who did what to whom
    headline = next((m.headline for _, m, _ in ranked if m.headline), None)
    if event_type is None and headline:  # a happening of no known kind says itself
        return _fit(headline, [])
    parties = event_type.parties if event_type else 1
    sides = _sides(ranked, names, parties) if parties else []
    if sides and event_type is not None:
        objects = _objects(ranked, event_type)  # read only as far as the title needs
        first = next(objects, None)
        if first is None and headline:
            return _fit(headline, [])  # not "X makes a statement", "Agreement involving X"
        said = _said(ranked) if event_type.speech and first is None else ""
        if said:
            return _fit(f"{sides[0]} says {said}", [])  # not "X makes a statement"
        if parties >= 2 and len(sides) == 1:
            head = f"{label} involving {sides[0]}"
        elif event_type.direct_object and first is None:
            head = f"{label} by {sides[0]}"  # "Belarus rejects" alone would read cut off
        else:
            verb = event_type.verb_plural if len(sides) > 1 else event_type.verb
            head = f"{_join(sides)} {verb}"
        return _fit(head, objects if first is None else itertools.chain([first], objects))
    if headline:
        return _fit(headline, [])
    place = _place(ranked, types)
    if place:
        return _fit(f"{label} in {place}", [])
    return _fit(f"{label} {_when(date)}", [])


def _fit(head: str, objects: Iterable[str]) -> str:
    """Return the head with the first object phrase that keeps the title short enough."""
    for rest in itertools.chain(objects, [""]):
        title = _tidy(f"{head} {rest}")
        if len(title) <= MAX_TITLE:
            return title
    return _tidy(head)[:MAX_TITLE].rsplit(" ", 1)[0]


def _representative(report: Report) -> tuple[bool, int, bool, int]:
    """Order reports: with named actors, most precisely dated, news first, then text order."""
    mention = report[1]
    precision = PRECISION.get(mention.date.precision, 3)
    dated = precision if mention.date.value is not None else 3
    return (not mention.actors, dated, mention.role != "reports", mention.sentence)


def _sides(ranked: Sequence[Report], names: Mapping[str, str], parties: int) -> list[str]:
    """Return who the title names: the main actor, or the two sides of a symmetric event."""
    acting = Counter(a for _, m, _ in ranked for a in m.actors)
    order = {a: i for i, a in enumerate(acting)}  # in the order first named
    # the other counts are taken only where needed: an event may have thousands of reports
    if parties >= 2:
        pairs = Counter(frozenset(m.actors[:parties]) for _, m, _ in ranked if len(m.actors) > 1)
        if pairs:
            best = max(pairs.items(), key=lambda kv: (kv[1], -min(order[a] for a in kv[0])))[0]
            shown = sorted(best, key=order.__getitem__)  # the pair named, in the order named
            return [names.get(a) or a.replace("-", " ").title() for a in shown]
        counts = Counter(a for _, m, _ in ranked for a in m.actors + m.targets)
        key = lambda a: (-acting[a], -counts[a], order.get(a, len(order)))  # noqa: E731
    else:
        subjects = Counter(p for _, _, p in ranked if p)
        key = lambda a: (-subjects[a], -acting[a], order.get(a, len(order)))  # noqa: E731
    chosen = sorted(acting, key=key)[: max(parties, 1)]
    return [names.get(a) or a.replace("-", " ").title() for a in chosen]


# "said that", "told reporters on Tuesday that": the words a statement's content follows.
SAID = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?(?:reporters|journalists|the\s+\w+)|stated|added|"
    r"warned|declared|insisted|wrote)\b(?:\s+in\s+an?\s+(?:\w+\s+)?statement)?"
    r"(?:\s+(?:on|late|early)\s+\w+)?(?:\s+that)?\s+(.+)",
    re.I | re.S,
)
# "<what was said>, the ministry said": the content stands before the speaker.
SAID_AFTER = re.compile(
    r"^(.{12,}?)(?:,[\"”’]?|[.!?]?[\"”’],)\s+(?:[\w.’'-]+\s+){1,8}?"
    r"(?:said|says|told|added|stated|wrote)\b",
    re.S,
)
SAID_WORDS = 10  # words of what was said a title keeps
LEADING_SAID = _wordset("in on at of for to and but or as with by from prior following")
SAID_ENDS = _wordset("is are was were be been has have had would will could not it")


def _said(ranked: Sequence[Report]) -> str:
    """Return what a statement said, as a title may put it: the clause before ", X said" or
    after "X said (that)", cut where a phrase ends ("Canadian aircraft have detected
    underwater noises"); "" when no clean words are found."""
    for sentence, _, _ in ranked:
        for pattern in (SAID_AFTER, SAID):
            match = pattern.search(sentence)
            said = _clean_said(match.group(1)) if match else ""
            if said:
                return said
    return ""


def _clean_said(text: str) -> str:
    """Return the first clause of a statement's words, quotation marks dropped, cut at a
    phrase boundary after three words at most SAID_WORDS long; "" when none reads whole."""
    quoted = text.lstrip()[:1] in '"“'
    words = re.split(r"[,;:()—–]|\s-\s|\.(?:\s|$)", re.sub(r"[\"“”]", "", text))[0].split()
    if not words or words[0].casefold() in LEADING_SAID | OBJECT_STOPS or _verbal(words[0]):
        return ""  # "Prior to the ouster, ...", "In a statement, ...", "issued last night"
    kept: list[str] = []
    for word in words:
        if len(kept) >= 3 and word.casefold() in OBJECT_STOPS:
            break
        kept.append(word)
    while kept and kept[-1].casefold() in TRAILING_JUNK | SAID_ENDS:
        kept.pop()
    if not 3 <= len(kept) <= SAID_WORDS or not any(verb_only(w) for w in kept[1:]):
        return ""  # a clause has its verb: not "Search-and-rescue operations for the Titan"
    return f"“{' '.join(kept)}”" if quoted else " ".join(kept)  # the speaker's own words


def _join(sides: Sequence[str]) -> str:
    return sides[0] if len(sides) == 1 else ", ".join(sides[:-1]) + " and " + sides[-1]


def _objects(ranked: Sequence[Report], event_type: EventType) -> Iterator[str]:
    """Yield candidate object phrases: a cue phrase, or the words right after the trigger."""
    seen: set[str] = set()
    for sentence, mention, _ in ranked:
        after = _after(sentence, mention)
        if after in seen:
            continue  # the same words (a copied sentence) give the same phrases, tried already
        seen.add(after)
        for cue in event_type.objects:
            match = _cue(cue).search(after)
            if match and match.start() < 60:
                words = _words(match.group(1))
                if words:
                    yield f"{cue} {words}"
        if event_type.direct_object:
            words = _words(after)
            if words:
                yield words


@cache
def _cue(cue: str) -> re.Pattern[str]:
    """Return the pattern of a cue word and the words after it (compiled once per cue)."""
    return re.compile(rf"(?<!\w){re.escape(cue)}\s+(.*)", re.I | re.S)


def _after(sentence: str, mention: EventMention) -> str:
    at = sentence.find(mention.trigger) if mention.trigger else -1
    return sentence[at + len(mention.trigger) :] if at >= 0 else ""


def _words(text: str) -> str:
    """Return the noun phrase that opens `text`, or "" when it has no clean end."""
    words = _unquote(text).split()
    taken: list[str] = []
    ended = False
    for word in words:
        bare = word.rstrip(",.;:!?)")
        if word[:1] in QUOTES + "(" or not bare or bare.casefold() in OBJECT_STOPS:
            ended = True
            break
        if taken and NUMBER.fullmatch(bare):
            ended = True
            break
        taken.append(bare)
        if bare != word:
            ended = True
            break
        if len(taken) > MAX_OBJECT_WORDS:
            return ""  # no boundary in sight: a cut here would leave a fragment
    ended = ended or len(taken) == len(words)
    while taken and (taken[-1].casefold() in TRAILING_JUNK or _verbal(taken[-1])):
        taken.pop()
    if not ended or not taken or taken[0].casefold() in LEADING_JUNK:
        return ""
    if len(taken) == 1 and not taken[0][:1].isupper():
        return ""  # "an agreement to continue": one lowercase word is a fragment
    return " ".join(taken)


def _verbal(word: str) -> bool:
    """Tell whether a word reads as a verb form that cannot end a noun phrase."""
    return word[:1].islower() and word.endswith(("ing", "ed")) and len(word) > 4


def _unquote(text: str) -> str:
    """Drop the marks of a short quotation that opens a phrase ("so-called "Republic"")."""

    def plain(match: re.Match[str]) -> str:
        inner = match.group(1)
        return inner if len(inner.split()) <= 4 else match.group(0)

    return re.sub(r"[\"“‘']([^\"“”‘’']{1,60})[\"”’']", plain, text, count=2)


def _place(ranked: Sequence[Report], types: EventTypes) -> str:
    """Return the place a sentence says the event happened in ("in Accra"), if any."""
    pattern = re.compile(
        r"\b(?:in|at|near|outside|struck|hit)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?"
        r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
    )
    for sentence, _, _ in ranked:
        for match in pattern.finditer(sentence):
            follower = re.match(r"\s+([a-z]+)", sentence[match.end() :])
            if follower and follower.group(1) not in OBJECT_STOPS:
                continue  # "at the Quad summit": a name that qualifies a noun is no place
            place = re.sub(r"(?:’s|'s)$", "", match.group(1))
            words = place.split()
            if all(w.casefold() not in types.stopwords for w in words):
                return place
    return ""


def _when(date: DateInfo | None) -> str:
    """Return "of 14 November 2022", "of March 2021", "of 2020", or "(undated)"."""
    if date is None or date.value is None:
        return "(undated)"
    day = date.value
    if date.precision == "year":
        return f"of {day.year}"
    if date.precision == "month":
        return f"of {day.strftime('%B')} {day.year}"
    return f"of {day.day} {day.strftime('%B')} {day.year}"


def _tidy(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,;:")
    return title[:1].upper() + title[1:]
