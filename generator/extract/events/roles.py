"""Tell who takes part in an event a sentence reports: who acts and who is acted on.

The agent is the grammatical subject of the trigger's clause: the actor named nearest before the
trigger inside its clause, skipping names that only modify another name ("Azerbaijani President
İlham Aliyev"), venues ("met in Washington"), brokers ("a Russian-brokered truce") and speakers
("Lemoyne said ..."). Targets are the first names after the trigger. Symmetric events (a clash,
a call, a meeting) take the pair the sentence names: its subjects, "between A and B", or, for
"the two sides", the pair the article names together most often.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from generator.extract.memo import per_call
from generator.models import ActorMention

# Verbs and phrases that report speech: who is named with them speaks, and takes no part in
# the event the speech reports.
REPORTING = (
    r"said|says|say|told|tells|added|adds|noted|notes|stated|stressed|wrote|writes|claimed"
    r"|claims|insisted|argued|explained|recalled|reported|announced|declared|warned"
    r"|according\s+to"
)
SPEAKER_AFTER = re.compile(
    rf"^(?:\s*,)?\s+(?:(?:also|again|then|later|earlier|has|had|have|on\s+\w+|late|early)\s+)*"
    rf"(?:{REPORTING})\b",
    re.I,
)
SPEAKER_BEFORE = re.compile(rf"(?:\b(?:{REPORTING})|\bwhat)\s+(?:the\s+|an?\s+)?$", re.I)
# What starts a new clause before or after a trigger.
BOUNDARY = re.compile(
    rf"[;:]|\s[–—]\s|\b(?:who|whom|which|that|when|while|whereas|after|before|because|since"
    rf"|until|although|though|but|{REPORTING})\b",
    re.I,
)
RELATIVE = re.compile(r"^(?:who|which|that)$", re.I)
# Between two names, words that make the first a modifier of the second ("French counterpart").
MODIFIER_GAP = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[A-Z][\w.’'-]*|counterpart|president|minister|ambassador|envoy"
    r"|leader|foreign|prime|deputy|chief|spokes\w+|head|chancellor|king|queen|secretary"
    r"|ambassador-designate|chargé|charge)\s+){0,4}$"
)
# Between two names of one coordinated group ("A, B and C", "A and his counterpart B").
GROUP_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s*and\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+){0,2}?)$"
)
MEDIATOR_AFTER = re.compile(r"^-?\s*(?:brokered|mediated|sponsored|hosted)\b", re.I)
MEDIATOR_BEFORE = re.compile(r"\b(?:brokered|mediated|hosted)\s+by\s+(?:the\s+)?$", re.I)
VENUE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# Plural references to the two sides of a conflict or a talk, resolved to the article's pair.
BOTH_SIDES = re.compile(
    r"\b(?:the\s+two|both|the|two)\s+(?:sides|countries|nations|neighbou?rs|parties|leaders"
    r"|rivals|rival\s+nations|governments|foes|capitals)\b",
    re.I,
)
# Between a symmetric trigger and the other side it names ("talks with", "an attack on").
NEAR_AFTER = re.compile(
    r"^\s*(?:(?:on|last|this)\s+\w+,?\s+)?(?:with|against|on|and|to|by|between|from)?\s*"
    r"(?:(?:the|his|her|their)\s+)?(?:(?:[A-Z][\w.’'-]*|counterpart|president|minister"
    r"|leader|foreign|prime)\s+){0,4}$"
)
# Lowercase words after a name that do not make it qualify a noun ("in Vienna on Monday").
NOT_NOUNS = frozenset(
    re.split(
        r"\s+",
        "on in at to for and or but with by from of over after before during since as when "
        "while where who which that said says told late early last this next yesterday today "
        "is was were are has had have will would could should may might",
    )
)
PLACE_NOUNS = re.compile(
    r"\b(?:state|province|region|city|capital|town|village|district|county|border|area|coast"
    r"|island|islands|north|south|east|west)$",
    re.I,
)
PLACE_KINDS = frozenset(("country", "place", "city", "location"))


@dataclass(frozen=True, slots=True)
class Span:
    """Where a sentence names an actor."""

    start: int
    end: int
    actor: str
    kind: str


@dataclass(frozen=True, slots=True)
class Roles:
    """What the roles of an event type's participants are read with."""

    symmetric: bool = False  # both sides act alike (a clash, a call): one list of participants
    speech: bool = False  # a statement: who speaks is who acts
    pair: tuple[str, ...] = ()  # the article's two main sides, for "the two sides"


