"""Suggest catalogue entries for actors found in the texts but missing from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from generator.extract.names import actor_words, keys
from generator.models import Actor, Corpus

EXAMPLE_MAX = 240  # characters of the example sentence kept in a suggestion


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A discovered actor, how often the texts name it, and one sentence that does."""

    actor: Actor
    articles: int
    mentions: int
    example: str


def suggest_actors(corpus: Corpus, min_articles: int = 1) -> list[Suggestion]:
    """Return the actors not in the catalogue, most-named first, then by name."""
    suggestions = []
    for actor in corpus.actors.values():
        if actor.in_catalogue:
            continue
        ids = corpus.actor_articles.get(actor.id, ())
        if len(ids) < min_articles:
            continue
        mentions = [
            (corpus.article_by_id[i], m)
            for i in ids
            for m in corpus.article_by_id[i].actor_mentions
            if m.actor_id == actor.id
        ]
        article, first = mentions[0]
        example = " ".join(article.sentences[first.sentence].split())[:EXAMPLE_MAX]
        suggestions.append(Suggestion(actor, len(ids), len(mentions), example))
    return sorted(suggestions, key=lambda s: (-s.articles, -s.mentions, s.actor.name, s.actor.id))


def suggestions_yaml(suggestions: list[Suggestion]) -> str:
    """Return the suggestions as catalogue YAML, each with its counts and example as comments."""
    if not suggestions:
        return "# No actors outside the catalogue were found.\n"
    parts = [
        "# Actors found in the texts but not in the catalogue. Check each, fill in the",
        "# description, and paste the ones you keep into catalogue/actors.yaml.",
        "",
    ]
    for s in suggestions:
        entry = {
            "id": s.actor.id,
            "name": s.actor.name,
            "type": s.actor.type,
            "aliases": [a for a in s.actor.aliases if not _generic(a)],
            "description": "",
        }
        plural = "s" if s.articles != 1 else ""
        parts.append(f"# {s.articles} article{plural}, {s.mentions} mentions. Example:")
        parts.append(f"#   {_comment(s.example)}")
        dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
        parts.append(dumped.rstrip())
        parts.append("")
    return "\n".join(parts)


def _generic(alias: str) -> bool:
    """Return whether an alias is only common words ("Senate"): a catalogue alias must not be."""
    words = actor_words()
    common = words.titles | words.state_parts | words.stop_words | set(words.heads)
    return all(key in common for key in keys(alias) if key.isalnum())


def _comment(text: str) -> str:
    """Return text safe inside a one-line YAML comment."""
    return " ".join(text.split())
