"""Name an event: who (actor names, or the subject the text gives) + the type's verb + object."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from generator.extract.events import EventTypes
from generator.extract.titles import generate_title
from generator.knowledge import Language
from generator.models import EventMention

MAX_OBJECT_WORDS = 6
MAX_SUBJECT_WORDS = 6
# Words that end an object phrase: a new clause, a place, a time or a reason begins.
OBJECT_STOPS = frozenset(
    (
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "after",
        "amid",
        "as",
        "with",
        "in",
        "on",
        "at",
        "from",
        "by",
        "to",
        "for",
        "and",
        "but",
        "when",
        "while",
        "late",
        "early",
        "last",
        "since",
        "over",
        "before",
        "during",
        "despite",
        "because",
    )
)
# Words a subject may hold besides capitalised names: "the Foreign Ministry of Poland".
SUBJECT_GLUE = frozenset(("of", "the", "for", "and", "de", "du", "des", "la", "le"))
# Date adverbials between a subject and its verb ("Poland on Wednesday summoned").
ADVERBIAL = re.compile(
    r"(?:\s*,)?\s+(?:(?:late|early)\s+)?(?:on|last|this|in|earlier|later)\s+[\w.,\s]{0,30}?$"
    r"|\s+(?:yesterday|today|also|again|once|strongly|unanimously|\"?strongly\"?)\s*$",
    re.I,
)
# A report of the event: its sentence, the mention, and who acts in it (principal actor).
Report = tuple[str, EventMention, str | None]
TRAILING_JUNK = frozenset(("a", "an", "the", "its", "their", "his", "her", "and", "or", "of"))


def event_title(
    kind: str,
    reports: Sequence[Report],
    names: Mapping[str, str],
    types: EventTypes,
    language: Language,
) -> str:
    """Return a readable title for an event from the sentences that report it."""
    event_type = types.get(kind)
    label = event_type.label if event_type else kind.replace("_", " ").capitalize()
    ranked = sorted(reports, key=_representative)
    for sentence, mention, _ in ranked:
        parties = event_type.parties if event_type else 1
        subject, plural = _who(sentence, mention, reports, names, parties, types)
        if subject and event_type is not None and parties:
            verb = event_type.verb_plural if plural else event_type.verb
            rest = _object(reports, event_type.objects, event_type.direct_object)
            return _tidy(f"{subject} {verb}{' ' + rest if rest else ''}")
    sentence = ranked[0][0] if ranked else label
    return _tidy(f"{label}: {generate_title(sentence, language)}")


def _representative(report: Report) -> tuple[bool, int, bool, int]:
    """Order reports: with named actors, most precisely dated, news first, then text order."""
    mention = report[1]
    precision = {"day": 0, "month": 1, "year": 2}.get(mention.date.precision, 3)
    dated = precision if mention.date.value is not None else 3
    return (not mention.actors, dated, mention.role != "reports", mention.sentence)


def _who(
    sentence: str,
    mention: EventMention,
    reports: Sequence[Report],
    names: Mapping[str, str],
    parties: int,
    types: EventTypes,
) -> tuple[str, bool]:
    """Return the subject of the title and whether it is plural."""
    if mention.actors:
        subjects = Counter(p for _, _, p in reports if p)
        others = Counter(a for _, m, _ in reports for a in m.actors + m.targets)
        ranked = sorted(others, key=lambda a: (-subjects[a], -others[a], a))
        top = ranked[:parties]
        shown = [names.get(a) or a.replace("-", " ").title() for a in top]
        return " and ".join(shown), len(shown) > 1
    subject = _subject(sentence[: sentence.find(mention.trigger)] if mention.trigger else "")
    if not any(w.casefold() not in types.stopwords for w in subject.split()):
        return "", False
    return subject, bool(re.search(r"\band\b", subject))


def _subject(before: str) -> str:
    """Return the capitalised noun phrase that ends `before` (the words before the trigger)."""
    text = before
    for _ in range(3):
        text = ADVERBIAL.sub("", text)
    words = text.split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip("\"“”‘’'")
        if bare[:1].isupper() or (taken and bare.casefold() in SUBJECT_GLUE):
            taken.insert(0, bare)
        else:
            break
        if len(taken) >= MAX_SUBJECT_WORDS:
            break
    while taken and taken[0].casefold() in SUBJECT_GLUE:
        taken.pop(0)
    subject = " ".join(taken).rstrip(",")
    return subject if re.search(r"[A-Z][a-z]", subject) and len(taken) <= 5 else ""


def _object(reports: Sequence[Report], cues: Sequence[str], direct: bool) -> str:
    """Return what the event is about: a cue phrase, or the words right after the trigger."""
    for sentence, mention, _ in sorted(reports, key=_representative):
        after = _after(sentence, mention)
        if cues:
            for cue in cues:
                found = re.search(rf"(?<!\w){re.escape(cue)}\s+(.*)", after, re.I | re.S)
                if found and found.start() < 60:
                    words = _words(found.group(1))
                    if words:
                        return f"{cue} {words}"
            continue
        words = _words(after) if direct else ""
        if words:
            return words
    return ""


def _after(sentence: str, mention: EventMention) -> str:
    at = sentence.find(mention.trigger) if mention.trigger else -1
    return sentence[at + len(mention.trigger) :] if at >= 0 else ""


def _words(text: str) -> str:
    """Return the first few words of `text`, up to a punctuation mark or a new clause."""
    taken: list[str] = []
    for word in text.split():
        bare = word.rstrip(",.;:!?)")
        if word[:1] in '"“(' or bare.casefold() in OBJECT_STOPS or not bare:
            break
        if taken and (re.fullmatch(r"\d[\d,.]*", bare) or bare.endswith("ing")):
            break
        taken.append(bare)
        if bare != word or len(taken) >= MAX_OBJECT_WORDS:
            break
    while taken and taken[-1].casefold() in TRAILING_JUNK:
        taken.pop()
    return " ".join(taken)


def _tidy(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,;:")
    return title[:1].upper() + title[1:]