def actor_spans(sentence: str, mentions: Sequence[ActorMention]) -> list[Span]:
    """Return every place a sentence names one of its actors, longest name first on overlap."""
    surfaces = {(m.surface, m.actor_id, m.type) for m in mentions if m.surface.strip()}
    if not surfaces:
        return []
    return list(_spans_of(sentence, tuple(sorted(surfaces, key=lambda s: (-len(s[0]), s)))))


@per_call
def _spans_of(sentence: str, surfaces: tuple[tuple[str, str, str], ...]) -> tuple[Span, ...]:
    """Return actor_spans of the (surface, actor, type) named, longest first (remembered)."""
    found: list[Span] = []
    for surface, actor, kind in surfaces:
        for start, end in _whole_words(sentence, surface):
            if all(end <= s.start or start >= s.end for s in found):
                found.append(Span(start, end, actor, kind))
    return tuple(sorted(found, key=lambda s: s.start))


def _whole_words(sentence: str, surface: str) -> Iterator[tuple[int, int]]:
    r"""Yield where `surface` stands as a whole word, as finditer of `(?<!\w)surface(?!\w)` would.

    str.find skips to each place the surface is written; the pattern is tried at every position.
    """
    at = sentence.find(surface)
    while at >= 0:
        end = at + len(surface)
        if not (_word_character(sentence[at - 1 : at]) or _word_character(sentence[end : end + 1])):
            yield at, end
            at = sentence.find(surface, end)
        else:
            at = sentence.find(surface, at + 1)


def _word_character(character: str) -> bool:
    r"""Tell whether a character (or "" past either end) is one that re's \w matches."""
    return character.isalnum() or character == "_"


