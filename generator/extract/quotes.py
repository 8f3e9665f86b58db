"""Attribute direct quotations to the actor the text says speaks them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract.reading import Reading, Span
from generator.models import Quote

_MARKS = re.compile(r"[\"“”«»„]")
_OPENING = frozenset("“«„")
_CLOSING = frozenset("”»")
CLAUSE_BREAKS = frozenset({"while", "but", "whereas", "although", "though", ";"})
VERB_WINDOW = 20  # tokens between a quotation and the verb of saying that introduces it
SPEAKER_WINDOW = 15  # tokens between that verb and its speaker ("X, who led ..., said")
CLOSE = 6  # a speaker this near the verb is "close"; among close ones a person wins
MIN_WORDS = 2  # a one-word scare quote ("biased") is not a quotation
PERSONAL = frozenset({"he", "she", "his", "her"})
IMPERSONAL = frozenset({"it", "they", "statement", "ministry", "communique", "note", "document"})


@dataclass(frozen=True, slots=True)
class _Segment:
    """A quoted passage: sentence s, characters [start, end) (the marks excluded)."""

    sentence: int
    start: int
    end: int
    text: str
    continues: bool  # the passage began in an earlier sentence


def find_quotes(reading: Reading, spans: Sequence[Span]) -> tuple[Quote, ...]:
    """Return each quotation with the actor who says it, in text order."""
    quotes: list[Quote] = []
    last: tuple[int, str] | None = None  # (sentence, speaker) of the previous quote
    segments = quote_segments(reading.sentences)
    inside: dict[int, list[tuple[int, int]]] = {}
    for seg in segments:
        inside.setdefault(seg.sentence, []).append((seg.start, seg.end))
    by_sentence: dict[int, list[Span]] = {}
    for span in spans:
        by_sentence.setdefault(span.sentence, []).append(span)
    for passage in _passages(segments):
        speaker = None
        for segment in passage:
            quoted = inside[segment.sentence]
            own = by_sentence.get(segment.sentence, [])
            speaker = speaker or _speaker(reading, spans, own, segment, last, quoted)
        if speaker is None:
            continue
        last = (passage[-1].sentence, speaker)
        text = " ".join(seg.text.strip() for seg in passage).strip(" ,;:")
        if len(text.split()) >= MIN_WORDS:
            quotes.append(Quote(speaker, text, passage[0].sentence))
    return tuple(quotes)


def _passages(segments: list[_Segment]) -> list[list[_Segment]]:
    """Group segments that one quotation spans across sentences."""
    passages: list[list[_Segment]] = []
    for segment in segments:
        if segment.continues and passages:
            passages[-1].append(segment)
        else:
            passages.append([segment])
    return passages


def quote_segments(sentences: Sequence[str]) -> list[_Segment]:
    """Return the quoted passages; an unclosed quote runs on until a sentence opens a new one."""
    segments: list[_Segment] = []
    open_at: int | None = None
    for s, sentence in enumerate(sentences):
        carried = open_at is not None and sentence.lstrip()[:1] not in tuple('"“«„')
        open_at = 0 if carried else None
        continues = carried
        for match in _MARKS.finditer(sentence):
            mark, pos = match.group(), match.start()
            if open_at is None and mark not in _CLOSING:
                open_at = pos + 1
            elif open_at is not None and mark not in _OPENING:
                segments.append(_Segment(s, open_at, pos, sentence[open_at:pos], continues))
                open_at, continues = None, False
        if open_at is not None:
            segments.append(_Segment(s, open_at, len(sentence), sentence[open_at:], continues))
    return segments


def _speaker(
    reading: Reading,
    spans: Sequence[Span],
    own: Sequence[Span],
    seg: _Segment,
    last: tuple[int, str] | None,
    quoted: list[tuple[int, int]],
) -> str | None:
    """Return who says the passage: the actor next to a verb of saying, or who spoke before.

    `own` are the spans of the passage's sentence (in the order of `spans`).
    """
    tokens = reading.tokens[seg.sentence]
    starts = [t.start for t in tokens]  # in text order: the tokens from a place are bisected
    inside: set[int] = set()
    for a, b in quoted:  # usually one or two ranges
        inside.update(range(bisect_left(starts, a), bisect_left(starts, b)))
    outside = [k for k in range(len(tokens)) if k not in inside]
    outside_set = set(outside)
    if not outside:  # the whole sentence is quoted: the speaker goes on
        return last[1] if last and last[0] >= seg.sentence - 1 else None
    first = bisect_left(starts, seg.start)  # the first token inside the passage
    after = bisect_left(starts, seg.end)  # the first token after it
    verbs = sorted(
        (first - k if k < first else k - after, k)
        for k in outside
        if tokens[k].key in reading.index.words.speech_verbs
        and not (k >= after and {t.key for t in tokens[after:k]} & CLAUSE_BREAKS)
    )
    framed = [sp for sp in own if sp.how != "country" and sp.start in outside_set]
    if verbs and verbs[0][0] <= VERB_WINDOW:
        return _near_verb(reading, framed, seg, [verbs[0][1]], last, spans)
    lead = reading.key(seg.sentence, first - 2)  # the word before the opening mark
    before = [sp for sp in framed if sp.end <= first]
    if lead in ("as", ":") and before:  # 'X dismissed the move as "..."', 'X: "..."'
        return before[0].actor_id if lead == "as" else before[-1].actor_id
    return None


def _near_verb(
    reading: Reading,
    framed: list[Span],
    seg: _Segment,
    verbs: list[int],
    last: tuple[int, str] | None,
    spans: Sequence[Span],
) -> str | None:
    """Return the actor nearest the verb of saying, or who a pronoun points back to."""
    verb = verbs[0]
    s = seg.sentence
    if reading.key(s, verb - 1) in PERSONAL | IMPERSONAL and not reading.covered[s][verb - 1]:
        return _pronoun(reading, framed, spans, seg.sentence, verb, last)
    heads = [sp for sp in framed if reading.key(sp.sentence, sp.end) != "'s"] or framed
    if heads:
        best = min(heads, key=lambda sp: _rank(reading, sp, verb))
        if _distance(best, verb) <= SPEAKER_WINDOW:
            return best.actor_id
    pronoun = _pronoun(reading, framed, spans, seg.sentence, verb, last)
    subject = [sp for sp in framed if sp.end <= verb]  # "X rejected ..., calling it "..."
    return pronoun or (subject[0].actor_id if subject else None)


def _pronoun(
    reading: Reading,
    framed: list[Span],
    spans: Sequence[Span],
    s: int,
    verb: int,
    last: tuple[int, str] | None,
) -> str | None:
    """Resolve "it said", "she told", "the judge said": the clause subject, or who spoke last."""
    tokens = reading.tokens[s]
    near = {tokens[k].key for k in range(max(0, verb - 3), verb)}
    person = bool(near & (PERSONAL | reading.index.words.titles))
    if not person and not near & IMPERSONAL:
        return None
    subject = [
        sp
        for sp in framed
        if sp.end <= verb and (reading.type_of(sp.actor_id) == "person") == person
    ]
    if subject:
        return subject[0].actor_id
    if last is not None and (reading.type_of(last[1]) == "person") == person:
        return last[1]
    earlier = [
        sp
        for sp in spans
        if sp.sentence < s
        and sp.how != "country"
        and (reading.type_of(sp.actor_id) == "person") == person
    ]
    return earlier[-1].actor_id if earlier else None


def _rank(reading: Reading, span: Span, verb: int) -> tuple[bool, bool, int, bool]:
    """Order candidate speakers: close to the verb, people first, then nearest, before first."""
    distance = _distance(span, verb)
    return (
        distance > CLOSE,
        reading.type_of(span.actor_id) != "person",
        distance,
        span.start > verb,
    )


def _distance(span: Span, verb: int) -> int:
    return verb - span.end if span.end <= verb else span.start - verb
