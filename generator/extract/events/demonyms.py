"""Tell which country a demonym before an event's trigger names as the one who acts.

"An Azerbaijani offensive", "Russian strikes on Ukraine", "Israeli retaliatory air strikes":
the nationality adjective that qualifies the trigger noun names who carried it out, even where
the actor extractor took no bare adjective for an actor. Demonyms come from the actor catalogue;
one that several countries share ("Congolese") names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.extract.catalogue import actor_index
from generator.extract.events.roles import NEAR_AFTER, actor_spans
from generator.knowledge import Knowledge
from generator.models import ActorMention

# A run of capitalised words, then at most two lowercase modifiers, right before the trigger.
# A plural ("Russian leaders agreed", "French lawmakers voted") or an adverb between them makes
# the demonym qualify the subject of a verb, whose own name the roles already read.
BEFORE = re.compile(
    r"((?:[A-Z][\w’'-]*\s+){1,3})(?:(?![a-z][\w-]*(?<![su])s\s|[a-z]\w*ly\s)[a-z][\w-]*\s+){0,2}$"
)

_CACHE: dict[str, dict[str, str]] = {}


def demonym_countries(knowledge: Knowledge) -> Mapping[str, str]:
    """Return folded demonym -> country id, for the demonyms only one country has."""
    key = knowledge.fingerprint or str(id(knowledge.actors))
    if key not in _CACHE:
        owners: dict[str, set[str]] = {}
        for entry in actor_index(knowledge).entries.values():
            if entry.type == "country":
                for demonym in entry.demonyms:
                    owners.setdefault(demonym.casefold(), set()).add(entry.id)
        _CACHE.clear()  # one catalogue per run
        _CACHE[key] = {d: min(ids) for d, ids in owners.items() if len(ids) == 1}
    return _CACHE[key]


def modifying_country(
    sentence: str, start: int, trigger: str, demonyms: Mapping[str, str]
) -> str | None:
    """Return the country whose demonym qualifies the trigger noun at `start`, if any."""
    head = re.match(r"(?-i:[A-Z][\w’'-]*)\s+", trigger)
    before = sentence[:start] + (head.group(0) if head else "")
    match = BEFORE.search(before)
    if match is None:
        return None
    words = match.group(1).split()
    # the whole run must end in the demonym: "Georgian Dream party rally" names a party
    for i in range(len(words)):
        country = demonyms.get(" ".join(words[i:]).casefold())
        if country is not None:
            return country
    return None


def with_modifier(
    country: str,
    found: tuple[tuple[str, ...], tuple[str, ...]],
    sentence: str,
    end: int,
    symmetric: bool,
    mentions: Sequence[ActorMention],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (who acts, who is acted on) once the demonym's country is known to act."""
    targets = found[1]
    if symmetric:
        after = [
            s.actor
            for s in actor_spans(sentence, mentions)
            if s.start >= end and NEAR_AFTER.match(sentence[end : s.start])
        ]
        return tuple(dict.fromkeys((country, *after[:1]))), ()
    return (country,), tuple(a for a in targets if a != country)