def quoted(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the quotations in a sentence."""
    return [m.span() for m in re.finditer(r"[“\"][^”\"]*[”\"]?", sentence)]


def split_roles(
    sentence: str,
    start: int,
    end: int,
    mentions: Sequence[ActorMention],
    roles: Roles,
    spans: list[Span] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (who acts, who is acted on) for the trigger at `start`:`end` of a sentence.

    `spans` are actor_spans(sentence, mentions), when the caller has them already.
    """
    every = actor_spans(sentence, mentions) if spans is None else spans
    return _split(sentence, start, end, tuple(every), roles)


@per_call
def _split(
    sentence: str, start: int, end: int, every: tuple[Span, ...], roles: Roles
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return split_roles' (agents, targets) from the sentence's actor spans (remembered)."""
    spans = _candidates(sentence, start, list(every))
    if roles.symmetric:
        return _unique(_parties(sentence, start, end, spans, roles)), ()
    acting, acted_on = _agent_and_targets(sentence, start, end, spans, roles)
    agents = _unique(acting + _owners(sentence, every, acting))
    return agents, tuple(a for a in _unique(acted_on) if a not in agents)


def _candidates(sentence: str, trigger: int, spans: list[Span]) -> list[Span]:
    """Drop names that cannot take part: modifiers, venues, brokers, quoted names."""
    quotes = quoted(sentence)
    own = next(((s, e) for s, e in quotes if s <= trigger < e), None)
    kept = []
    for i, span in enumerate(spans):
        following = spans[i + 1] if i + 1 < len(spans) else None
        if following and MODIFIER_GAP.match(sentence[span.end : following.start]):
            continue  # "Azerbaijani President İlham Aliyev": the person is named
        if re.search(r"\b(?:anti|pro|non)-$", sentence[: span.start], re.I):
            continue  # "an anti-Azerbaijan resolution" names whom it is about, not who acts
        if VENUE_BEFORE.search(sentence[: span.start]) and _qualifies(sentence[span.end :]):
            continue  # "in the Senate building", "at the Quad summit": a place, not a party
        inside = next(((s, e) for s, e in quotes if s <= span.start < e), None)
        if inside is not None and inside != own:
            continue  # a name inside someone's words takes no part in this sentence's event
        kept.append(span)
    return kept


def _qualifies(after: str) -> bool:
    """Tell whether a name is followed by the noun it qualifies ("Senate building")."""
    follower = re.match(r"\s+([a-z]+)\b", after)
    return follower is not None and follower.group(1) not in NOT_NOUNS


def _owners(sentence: str, spans: Sequence[Span], heads: Sequence[str]) -> list[str]:
    """Return the countries that own the agents ("Chile's Chamber of Deputies": Chile)."""
    owners = []
    for span, following in itertools.pairwise(spans):
        gap = sentence[span.end : following.start]
        owned = following.actor in heads and re.match(r"['’]s\s", gap)
        if owned and span.kind in PLACE_KINDS and MODIFIER_GAP.match(gap):
            owners.append(span.actor)
    return owners


def _is_speaker(sentence: str, span: Span) -> bool:
    return bool(
        SPEAKER_AFTER.match(sentence[span.end :]) or SPEAKER_BEFORE.search(sentence[: span.start])
    )


def _is_venue(sentence: str, span: Span, spans: Sequence[Span]) -> bool:
    """Tell whether a place is where the event happened ("in Washington, U.S.")."""
    if span.kind not in PLACE_KINDS:
        return False
    before = sentence[: span.start]
    if VENUE_BEFORE.search(before):
        owned = re.match(r"['’]s\s+((?:[\w-]+\s+){0,3}?[\w-]+)", sentence[span.end :])
        # "in Chile's lower house" names a body; "in Sudan's Blue Nile state" a place
        return owned is None or bool(PLACE_NOUNS.search(owned.group(1)))
    previous = [s for s in spans if s.end <= span.start]
    return bool(
        previous
        and re.fullmatch(r",\s*", sentence[previous[-1].end : span.start])
        and _is_venue(sentence, previous[-1], spans)
    )


def _is_mediator(sentence: str, span: Span) -> bool:
    return bool(
        MEDIATOR_AFTER.match(sentence[span.end :]) or MEDIATOR_BEFORE.search(sentence[: span.start])
    )


def _clause(sentence: str, start: int, end: int) -> tuple[int, int, re.Match[str] | None]:
    """Return the bounds of the trigger's clause and the word that opens it, if any."""
    opener = None
    for match in BOUNDARY.finditer(sentence, 0, start):
        opener = match
    right = BOUNDARY.search(sentence, end)
    return (opener.end() if opener else 0), (right.start() if right else len(sentence)), opener


def _group_before(sentence: str, spans: Sequence[Span], at: int, floor: int) -> list[Span]:
    """Return the coordinated group of names that ends nearest before `at` ("A and B")."""
    before = [s for s in spans if floor <= s.start and s.end <= at]
    if not before:
        return []
    group = [before[-1]]
    for span in reversed(before[:-1]):
        if not GROUP_GAP.match(sentence[span.end : group[0].start]):
            break
        group.insert(0, span)
    return _listed(sentence, group, keep_last=True)


def _listed(sentence: str, group: list[Span], keep_last: bool) -> list[Span]:
    """Return a group as a list only if "and" joins it; commas alone make an appositive."""
    if len(group) < 2:
        return group
    gaps = [sentence[a.end : b.start] for a, b in itertools.pairwise(group)]
    if any(re.search(r"\band\b", g) for g in gaps):
        return group
    return group[-1:] if keep_last else group[:1]


def _group_after(sentence: str, spans: Sequence[Span], at: int, ceiling: int) -> list[Span]:
    """Return the coordinated group of names that starts nearest after `at`."""
    after = [s for s in spans if s.start >= at and s.end <= ceiling]
    if not after:
        return []
    group = [after[0]]
    for span in after[1:]:
        if not GROUP_GAP.match(sentence[group[-1].end : span.start]):
            break
        group.append(span)
    return _listed(sentence, group, keep_last=False)


def _agent_and_targets(
    sentence: str, start: int, end: int, spans: list[Span], roles: Roles
) -> tuple[list[str], list[str]]:
    """Return who acts and who is acted on for a one-sided event."""
    left, right, opener = _clause(sentence, start, end)
    speakers = [s for s in spans if _is_speaker(sentence, s)]
    usable = [s for s in spans if s not in speakers and not _is_venue(sentence, s, spans)]
    inside = [s for s in usable if s.start < end and s.end > start]
    usable = [s for s in usable if s not in inside]
    agents = inside or _group_before(sentence, usable, start, left)  # "a Senate resolution"
    apposed = _apposed_subject(sentence, start, usable)
    if apposed is not None and all(a.end <= apposed[1] for a in agents):
        agents = [apposed[0]]  # "X, the star witness against Y, took the stand and accused"
    targets = _group_after(sentence, usable, end, right)
    tail = sentence[end:]
    by = re.match(r"\s+(?:by|in|at|from)\s+(?:the\s+)?", tail, re.I)
    passive = False
    if targets and by and end + by.end() == targets[0].start and _legislative(targets):
        agents, targets = targets, []  # "a resolution adopted by the Senate": it acts
    elif passive := _passive(sentence, start):
        agent_by = re.search(r"\bby\s", tail[:60])
        acting = _group_after(sentence, usable, end + agent_by.end(), right) if agent_by else []
        agents, targets = acting, agents  # "he was summoned": who is named before is the target
    if not agents and opener is not None and RELATIVE.match(opener.group(0)):
        agents = _group_before(sentence, usable, opener.start(), 0)  # "A, who reached ..."
    if not agents and not sentence[:start].strip(" “\"'") and start < end:
        agents = _main_subject(sentence, end, usable)  # "Slamming X, Azerbaijan called ..."
    if not agents and roles.speech:
        agents = [s for s in speakers if s.start < start][-1:] or speakers[:1]
    if not agents:
        agents = _self_report(sentence, start, left, opener, spans)
    if not agents and not passive:  # "the coach was sacked": no one named acts
        agents, targets = targets, []
    return [s.actor for s in agents], [s.actor for s in targets]


def _self_report(
    sentence: str, start: int, left: int, opener: re.Match[str] | None, spans: Sequence[Span]
) -> list[Span]:
    """Return the speaker of "X said he had spoken by phone": he is X, who acts."""
    if opener is None or not re.fullmatch(REPORTING, opener.group(0), re.I):
        return []
    if not re.match(r"\s+(?:that\s+)?(?:he|she)\b", sentence[left:start], re.I):
        return []
    asides = [m.span() for m in re.finditer(r",\s+(?:who|which)\b[^,]*,", sentence)]
    outside = [s for s in spans if not any(a <= s.start < b for a, b in asides)]
    return [s for s in outside if s.end <= opener.start()][-1:]  # he is who said it


def _legislative(spans: Sequence[Span]) -> bool:
    return any(s.kind not in PLACE_KINDS for s in spans[:1])


def _passive(sentence: str, start: int) -> bool:
    """Tell whether the trigger is a verb in the passive voice ("was summoned")."""
    words = re.findall(r"[\w’']+", sentence[:start])[-1:]
    return bool(words) and words[0].casefold() in {"was", "were", "been", "being", "is", "are"}


APPOSITION_OPENS = re.compile(r",\s+(?:the|a|an|his|her|its|their|who|whose)\b", re.I)
SUBJECT_WORDS = 5  # words before a sentence's first name that may still be its subject's


def _apposed_subject(sentence: str, start: int, spans: Sequence[Span]) -> tuple[Span, int] | None:
    """Return the sentence's subject, and where the apposition after it closes, when that
    apposition stands between it and the verb: "X, the star witness against Y, took the stand
    and accused him" - X acts, not Y, the last name before the verb. Only when no name stands
    between the apposition and the verb."""
    lead = len(sentence) - len(sentence.lstrip())  # a dateline is blanked out
    opening = APPOSITION_OPENS.search(sentence, lead, start)
    if opening is None or "," in sentence[lead : opening.start()]:
        return None
    closing = sentence.find(",", opening.end(), start)
    if closing < 0 or any(closing <= s.start < start for s in spans):
        return None
    before = [s for s in spans if s.end <= opening.start()]
    if not before or len(sentence[lead : before[-1].start].split()) > SUBJECT_WORDS:
        return None
    if sentence[before[-1].end : opening.start()].strip():
        return None  # the name ends the subject, right before the apposition's comma
    return before[-1], closing


def _main_subject(sentence: str, end: int, spans: Sequence[Span]) -> list[Span]:
    """Return the subject of the main clause after an opening participle phrase."""
    comma = re.compile(r",\s+").search(sentence, end)
    while comma and any(s <= comma.start() < e for s, e in quoted(sentence)):
        comma = re.compile(r",\s+").search(sentence, comma.end())
    if comma is None:
        return []
    group = _group_after(sentence, spans, comma.end(), len(sentence))
    if group and re.fullmatch(r"(?:the\s+)?", sentence[comma.end() : group[0].start], re.I):
        return group
    return []


def _parties(sentence: str, start: int, end: int, spans: list[Span], roles: Roles) -> list[str]:
    """Return the sides of a symmetric event, the pair the sentence or the article names."""
    usable = [
        s
        for s in spans
        if not _is_speaker(sentence, s)
        and not _is_venue(sentence, s, spans)
        and not _is_mediator(sentence, s)
    ]
    left, right, opener = _clause(sentence, start, end)
    subject = _subject(sentence, usable, start, left)
    if not subject and opener is not None and RELATIVE.match(opener.group(0)):
        subject = _group_before(sentence, usable, opener.start(), 0)
    subject = subject or _self_report(sentence, start, left, opener, spans)
    if len(_unique(s.actor for s in subject)) >= 2:
        return [s.actor for s in subject]
    between = _between(sentence, usable)
    if between:
        return between
    others = _group_after(sentence, usable, end, right)
    if others and not NEAR_AFTER.match(sentence[end : others[0].start]):
        others = []  # only "met X", "talks with X", "an attack on X" name the other side
    sides = _unique(s.actor for s in subject + others)
    if len(sides) >= 2:
        return list(sides)
    if BOTH_SIDES.search(sentence) and roles.pair:
        return list(roles.pair)
    pairs = [g for g in coordinated(sentence, usable) if len(_unique(s.actor for s in g)) >= 2]
    if pairs:
        return [s.actor for s in pairs[0]]
    nearest = _group_before(sentence, usable, start, 0) or _group_after(
        sentence, usable, end, right
    )
    mediators = [s.actor for s in spans if _is_mediator(sentence, s)][:1]
    return list(sides) or [s.actor for s in nearest] or mediators


def _subject(sentence: str, spans: Sequence[Span], start: int, left: int) -> list[Span]:
    """Return the group that opens the trigger's clause (its subject), else the nearest one."""
    first = _group_after(sentence, spans, left, start)
    if len(_unique(s.actor for s in first)) >= 2:
        return first
    return _group_before(sentence, spans, start, left)


def _between(sentence: str, spans: Sequence[Span]) -> list[str]:
    for group in coordinated(sentence, spans):
        if BETWEEN.search(sentence[: group[0].start]) and len(group) >= 2:
            return [s.actor for s in group]
    return []


def coordinated(sentence: str, spans: Sequence[Span]) -> list[list[Span]]:
    """Return the groups of names joined by commas and "and" in a sentence, in text order."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and GROUP_GAP.match(sentence[groups[-1][-1].end : span.start]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return [_listed(sentence, g, keep_last=False) for g in groups]


def sentence_spans(sentences: Sequence[str], mentions: Sequence[ActorMention]) -> list[list[Span]]:
    """Return actor_spans of each sentence, with the mentions of that sentence."""
    by_sentence: dict[int, list[ActorMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    return [actor_spans(s, by_sentence.get(i, [])) for i, s in enumerate(sentences)]


def article_pair(
    sentences: Sequence[str],
    mentions: Sequence[ActorMention],
    spans: Sequence[list[Span]] | None = None,
) -> tuple[str, ...]:
    """Return the two countries an article most often names together ("A and B"), if clear.

    `spans` are sentence_spans(sentences, mentions), when the caller has them already.
    """
    counts: Counter[tuple[str, ...]] = Counter()
    if spans is None:
        spans = sentence_spans(sentences, mentions)
    for sentence, found in zip(sentences, spans, strict=True):
        for group in coordinated(sentence, found):
            sides = _unique(s.actor for s in group)
            if len(group) == 2 and len(sides) == 2 and all(s.kind == "country" for s in group):
                counts[tuple(sorted(sides))] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ()
    return ranked[0][0]


def _unique(actors: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(actors))
