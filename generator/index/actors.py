"""Build one Actor per real entity named in the articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.extract.catalogue import Entry, actor_index
from generator.knowledge import Knowledge
from generator.models import ACTOR_TYPES, Actor, Article

TYPES = tuple(ACTOR_TYPES)


def build_actors(articles: Sequence[Article], knowledge: Knowledge) -> dict[str, Actor]:
    """Return the actors the articles mention, by id, with the names the texts use for them."""
    entries = actor_index(knowledge).entries
    # one count of each (actor, words, type) over all mentions; actors are read from it
    counted = Counter((m.actor_id, m.surface, m.type) for a in articles for m in a.actor_mentions)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)  # actor -> words -> mentions
    kinds: dict[str, Counter[str]] = defaultdict(Counter)  # actor -> type -> mentions
    for (actor_id, surface, kind), n in counted.items():
        surfaces[actor_id][surface] += n
        if kind:
            kinds[actor_id][kind] += n
    actors = {}
    for actor_id, found in sorted(surfaces.items()):
        entry = entries.get(actor_id)
        actors[actor_id] = (
            _from_entry(entry, found) if entry else _discovered(actor_id, found, kinds[actor_id])
        )
    return actors


def _from_entry(entry: Entry, found: Mapping[str, int]) -> Actor:
    return Actor(
        id=entry.id,
        name=entry.name,
        type=entry.type if entry.type in TYPES else "other",
        aliases=seen_aliases(entry.name, found),
        description=entry.description,
        url=entry.url,
        in_catalogue=True,
    )


def _discovered(actor_id: str, found: Mapping[str, int], kinds: Mapping[str, int]) -> Actor:
    name = best_name(found)
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else "other"
    return Actor(
        id=actor_id,
        name=name,
        type=kind if kind in TYPES else "other",
        aliases=seen_aliases(name, found),
        in_catalogue=False,
    )


def best_name(counts: Mapping[str, int]) -> str:
    """Return the fullest proper form the texts use: most words, most diacritics, commonest.

    `counts` gives how many mentions use each form.
    """

    def rank(surface: str) -> tuple[bool, bool, int, int, int, str]:
        words = surface.split()
        possessive = "'s " in surface or "’s " in surface  # "Brazil's Senate"
        proper = sum(w[:1].isupper() for w in words)  # "Brazilian Senate" over "... senators"
        accents = sum(not c.isascii() for c in surface)
        return (not surface[:1].isupper(), possessive, -proper, -accents, -counts[surface], surface)

    return min(counts, key=rank)


def seen_aliases(name: str, counts: Mapping[str, int]) -> tuple[str, ...]:
    """Return the other names the texts use, without lower-case references ("the ministry")."""
    forms = {surface.strip() for surface in counts}
    return tuple(sorted(f for f in forms if f != name and f[:1].isupper()))
