"""Front-matter `actors:` overrides: the author's list becomes the article's actors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.extract.catalogue import ActorIndex
from generator.extract.names import actor_slug, fold, keys
from generator.models import ActorMention, Quote


def override_values(value: Any) -> tuple[str, ...]:
    """Return the front matter's `actors:` as strings: a list, or one name on its own."""
    if value is None or value == "":
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value),)
    return tuple(str(v) for v in value if v is not None)


def apply_overrides(
    mentions: tuple[ActorMention, ...],
    quotes: tuple[Quote, ...],
    overrides: Sequence[str],
    sentences: Sequence[str],
    index: ActorIndex,
) -> tuple[tuple[ActorMention, ...], tuple[Quote, ...]]:
    """Keep only the actors the author listed; add those the text never names by that form."""
    if not overrides:
        return mentions, quotes
    wanted = {_resolve(value, index): value.strip() for value in overrides if value.strip()}
    kept = tuple(m for m in mentions if m.actor_id in wanted)
    found = {m.actor_id for m in kept}
    added = []
    if sentences:  # a mention points at a sentence: an empty article has none to show
        for actor_id, value in wanted.items():
            if actor_id not in found:
                entry = index.entries.get(actor_id)
                name = entry.name if entry else value
                kind = entry.type if entry else "other"
                added.append(ActorMention(actor_id, name, _sentence_of(name, sentences), kind))
    return kept + tuple(added), tuple(q for q in quotes if q.actor_id in wanted)


def _resolve(value: str, index: ActorIndex) -> str:
    """Return the catalogue id a front-matter value names (id, name or alias), else a new id."""
    value = value.strip()
    if value in index.entries:
        return value
    for target in index.aliases.get(keys(value, index.words.suffixes), ()):
        if target.how == "name":
            return target.actor_id
    return actor_slug(value)


def _sentence_of(name: str, sentences: Sequence[str]) -> int:
    """Return the first sentence that contains the name, else the first sentence."""
    folded = fold(name)
    return next((k for k, s in enumerate(sentences) if folded in fold(s)), 0)
