"""Build one Actor per real entity named in the articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.extract.catalogue import Entry, actor_index
from generator.knowledge import Knowledge
from generator.models import Actor, ActorMention, Article

TYPES = ("country", "person", "organization", "legislature", "group", "other")


def build_actors(articles: Sequence[Article], knowledge: Knowledge) -> dict[str, Actor]:
    """Return the actors the articles mention, by id, with the names the texts use for them."""
    entries = actor_index(knowledge).entries
    mentions: dict[str, list[ActorMention]] = defaultdict(list)
    for article in articles:
        for mention in article.actor_mentions:
            mentions[mention.actor_id].append(mention)
    actors = {}
    for actor_id, found in sorted(mentions.items()):
        entry = entries.get(actor_id)
        actors[actor_id] = _from_entry(entry, found) if entry else _discovered(actor_id, found)
    return actors


def _from_entry(entry: Entry, found: list[ActorMention]) -> Actor:
    return Actor(
        id=entry.id,
        name=entry.name,
        type=entry.type if entry.type in TYPES else "other",
        aliases=seen_aliases(entry.name, found),
        description=entry.description,
        url=entry.url,
        in_catalogue=True,
    )


def _discovered(actor_id: str, found: list[ActorMention]) -> Actor:
    name = best_name(found)
    kinds = Counter(m.type for m in found if m.type)
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else "other"
    return Actor(
        id=actor_id,
        name=name,
        type=kind if kind in TYPES else "other",
        aliases=seen_aliases(name, found),
        in_catalogue=False,
    )


def best_name(found: Sequence[ActorMention]) -> str:
    """Return the fullest proper form the texts use: most words, most diacritics, commonest."""
    counts = Counter(m.surface for m in found)

    def rank(surface: str) -> tuple[bool, bool, int, int, int, str]:
        words = surface.split()
        possessive = "'s " in surface or "’s " in surface  # "Brazil's Senate"
        proper = sum(w[:1].isupper() for w in words)  # "Brazilian Senate" over "... senators"
        accents = sum(not c.isascii() for c in surface)
        return (not surface[:1].isupper(), possessive, -proper, -accents, -counts[surface], surface)

    return min(counts, key=rank)


def seen_aliases(name: str, found: Sequence[ActorMention]) -> tuple[str, ...]:
    """Return the other names the texts use, without lower-case references ("the ministry")."""
    forms = {m.surface.strip() for m in found}
    return tuple(sorted(f for f in forms if f != name and f[:1].isupper()))
